// A rest element followed by a comma in an object assignment pattern is a SyntaxError (V8 marks the target).
var rest;
for ({...rest,} of [{}]);
