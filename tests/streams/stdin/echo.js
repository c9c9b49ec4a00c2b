// Reads all of stdin as UTF-8 and reports the chunks' total, the text, and the events.
process.stdin.setEncoding('utf8');
let text = '';
const s = process.stdin;
console.log('class', s.constructor.name, 'fd', s.fd, 'isTTY', s.isTTY);
s.on('data', (chunk) => { text += chunk; });
s.on('end', () => console.log('end', JSON.stringify(text), text.length));
s.on('close', () => console.log('close', s.destroyed));
