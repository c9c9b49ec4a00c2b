function parse(text) {
  try {
    return JSON.parse(text);
  } catch (err) {
    console.log("bad input:", err.message);
    return null;
  } finally {
    console.log("done");
  }
}
parse("{}");
