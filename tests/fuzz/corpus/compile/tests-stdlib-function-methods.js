// Function.prototype: call, apply, bind, toString, Symbol.hasInstance; name and length.
function who(greeting, punct) { return greeting + ', ' + this.name + (punct || '') }
const ann = { name: 'Ann' };
console.log(who.call(ann, 'Hi'), who.call(ann, 'Hi', '!'));
console.log(who.apply(ann, ['Hello', '?']), who.apply(ann, { length: 1, 0: 'Yo' }));
function count() { return arguments.length }
console.log(count.apply(null), count.apply(null, undefined), count.apply(null, [1, 2, 3]));
console.log(Math.max.apply(null, [1, 5, 3]), Math.max.call(null, 4, 2));
function thisType() { 'use strict'; return typeof this }
console.log(thisType.call(1), thisType.call(null), thisType.apply(undefined));
try { count.apply(null, 1) } catch (e) { console.log(e.name + ': ' + e.message) }

// bind
const bound = who.bind(ann, 'Hey');
console.log(bound(), bound('.'), bound.name, bound.length, who.length);
console.log(who.bind(null).name, (function () {}).bind().name, (() => 1).bind().name);
function three(a, b, c) { return [a, b, c].join('-') }
const b1 = three.bind(null, 1);
const b2 = b1.bind(null, 2);
console.log(b2(3), b1.length, b2.length, b2.name, three.bind(null, 1, 2, 3, 4).length);
function Point(x, y) { this.x = x; this.y = y }
const P5 = Point.bind(null, 5);
const pt = new P5(6);
console.log(pt.x, pt.y, pt instanceof Point, pt instanceof P5, 'prototype' in P5);
try { Function.prototype.bind.call({}) } catch (e) { console.log(e.name + ': ' + e.message) }
const withLength = Object.defineProperty(function () {}, 'length', { value: 'not a number' });
console.log(withLength.bind().length);

// toString of built-ins and bound functions.
console.log(Math.max.toString(), String(Array.prototype.push), String(bound));
console.log(Function.prototype.toString.call(Object), String(Object.getOwnPropertyDescriptor(Object.prototype, '__proto__').get));
try { Function.prototype.toString.call({}) } catch (e) { console.log(e.name + ': ' + e.message) }

// Symbol.hasInstance
const d = Object.getOwnPropertyDescriptor(Function.prototype, Symbol.hasInstance);
console.log(d.writable, d.enumerable, d.configurable, d.value.name);
console.log(Point[Symbol.hasInstance](pt), Function.prototype[Symbol.hasInstance].call({}, pt));
const Even = { [Symbol.hasInstance](n) { return n % 2 === 0 } };
console.log(2 instanceof Even, 3 instanceof Even);
console.log([] instanceof Array, [] instanceof Object, (() => 1) instanceof Function, Object instanceof Function);

// The Function constructor and prototype.
console.log(typeof Function.prototype, Function.prototype(), Function.prototype.name === '',
            Function.prototype.length, Object.getPrototypeOf(Function.prototype) === Object.prototype);
console.log(Function.prototype.constructor === Function, Object.getPrototypeOf(who) === Function.prototype);
try { Function.prototype.caller } catch (e) { console.log(e.name) }
console.log(['apply', 'bind', 'call'].map(n => Function.prototype[n].length).join());

// Function properties: name and length.
const anon = function () {};
const arrow = (a, b) => a;
function defaults(a, b = 1, c) {}
function rest(a, ...r) {}
console.log(anon.name, arrow.name, arrow.length, defaults.length, rest.length, who.name);
const od = Object.getOwnPropertyDescriptor(who, 'name');
console.log(od.writable, od.enumerable, od.configurable);
const obj = { method() {}, ['comp' + 'uted']: function () {} };
console.log(obj.method.name, obj.computed.name);
