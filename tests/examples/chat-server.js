// chat-server: examples/chat-server.js with two clients in the same process: welcome and
// join, messages to the others, a line split over two writes, /name, /who, an unknown
// command, /quit and the goodbye the others see. Each step waits for what it causes, so
// the transcripts are the same every run.
const net = require("net");
const { createChatServer } = require("../../examples/chat-server.js");

// A client that keeps every line it receives and can wait for the next ones.
function connect(port, label) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const client = { socket, label, lines: [], waiting: null };
    client.ended = new Promise((resolve) => socket.on("end", () => resolve("the server ended it")));
    let buffered = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => {
      buffered += chunk;
      const parts = buffered.split("\n");
      buffered = parts.pop();
      client.lines.push(...parts);
      if (client.waiting && client.lines.length >= client.waiting.count) client.waiting.resolve();
    });
    socket.on("connect", () => resolve(client));
  });
}

// Wait until `client` has received `count` lines in all.
function linesReached(client, count) {
  if (client.lines.length >= count) return Promise.resolve();
  return new Promise((resolve) => (client.waiting = { count, resolve }));
}

const server = createChatServer().listen(0, "127.0.0.1", async () => {
  const port = server.address().port;
  const a = await connect(port, "A");
  await linesReached(a, 1);
  const b = await connect(port, "B");
  await Promise.all([linesReached(b, 1), linesReached(a, 2)]);
  a.socket.write("hello everyone\n");
  await linesReached(b, 2);
  b.socket.write("/name bob\r\n");
  await Promise.all([linesReached(a, 3), linesReached(b, 3)]);
  b.socket.write("split ");
  setImmediate(() => b.socket.write("across writes\n"));
  await linesReached(a, 4);
  a.socket.write("/who\n/dance\n");
  await linesReached(a, 6);
  b.socket.write("/quit\n");
  await Promise.all([linesReached(b, 4), linesReached(a, 7)]);
  console.log("B:", await b.ended);
  a.socket.end();
  for (const client of [a, b]) {
    console.log(`${client.label} saw:`);
    for (const line of client.lines) console.log(`  ${line}`);
  }
  server.close(() => console.log("server closed"));
});
