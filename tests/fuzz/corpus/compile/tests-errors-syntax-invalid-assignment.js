// Only names and properties can be assigned to.
let a = 1;
a + 1 = 2;
