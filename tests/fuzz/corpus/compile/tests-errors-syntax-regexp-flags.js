// A flag repeated in a regular expression literal.
const re = /ab+c/gig;
