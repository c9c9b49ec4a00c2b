// rest-api: examples/rest-api.js answers every route as node does: the CRUD cycle, 404 for
// unknown paths and ids, 400 for bad JSON or a bad note, 405 with Allow for a wrong method.
const http = require("http");
const { createApp } = require("../../examples/rest-api.js");

// A raw request with http.request, so that what is sent is exactly what we say.
function request(port, method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const server = createApp().listen(0, "127.0.0.1", async () => {
  // Slow runs (GC stress) leave seconds between requests: keep the kept-alive sockets open.
  server.keepAliveTimeout = 60000;
  const port = server.address().port;
  const show = async (method, path, body, headers) => {
    const r = await request(port, method, path, body, headers);
    const extra = ["location", "allow", "content-type"].filter((h) => r.headers[h]).map((h) => `${h}=${r.headers[h]}`);
    console.log(method, path, r.status, extra.join(" "), r.body);
  };
  const json = { "Content-Type": "application/json" };
  await show("GET", "/notes");
  await show("POST", "/notes", '{"text":"first"}', json);
  await show("POST", "/notes", '{"text":"second"}', json);
  await show("GET", "/notes");
  await show("GET", "/notes/2");
  await show("PUT", "/notes/2", '{"text":"second, edited","done":true}', json);
  await show("DELETE", "/notes/1");
  await show("GET", "/notes/1");
  await show("DELETE", "/notes/1");
  await show("GET", "/notes?sorted=yes");
  await show("POST", "/notes", '{"text":', json);
  await show("POST", "/notes", '{"text":""}', json);
  await show("POST", "/notes", "[1,2]", json);
  await show("PUT", "/notes/2", '{"text":"x","done":"yes"}', json);
  await show("PATCH", "/notes");
  await show("POST", "/notes/2", "{}", json);
  await show("GET", "/users");
  await show("GET", "/notes/abc");
  server.close();
});
