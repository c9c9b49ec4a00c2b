// A static private getter and setter of one name are one accessor, whatever the name.
var log = [];
class G { static get #ab() { return 'g'; } static set #ab(v) { log.push(v); } static r() { this.#ab = 1; return this.#ab; } }
console.log(G.r(), log);
class H { static get #a() { return 'h'; } static set #a(v) { log.push(v); } static r() { this.#a = 2; return this.#a; } }
console.log(H.r(), log);
class I { static get #℘() { return 'i'; } static set #℘(v) { log.push(v); } static r() { this.#℘ = 3; return this.#℘; } }
console.log(I.r(), log);
class J { static #m() {} static get #m2() { return 1 } static r() { try { this.#m = 1 } catch (e) { return e.message } } }
console.log(J.r());
