// chat-server.js: a chat room over plain TCP with the net module. Every line a client
// types goes to everyone else in the room.
//
// Run it with `tinynode examples/chat-server.js` (PORT=8080 to change the port), then in
// two or more other terminals `nc localhost 3000` and type. Commands:
//   /name NEW   change your name        /who   who is here        /quit   leave
//
// TCP carries a stream of bytes, not messages: one 'data' event may hold half a line, or
// three lines. So each client has a buffer; complete lines are taken from its front and
// whatever follows the last newline waits for the next chunk.
const net = require("net");

function createChatServer() {
  const clients = new Set(); // { socket, name }
  let guests = 0;

  // Send a line to everyone but `except`.
  function broadcast(line, except) {
    for (const client of clients) if (client !== except) client.socket.write(`${line}\n`);
  }

  function command(client, line) {
    const [word, ...rest] = line.split(" ");
    if (word === "/quit") {
      client.socket.end("Bye!\n"); // 'close' follows, which says goodbye to the others
    } else if (word === "/who") {
      client.socket.write(`Online: ${[...clients].map((c) => c.name).join(", ")}\n`);
    } else if (word === "/name" && rest.join(" ").trim() !== "") {
      const old = client.name;
      client.name = rest.join(" ").trim();
      broadcast(`* ${old} is now ${client.name}`);
    } else {
      client.socket.write(`Unknown command: ${line}\n`);
    }
  }

  return net.createServer((socket) => {
    const client = { socket, name: `guest${++guests}` };
    clients.add(client);
    socket.setEncoding("utf8"); // 'data' gives strings, a character never split in two
    socket.write(`Welcome, ${client.name}! Commands: /name NEW, /who, /quit\n`);
    broadcast(`* ${client.name} joined`, client);

    let buffered = "";
    socket.on("data", (chunk) => {
      buffered += chunk;
      let newline;
      while ((newline = buffered.indexOf("\n")) !== -1) {
        const line = buffered.slice(0, newline).replace(/\r$/, ""); // nc and telnet may send \r\n
        buffered = buffered.slice(newline + 1);
        if (line.startsWith("/")) command(client, line);
        else if (line !== "") broadcast(`${client.name}: ${line}`, client);
      }
    });
    socket.on("close", () => {
      clients.delete(client);
      broadcast(`* ${client.name} left`);
    });
    socket.on("error", () => {}); // a client that vanishes; 'close' follows
  });
}

module.exports = { createChatServer };

if (require.main === module) {
  const port = Number(process.env.PORT) || 3000;
  createChatServer().listen(port, () => {
    console.log(`Chat server running on port ${port} (connect with: nc localhost ${port})`);
  });
}
