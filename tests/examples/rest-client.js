// rest-client: examples/rest-client.js, fetch against examples/rest-api.js in the same
// process, prints what node prints; where no server listens it reports fetch's
// ECONNREFUSED cause.
const http = require("http");
const { createApp } = require("../../examples/rest-api.js");
const { main } = require("../../examples/rest-client.js");

const server = createApp().listen(0, "127.0.0.1", async () => {
  // Slow runs (GC stress) leave seconds between requests: keep the kept-alive sockets open.
  server.keepAliveTimeout = 60000;
  await main(`http://127.0.0.1:${server.address().port}`);
  server.close();
  // A port that was free a moment ago and is closed again: nobody answers.
  const gone = http.createServer().listen(0, "127.0.0.1", () => {
    const base = `http://127.0.0.1:${gone.address().port}`;
    gone.close(() => main(base).catch((error) => console.log(error.message, "-", error.cause.code)));
  });
});
