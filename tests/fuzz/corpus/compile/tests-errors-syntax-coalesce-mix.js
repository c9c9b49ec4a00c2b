// ?? may not be mixed with || without parentheses.
const v = a ?? b || c;
