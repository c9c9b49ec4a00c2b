// A rejection with a value that is not an Error: node makes an UnhandledPromiseRejection
// in its own code, and its report shows that line of node's.
Promise.reject(42);
