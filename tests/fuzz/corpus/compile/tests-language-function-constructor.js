console.log(Function("a", "b", "return a+b").toString());
console.log(Function("return 1").toString());
console.log(Function("a,b", "c", "").toString());
console.log(Function().toString(), Function().name, Function("a","b","").length);
try { Function("a", "}"); } catch (e) { console.log(e.name, e.message); }
try { Function("/*", "*/){"); } catch (e) { console.log(e.name, e.message); }
try { Function("a)", ""); } catch (e) { console.log(e.name, e.message); }
try { Function("return 1 +"); } catch (e) { console.log(e.name, e.message); }
try { Function("-->", ""); } catch (e) { console.log(e.name, e.message); }
try { Function("'use strict'; with(a){}"); } catch (e) { console.log(e.name, e.message); }
try { Function("a", "a", "'use strict';"); } catch (e) { console.log(e.name, e.message); }
console.log(Function("return this")() === globalThis);
console.log(new Function("x", "return x*2")(21));
globalThis.gg = 5; (function(){ var gg = 6; console.log(Function("return gg")()); })();
console.log(Object.getPrototypeOf(Function("")) === Function.prototype);
console.log(Function("a = 1, ...b", "return [a, b]")(undefined, 2, 3));
console.log(Function("//comment", "return 1")());
console.log(Function("a //comment", "return a")(7));
for (const args of [["}); (function(){"], ["})\n(function(){"], ["a b", ""], ["a,", ""], [",a", ""], ["a=", ""], ["'", ""], ["", "'"], ["", "/*"], ["", "`"], ["a\n)", ""], ["", "}"], ["a", "}{"], ["...a,b", ""], ["", "return 1\n}, function(){"]]) {
  try { const f = Function(...args); console.log('ok', JSON.stringify(f.toString())); } catch (e) { console.log(JSON.stringify(args), e.name, e.message); }
}
console.log((function(){}).toString(), String((function(a,){})), String((function(a,
){})));
console.log(typeof Function("return typeof anonymous")(), Function("return typeof anonymous")());
const order = [];
try { Function({ toString() { order.push(1); return 'a'; } }, { toString() { order.push(2); throw new Error('body'); } }); } catch (e) { console.log(e.message, order); }
console.log(Function.length, Function.name, Function("a", "b", "c", "return a+b+c").length);
