// rest-client.js: a client for examples/rest-api.js, written with fetch. It creates two
// notes, lists them, updates one, deletes the other, and shows the errors the API gives.
//
// Start the API in one terminal (`tinynode examples/rest-api.js`), then run
//   tinynode examples/rest-client.js http://localhost:3000
//
// fetch resolves as soon as the response's status and headers arrive; the body is read
// separately (res.json(), res.text()). A 404 or 400 is still a response: fetch only
// rejects when there is no response at all (the server is down, the URL is bad).

// One call to the API: the method, the path, and an optional body sent as JSON.
async function call(base, method, path, body) {
  const init = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { "Content-Type": "application/json" };
  }
  const res = await fetch(new URL(path, base), init);
  // 204 No Content has no body to parse.
  const data = res.status === 204 ? null : await res.json();
  console.log(`${method} ${path} -> ${res.status} ${res.statusText}`, data === null ? "" : JSON.stringify(data));
  return data;
}

async function main(base) {
  const milk = await call(base, "POST", "/notes", { text: "buy milk" });
  const book = await call(base, "POST", "/notes", { text: "read a book" });
  await call(base, "GET", "/notes");
  await call(base, "PUT", `/notes/${milk.id}`, { text: "buy oat milk", done: true });
  await call(base, "DELETE", `/notes/${book.id}`);
  await call(base, "GET", `/notes/${book.id}`);
  await call(base, "POST", "/notes", { title: "no text" });
  await call(base, "PATCH", "/notes");
  await call(base, "GET", "/notes");
}

module.exports = { main };

if (require.main === module) {
  const base = process.argv[2] || "http://localhost:3000";
  main(base).catch((error) => {
    // fetch failed: say why (error.cause holds the reason, e.g. ECONNREFUSED).
    console.error(`${error.message}: ${error.cause ? error.cause.message : ""}`);
    process.exitCode = 1;
  });
}
