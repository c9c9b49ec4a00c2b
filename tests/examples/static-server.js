// static-server: examples/static-server.js serves its root and nothing outside it: ".."
// written plainly, percent-encoded (%2e%2e, %2f) or behind a symbolic link gets a 403 or
// a 404, never the secret file beside the root; bad escapes and NUL bytes get a 400.
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");
const { createStaticServer } = require("../../examples/static-server.js");

// A scratch tree: dir/public is the root, dir/secret.txt must stay unreachable.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), `static-${process.pid}-`));
const root = path.join(dir, "public");
fs.mkdirSync(path.join(root, "sub"), { recursive: true });
fs.writeFileSync(path.join(dir, "secret.txt"), "SECRET\n");
fs.writeFileSync(path.join(root, "index.html"), "<h1>home</h1>\n");
fs.writeFileSync(path.join(root, "style.css"), "h1 {}\n");
fs.writeFileSync(path.join(root, "sub", "page.txt"), "a page\n");
fs.writeFileSync(path.join(root, "data.bin"), Buffer.from([0, 1, 2]));
fs.writeFileSync(path.join(root, "..notes"), "dots are not a climb\n");
fs.symlinkSync(path.join(dir, "secret.txt"), path.join(root, "link-out"));
fs.symlinkSync("style.css", path.join(root, "link-in"));
fs.symlinkSync(dir, path.join(root, "dir-out"));

function get(port, method, rawPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: rawPath }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve(`${method} ${rawPath} -> ${res.statusCode} ${res.headers["content-type"]} ${res.headers["content-length"]} ${JSON.stringify(body)}`));
    });
    req.on("error", reject);
    req.end();
  });
}

const server = createStaticServer(root).listen(0, "127.0.0.1", async () => {
  // Slow runs (GC stress) leave seconds between requests: keep the kept-alive sockets open.
  server.keepAliveTimeout = 60000;
  const port = server.address().port;
  // (Few enough requests to stay fast under GC stress.)
  const paths = [
    "/", "/style.css?v=2", "/sub/page.txt", "/data.bin", "/missing.txt",
    "/../secret.txt", "/%2e%2e/secret.txt", "/sub%2f..%2f..%2fsecret.txt", "/..%5csecret.txt",
    "/..notes", "/link-out", "/link-in", "/dir-out/secret.txt", "/%zz", "/a%00b",
  ];
  for (const p of paths) console.log(await get(port, "GET", p));
  console.log(await get(port, "HEAD", "/style.css"));
  console.log(await get(port, "POST", "/"));
  server.close();
  fs.rmSync(dir, { recursive: true });
});
