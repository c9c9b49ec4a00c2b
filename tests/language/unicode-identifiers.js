// Identifiers use the Unicode version node has (17.0 in node 20.20): letters added in
// Unicode 15, 16 and 17 start and continue names.
const \u1C89x = 'Cyrillic TJE (Unicode 16)';
const a\u0C5C = 'Telugu archaic NAKAARA POLLU (Unicode 17)';
console.log(\u1C89x, a\u0C5C);
console.log(eval('var \\u{1C89} = 5; \\u{1C89}'));
