// rest-api.js: a JSON REST API over an in-memory store, with nothing but the http module.
//
//   GET    /notes        every note              200
//   POST   /notes        create one from JSON    201 (400 when the JSON is bad)
//   GET    /notes/ID     one note                200 (404 when there is none)
//   PUT    /notes/ID     replace its text        200
//   DELETE /notes/ID     remove it               204
//   anything else: 404 for an unknown path, 405 (with an Allow header) for a method the
//   path does not support.
//
// Run it with `tinynode examples/rest-api.js` (PORT=8080 to change the port), then try
//   curl -i -X POST -d '{"text":"buy milk"}' http://localhost:3000/notes
// examples/rest-client.js talks to it with fetch.
const http = require("http");

// The store: a Map from id to note, and the next id to give out. Nothing is saved:
// restart the server and the notes are gone.
function createStore() {
  const notes = new Map();
  let nextId = 1;
  return {
    list: () => [...notes.values()],
    get: (id) => notes.get(id),
    create(text) {
      const note = { id: nextId++, text, done: false };
      notes.set(note.id, note);
      return note;
    },
    update(id, fields) {
      const note = notes.get(id);
      if (note) Object.assign(note, fields);
      return note;
    },
    remove: (id) => notes.delete(id),
  };
}

// Every answer is JSON: a status, and a body (none for 204).
function send(response, status, body, headers = {}) {
  if (body === undefined) {
    response.writeHead(status, headers);
    return response.end();
  }
  const json = JSON.stringify(body);
  response.writeHead(status, { "Content-Type": "application/json", ...headers });
  response.end(json);
}

// A request body arrives in chunks (Buffers); collect them and parse the whole as JSON.
// Bodies larger than 1 MB are refused rather than kept in memory.
function readJson(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on("data", (chunk) => {
      size += chunk.length;
      if (size > 1024 * 1024) reject(new Error("body too large"));
      else chunks.push(chunk);
    });
    request.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        reject(new Error("body is not valid JSON"));
      }
    });
    request.on("error", reject);
  });
}

// A note's fields, checked: text must be a non-empty string, done a boolean if given.
function validNote(body) {
  if (body === null || typeof body !== "object") return "expected a JSON object";
  if (typeof body.text !== "string" || body.text.trim() === "") return "text must be a non-empty string";
  if (body.done !== undefined && typeof body.done !== "boolean") return "done must be true or false";
  return null;
}

function createApp(store = createStore()) {
  return http.createServer(async (request, response) => {
    const { pathname } = new URL(request.url, "http://localhost");
    const match = pathname.match(/^\/notes(?:\/(\d+))?$/);
    if (!match) return send(response, 404, { error: "not found" });
    const id = match[1] === undefined ? null : Number(match[1]);
    const method = request.method;

    try {
      if (id === null) {
        // The collection: /notes
        if (method === "GET") return send(response, 200, store.list());
        if (method === "POST") {
          const body = await readJson(request);
          const problem = validNote(body);
          if (problem) return send(response, 400, { error: problem });
          const note = store.create(body.text);
          return send(response, 201, note, { Location: `/notes/${note.id}` });
        }
        return send(response, 405, { error: `${method} not allowed` }, { Allow: "GET, POST" });
      }

      // One note: /notes/ID
      if (!["GET", "PUT", "DELETE"].includes(method))
        return send(response, 405, { error: `${method} not allowed` }, { Allow: "GET, PUT, DELETE" });
      if (!store.get(id)) return send(response, 404, { error: `no note ${id}` });
      if (method === "GET") return send(response, 200, store.get(id));
      if (method === "DELETE") {
        store.remove(id);
        return send(response, 204);
      }
      const body = await readJson(request);
      const problem = validNote(body);
      if (problem) return send(response, 400, { error: problem });
      return send(response, 200, store.update(id, { text: body.text, done: body.done ?? false }));
    } catch (error) {
      // readJson's errors are the client's fault: a 400 that says what was wrong.
      send(response, 400, { error: error.message }, { Connection: "close" });
    }
  });
}

module.exports = { createApp, createStore };

// Run as a program (not required by another file): listen until Ctrl-C.
if (require.main === module) {
  const port = Number(process.env.PORT) || 3000;
  createApp().listen(port, () => {
    console.log(`Server running at http://localhost:${port}`);
  });
}
