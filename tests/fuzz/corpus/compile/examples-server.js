const http = require("http");
const server = http.createServer((request, response) => {
response.writeHead(200, { "Content-Type": "text/plain" });
response.end("Welcome to Node.js");
});
server.listen(3000, () => {
console.log("Server running at http://localhost:3000");
});
