// Strings inside structures: quote choice, escapes, long strings split at newlines,
// maxStringLength.
const util = require('util');
console.log(['plain', "it's", 'say "hi"', `both ' and "`, 'all \' " `', 'dollar ${x} \' "']);
console.log(['\b\t\n\f\r\v', '\x00\x07\x1B\x7F', '\x80\x9f\xa0', 'back\\slash']);
console.log(['é', '😀', '中文', '\ud800', 'a\udc00b', '\ud83d\ude00']);
console.log(util.inspect('x'), util.inspect("it's"), util.inspect(''));
console.log({ s: 'first line of a fairly long string\nsecond line of that string\nthird' });
console.log(['short\nstring']);
console.log(['exactly sixteen\n', 'seventeen chars\n!']);
console.log(util.inspect('a long string with a newline\nthat is split because it is long enough to pass the limit'));
console.log(util.inspect('no newline in this long string, so it is never split even though it is much longer than eighty columns'));
console.log(util.inspect('line one\nline two\n'.repeat(4)));
console.log(util.inspect('x'.repeat(30), { maxStringLength: 10 }));
console.log(util.inspect('xy', { maxStringLength: 1 }));
console.log(util.inspect(['abcdef'], { maxStringLength: 3 }));
console.log({ nested: { deeper: { text: 'a string that has\nnewlines inside and is long enough\nto be split' } } });
console.log(util.inspect('split me\nplease, this is long enough', { breakLength: 20 }));
console.log({ s: 'first line of a fairly long string that goes on\nsecond line of that string is here too\nthird' });
console.log([['a nested string that is long enough to be split\nacross lines when printed\n', 1]]);
console.log('top-level strings print raw\neven when long, with newlines: they are not inspected at all');
