const p = Promise.reject(new Error("nobody catches this"));
console.log("the script runs to its end first");
setTimeout(() => console.log("never runs"), 0);
