function t(s){return s}
t`a${1}\u{g`;
