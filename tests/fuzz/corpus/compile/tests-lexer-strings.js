// String literals: every escape, line continuations, Unicode beyond the BMP, and the
// legacy octal escapes that strict mode forbids.
'single' + "double" + 'it\'s' + "say \"hi\"";
"\n\t\b\f\v\r\0 \\ \/ \a";
"\x41\x7e \u0041\u00e9 \u{1F600} \u{41}";
"caf\u00e9 é 😀 ✓";
"line \
continued";
"\07 \101 \8 \9 \377 \0";
'\u{10FFFF}\uD83D\uDE00\uD800';
"a\u2028b";
