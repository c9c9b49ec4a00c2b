// Vars and functions that direct eval declares in a function are deletable bindings:
// `delete name` removes them (and then the name is unresolvable), unlike the function's
// own vars; a name eval did not declare is deleted from the global object as before.
var initial = null;
var postDeletion;
(function () {
  eval('initial = x; delete x; postDeletion = function () { return typeof x; }; var x;');
}());
console.log(initial, postDeletion());
(function () {
  var own = 1;
  eval('var fromEval = 2; function fnFromEval() {}');
  console.log(delete own, delete fromEval, delete fnFromEval, delete fromEval);
  console.log(typeof own, typeof fromEval, typeof fnFromEval);
  globalThis.onGlobal = 3;
  console.log(delete onGlobal, typeof onGlobal);
  try {
    fromEval;
  } catch (e) {
    console.log(e.name, e.message);
  }
}());
