const user = "Aman";
const marks = [78, 84, 91];
const total = marks.reduce((sum, mark) => sum + mark, 0);
const average = total / marks.length;
console.log(`Student: ${user}`);
console.log(`Average: ${average}`);
