'use strict';
// internal/streams/compose: stream.compose(...streams), one Duplex made of a pipeline.
// Writing to it writes to the first stream, reading from it reads the last; the streams
// between are piped by pipeline, and an error anywhere destroys them all and the Duplex.
// A function first or last is made a Duplex by Duplex.from (internal/streams/duplexify);
// one in the middle is pipeline's (it reads the previous step as an async iterable).
// Book: chapter 8, "Streams".

const Duplex = require('internal/streams/duplex');
const pipeline = require('internal/streams/pipeline');
const eos = require('internal/streams/end-of-stream');
const u = require('internal/streams/utils');
const duplexify = require('internal/streams/duplexify');
const { codes, argValue } = require('internal/errors');

const { forwardWrites, forwardReads, take, destroyStream } = duplexify;

// Every stream but the last must be readable, every one but the first writable.
function checkSides(streams, given) {
  const last = streams.length - 1;
  streams.forEach((stream, n) => {
    if (!u.isNodeStream(stream)) return; // an iterable or a function: pipeline's to judge
    if (n < last && !u.isReadable(stream)) throw argValue(`streams[${n}]`, given[n], 'must be readable');
    if (n > 0 && !u.isWritable(stream)) throw argValue(`streams[${n}]`, given[n], 'must be writable');
  });
}

function compose(...streams) {
  if (streams.length === 0) throw codes.ERR_MISSING_ARGS('streams');
  if (streams.length === 1) return duplexify(streams[0], 'body');
  const given = streams.slice();
  const last = streams.length - 1;
  if (typeof streams[0] === 'function') streams[0] = duplexify(streams[0], 'body');
  if (typeof streams[last] === 'function') streams[last] = duplexify(streams[last], 'body');
  checkSides(streams, given);

  const link = { ondrain: null, onfinish: null, onreadable: null, onclose: undefined };
  let d = null;
  const head = streams[0];
  const tail = pipeline(streams, function onfinished(err) {
    const cb = link.onclose;
    link.onclose = null;
    if (cb) cb(err);
    else if (err) d.destroy(err);
    else if (!readable && !writable) d.destroy();
  });
  const writable = !!u.isWritable(head);
  const readable = !!u.isReadable(tail);
  d = new Duplex({
    writableObjectMode: !!(head && head.writableObjectMode),
    readableObjectMode: !!(tail && tail.readableObjectMode),
    writable, readable,
  });
  if (writable) {
    forwardWrites(d, head, link);
    eos(tail, () => take(link, 'onfinish')); // the end is written when it came out
  }
  if (readable) forwardReads(d, tail, link);
  d._destroy = function (err, callback) {
    if (!err && link.onclose !== null) err = new (require('internal/event_target').AbortError)();
    link.onreadable = link.ondrain = link.onfinish = null;
    destroyStream(tail, err);
    if (link.onclose === null) callback(err);
    else link.onclose = callback;
  };
  return d;
}

module.exports = compose;
