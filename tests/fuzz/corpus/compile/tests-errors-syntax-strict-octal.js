"use strict";
// Legacy octal literals are sloppy-mode only.
const mode = 0755;
