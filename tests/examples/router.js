// router: examples/router.js, the Express-style router: routes with parameters, the
// query string, middleware in order, JSON bodies, 404 for what no route matches, a thrown
// error reaching the error handler, and a router with no error handler (500).
const http = require("http");
const { createRouter, demoApp } = require("../../examples/router.js");

function request(port, method, path, body, type) {
  return new Promise((resolve, reject) => {
    const headers = type ? { "Content-Type": type } : {};
    const req = http.request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve(`  -> ${res.statusCode} ${res.headers["content-type"]} ${text}`));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function run(app, requests) {
  const server = http.createServer(app);
  server.keepAliveTimeout = 60000; // slow runs (GC stress) leave seconds between requests
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  for (const [method, path, body, type] of requests) console.log(await request(server.address().port, method, path, body, type));
  server.close();
}

(async () => {
  await run(demoApp((line) => console.log(line)), [
    ["GET", "/"],
    ["GET", "/hello/Ada"],
    ["GET", "/hello/Grace%20Hopper/?greeting=Hi"],
    ["GET", "/users/7/posts/42"],
    ["POST", "/echo", '{"a":[1,2]}', "application/json"],
    ["POST", "/echo", "{oops", "application/json"],
    ["POST", "/echo", "plain", "text/plain"],
    ["GET", "/fail"],
    ["GET", "/nowhere"],
    ["DELETE", "/"],
  ]);
  const bare = createRouter();
  bare.get("/boom", (req, res, next) => next(new Error("passed on")));
  await run(bare, [["GET", "/boom"], ["GET", "/none"]]);
})();
