// Identifiers: ASCII, $ and _, other scripts, \u escapes (decoded to UTF-8), reserved
// words, and the contextual words (let, async, of, get, set, static, yield, await),
// which are plain identifiers to the lexer.
var $ = _ = camelCase = π = café = 日本語 = x1;
var \u0061b = \u{62}c = a\u0062;
if (this) null; else true; false;
let async, of, get, set, static, yield, await;
typeof void delete new instanceof in class extends super;
