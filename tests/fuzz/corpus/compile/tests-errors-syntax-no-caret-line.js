// V8 claims six characters for a broken \u escape; past the line end Node prints no caret.
const s = "\u12"
