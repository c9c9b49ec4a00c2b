// DOMException as a global: names and their legacy codes, options with a cause, inspect,
// and its errors.
const log = (...a) => console.log(...a);
const e = new DOMException('x', 'AbortError');
log(e.name, e.message, e.code, Object.keys(e), e instanceof Error, String(e));
log(e.stack.split('\n')[0], Object.prototype.toString.call(e));
log(new DOMException().name, JSON.stringify(new DOMException().message), new DOMException().code);
const c = new DOMException('m', { name: 'TimeoutError', cause: 42 });
log(c.name, c.code, c.cause, Object.getOwnPropertyDescriptor(c, 'cause'));
log(new DOMException('m', {}).name, new DOMException('m', 'DataCloneError').code,
    new DOMException('m', 'NoSuchError').code, DOMException.ABORT_ERR, e.TIMEOUT_ERR);
class Mine extends DOMException {}
log(new Mine('y', 'SyntaxError') instanceof DOMException, new Mine('y', 'SyntaxError').code);
try { DOMException.prototype.name; } catch (err) { log(err.name, err.code, err.message); }
try { DOMException(); } catch (err) { log(err.name, err.message); }
try { structuredClone(() => {}); } catch (err) { log(err instanceof DOMException, err.name, err.code); }
log(Object.keys(DOMException).length, Object.keys(DOMException.prototype).slice(0, 4));
