"use strict";
// with is an early error in strict code.
with ({}) {}
