const fs = require("fs");
console.log("Reading file...");
fs.readFile("message.txt", "utf8", (error, data) => {
if (error) {
console.error("Could not read file:", error.message);
return;
}
console.log("File contents:");
console.log(data);
});
console.log("This line runs before the file finishes reading.");
