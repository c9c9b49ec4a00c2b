// Columns count UTF-16 units: the emoji takes two.
const s = "é😀"; foo bar;
