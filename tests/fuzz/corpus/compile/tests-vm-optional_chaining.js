const config = { server: { port: 3000 } };
const port = config.server?.port ?? 8080;
const host = config.client?.host;
config.retries ||= 3;
console.log(port, host, config.greet?.());
