// static-server.js: serves the files under one directory (its "root") over http, and
// nothing outside it, however the path is spelled.
//
// Run it with `tinynode examples/static-server.js [ROOT]` (ROOT defaults to
// examples/public; PORT=8080 to change the port) and open http://localhost:3000/.
//
// The danger in a file server is a request such as GET /../../etc/passwd: joined to the
// root, that path climbs out of it. Attackers also hide the dots: %2e%2e is "..", %2f is
// "/", so /..%2f..%2fetc/passwd is the same climb once decoded. And a symbolic link inside
// the root may point anywhere. The defence, in order:
//   1. decode the path first (a malformed %-escape or a NUL byte is a 400),
//   2. resolve it against the root, then check that the result is still inside the root,
//   3. resolve symbolic links (fs.realpath) and check again.
// Only then is the file opened.
const fs = require("fs");
const http = require("http");
const path = require("path");

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

// Is `file` the root itself or somewhere below it? (Its path relative to the root does
// not climb: it is not ".." and does not start with "../". A name like "..notes" is fine.)
function inside(root, file) {
  const relative = path.relative(root, file);
  return relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function fail(response, status, message) {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  response.end(`${status} ${message}\n`);
}

// The decoded path of a request (the part before any "?"), or null when it cannot be
// decoded or holds a NUL byte.
function decodedPath(url) {
  const raw = url.split("?")[0];
  try {
    const decoded = decodeURIComponent(raw);
    return decoded.includes("\0") ? null : decoded;
  } catch {
    return null;
  }
}

// The real path of the file a request names: a directory stands for its index.html.
// Calls back with (status, file): 200 and the file, or the error status.
function locate(root, requested, callback) {
  const candidate = path.join(root, requested);
  if (!inside(root, candidate)) return callback(403);
  fs.realpath(candidate, (error, real) => {
    if (error) return callback(error.code === "ENOENT" || error.code === "ENOTDIR" ? 404 : 500);
    if (!inside(root, real)) return callback(403); // a symbolic link that leads out
    fs.stat(real, (error, stats) => {
      if (error) return callback(500);
      if (stats.isDirectory()) return locate(root, path.join(requested, "index.html"), callback);
      callback(200, real, stats);
    });
  });
}

function createStaticServer(root) {
  const realRoot = fs.realpathSync(root);
  return http.createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.setHeader("Allow", "GET, HEAD");
      return fail(response, 405, "Method Not Allowed");
    }
    const requested = decodedPath(request.url);
    if (requested === null) return fail(response, 400, "Bad Request");
    locate(realRoot, requested, (status, file, stats) => {
      if (status === 403) return fail(response, 403, "Forbidden");
      if (status === 404) return fail(response, 404, "Not Found");
      if (status !== 200) return fail(response, 500, "Internal Server Error");
      response.writeHead(200, {
        "Content-Type": types[path.extname(file)] || "application/octet-stream",
        "Content-Length": stats.size,
      });
      if (request.method === "HEAD") return response.end();
      // Stream the file: a large file is never held in memory at once.
      fs.createReadStream(file).pipe(response);
    });
  });
}

module.exports = { createStaticServer };

if (require.main === module) {
  const root = process.argv[2] || path.join(__dirname, "public");
  const port = Number(process.env.PORT) || 3000;
  createStaticServer(root).listen(port, () => {
    console.log(`Serving ${root} at http://localhost:${port}`);
  });
}
