// Destructuring assignment: object and array literals before `=` become patterns,
// with defaults, holes, nested patterns, rest elements and property targets; arrow
// parameters are patterns too.
[a, b] = [b, a];
({x, y: {z = 1}, ...rest} = point);
[first, , third = 3, ...tail] = items;
[obj.prop, arr[0]] = pair;
({a = function () {}} = {});
for ([k, v] of entries) ;
for ({name} of people) ;
const f = ({p, q = 2}, [r, ...s]) => p;
