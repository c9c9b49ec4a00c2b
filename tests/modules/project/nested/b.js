function fail() { throw new TypeError('b.js failed'); }
fail();
