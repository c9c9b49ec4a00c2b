// normalize's form argument: the four names, and node's RangeError for anything else,
// including forms shorter than a name (they were read past their end)
for (const form of [undefined, 'NFC', 'NFD', 'NFKC', 'NFKD', '', 'a', 'ab', 'NF', 'nfc', 'NFCX', 5]) {
  try {
    console.log(JSON.stringify(form), JSON.stringify('abc'.normalize(form)));
  } catch (e) {
    console.log(JSON.stringify(form), `${e.name}: ${e.message}`);
  }
}
