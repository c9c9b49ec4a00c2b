'use strict';
// url: require('url'). Book: chapter 11, "Files" ("URLs").
const { URL, URLSearchParams, domainToASCII, domainToUnicode } = require('internal/url');
module.exports = { URL, URLSearchParams, domainToASCII, domainToUnicode };
