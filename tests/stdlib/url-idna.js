// Host names outside ASCII, to ASCII (Punycode) and back: real names in many scripts,
// case and compatibility folding (NFKC), characters mapped to nothing, and names refused.
const url = require('url');
const hosts = [
  'münchen.de', 'bücher.example', '日本語.jp', 'пример.рф', 'example.中国', '한국.kr', 'ελληνικά.gr',
  'παράδειγμα.δοκιμή', 'مثال.إختبار', '例え.テスト', 'עברית.co.il', 'ÄÖÜ.de', 'straße.de', 'ﬁnance.com',
  'xn--mnchen-3ya.de', 'XN--80AKHBYKNJ4F', 'faß.de', 'Ⅷ.com', '①②.jp', 'cafe\u0301.fr', 'ıstanbul.tr',
  'İstanbul.tr', 'σς.gr', 'ΣΑΣ.gr', 'ǅungla', '🍕.ws', 'i❤.ws', 'ü.ü', '-ü-', 'ü--x', 'a\u00adb.com',
  'a\u200bb.com', 'a\u200db.com', 'ａｂｃ．ｃｏｍ', 'a。b｡c', 'Ω.com', 'ℌello.com', 'ค.th', 'नमस्ते.भारत',
  'xn--ls8h.la', 'xn--a.com', 'xn--zz', 'a..b', '.a', 'a.', 'ü.', '\u0300a', 'a\u2028b', '％４１', 'a⒈com',
  'a…b', 'ab\u00a0c', 'a\u180eb', '\ud83d\ude00', 'ŉ.com', 'ǰ.com', 'Ꭰ.com', 'ꭰ.com',
];
for (const h of hosts) {
  let host;
  try {
    host = new URL(`http://${h}/`).host;
  } catch (e) {
    host = e.code;
  }
  console.log(JSON.stringify(h), host, JSON.stringify(url.domainToASCII(h)), JSON.stringify(url.domainToUnicode(h)));
}
