// An iterator whose next is undefined is not a finished one: stepping it throws, and
// leaving early still calls its return().
try { for (var x of { [Symbol.iterator]() { return {}; } }); } catch (e) { console.log(e.message); }
try { var [...r] = { [Symbol.iterator]() { return {}; } }; } catch (e) { console.log(e.message); }
var n = 0;
var iterable = { [Symbol.iterator]() { return { return() { n++; throw new Error('from return'); } }; } };
function* g() { for ([ {}[ yield ] ] of [iterable]) { } }
var it = g(); it.next(); try { console.log(it.return()); } catch (e) { console.log('threw', e.message); }
function* h() { [ {}[ yield ] ] = iterable; }
it = h(); it.next(); try { console.log(it.return()); } catch (e) { console.log('threw', e.message); }
console.log(n);
