// A rejection handled later in the same microtask turn is not reported.
const p = Promise.reject(new Error("late"));
queueMicrotask(() => p.catch((e) => console.log("handled", e.message)));
process.on("unhandledRejection", (r) => console.log("never"));
