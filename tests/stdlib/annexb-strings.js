// Annex B: the HTML methods of String.prototype, escape and unescape; and node's `global`.
const s = 'a"b';
console.log(s.anchor('x"y'), s.big(), s.blink(), s.bold(), s.fixed(), s.fontcolor('red'),
            s.fontsize(7), s.italics(), s.link('u"rl'), s.small(), s.strike(), s.sub(), s.sup());
console.log('x'.anchor(), 'x'.link(undefined), String.prototype.anchor.length, String.prototype.big.length);
try { String.prototype.bold.call(null); } catch (e) { console.log(e.message); }
try { 'x'.anchor({ toString() { throw new Error('inner'); } }); } catch (e) { console.log(e.message); }
console.log(escape('abc ABC 123 @*_+-./ ~!é€😀%'), escape(), escape('\u0000'));
console.log(unescape('%41%u0042%zz%u12%4'), unescape('%E9%u20AC'), unescape(escape('héllo wörld 😀')));
console.log(escape.length, unescape.length, typeof escape, Object.getOwnPropertyDescriptor(globalThis, 'escape').enumerable);
console.log(global === globalThis, Object.getOwnPropertyDescriptor(globalThis, 'global').enumerable, typeof global.setTimeout);
console.log(Object.getOwnPropertyNames(String.prototype).join(' '));
