// Property access on objects that share a shape, and array growth.
const points = [];
for (let i = 0; i < 300000; i++) points.push({ x: i, y: i * 2, z: i % 7 });
let total = 0;
for (let round = 0; round < 20; round++) {
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    total += p.x + p.y - p.z;
  }
}
console.log(total);
