// router.js: a small Express-style router in plain JavaScript on top of http, to show
// what a framework like Express does for you. Compare examples/rest-api.js, which does
// everything by hand: one big request handler, a regular expression per path, if/else
// over methods, and its own helpers for JSON. A router gives you instead:
//   - routes declared one per line: app.get("/hello/:name", handler),
//   - path parameters (req.params.name) and the query string (req.query) parsed for you,
//   - middleware: functions run in order before the routes (logging, body parsing), each
//     passing control on with next(),
//   - helpers on the response: res.status(201).json({...}), res.send("text"),
//   - one place for errors: a thrown error (or next(error)) reaches the error handler,
//     and an unmatched request gets a 404.
//
// Run it with `tinynode examples/router.js` (PORT=8080 to change the port), then try
//   curl http://localhost:3000/hello/Ada?greeting=Hi
const http = require("http");

// "/users/:id/posts/:post" -> a RegExp with one capture group per parameter, and the names.
function compilePath(pattern) {
  const keys = [];
  const source = pattern
    .split("/")
    .map((part) => {
      if (!part.startsWith(":")) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      keys.push(part.slice(1));
      return "([^/]+)";
    })
    .join("/");
  return { regexp: new RegExp(`^${source}/?$`), keys };
}

// The helpers Express adds to every response.
function decorate(response) {
  response.status = (code) => {
    response.statusCode = code;
    return response; // so that calls chain: res.status(404).json(...)
  };
  response.json = (value) => {
    response.setHeader("Content-Type", "application/json");
    response.end(JSON.stringify(value));
  };
  response.send = (text) => {
    if (!response.hasHeader("Content-Type")) response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(String(text));
  };
}

function createRouter() {
  const stack = []; // middleware and routes, in the order they were added

  // The app is itself a request listener: http.createServer(app) works.
  function app(request, response) {
    const url = new URL(request.url, "http://localhost");
    request.path = url.pathname;
    request.query = Object.fromEntries(url.searchParams);
    request.params = {};
    decorate(response);

    // Walk the stack: each layer either answers, or calls next() to go on.
    let index = 0;
    function next(error) {
      const layer = stack[index++];
      if (!layer) return finish(error);
      // Error handlers take four arguments and only run once something failed.
      if ((layer.handler.length === 4) !== (error !== undefined)) return next(error);
      if (layer.method && layer.method !== request.method) return next(error);
      const match = layer.path ? layer.path.regexp.exec(request.path) : [];
      if (!match) return next(error);
      if (layer.path) layer.path.keys.forEach((key, i) => (request.params[key] = decodeURIComponent(match[i + 1])));
      try {
        if (error !== undefined) layer.handler(error, request, response, next);
        else layer.handler(request, response, next);
      } catch (thrown) {
        next(thrown);
      }
    }
    // Nothing answered: 404, or 500 when an error got this far.
    function finish(error) {
      if (response.headersSent) return;
      if (error !== undefined) response.status(500).send("Internal Server Error");
      else response.status(404).send(`Cannot ${request.method} ${request.path}`);
    }
    next();
  }

  app.use = (handler) => stack.push({ handler });
  for (const method of ["get", "post", "put", "delete"]) {
    app[method] = (pattern, handler) => stack.push({ method: method.toUpperCase(), path: compilePath(pattern), handler });
  }
  app.listen = (...args) => http.createServer(app).listen(...args);
  return app;
}

// Middleware that reads a JSON request body into req.body (what express.json() does).
function json() {
  return (request, response, next) => {
    if (!(request.headers["content-type"] || "").startsWith("application/json")) return next();
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      try {
        request.body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return response.status(400).json({ error: "invalid JSON" });
      }
      next();
    });
  };
}

// The demonstration app.
function demoApp(log = console.log) {
  const app = createRouter();
  app.use((request, response, next) => {
    log(`${request.method} ${request.path}`);
    next();
  });
  app.use(json());
  app.get("/", (request, response) => response.send("<h1>Home</h1>"));
  app.get("/hello/:name", (request, response) => {
    const greeting = request.query.greeting || "Hello";
    response.json({ message: `${greeting}, ${request.params.name}!` });
  });
  app.get("/users/:id/posts/:post", (request, response) => response.json(request.params));
  app.post("/echo", (request, response) => response.status(201).json({ received: request.body ?? null }));
  app.get("/fail", () => {
    throw new Error("something broke");
  });
  // An error handler: four arguments.
  app.use((error, request, response, next) => {
    log(`error: ${error.message}`);
    response.status(500).json({ error: error.message });
  });
  return app;
}

module.exports = { createRouter, json, demoApp };

if (require.main === module) {
  const port = Number(process.env.PORT) || 3000;
  demoApp().listen(port, () => {
    console.log(`Server running at http://localhost:${port}`);
  });
}
