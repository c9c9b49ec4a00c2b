#!/usr/bin/env node
// Comments and line terminators. Each token says whether a line break comes before
// it: that is what automatic semicolon insertion looks at (return, ++, =>, ...).
let a = 1 // a line comment
let b = /* a block comment */ 2
/* a multi-line
   comment ends a line */ let c = 3
return
a
++b
x = 1; <!-- an HTML-like comment (Annex B)
--> also a comment at the start of a line
y = 2
z = 1
w = 2v = 3 u = 4
