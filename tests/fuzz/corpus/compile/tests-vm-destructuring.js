function show({ name, age = 18 }, ...rest) {
  const [first, , third = "none"] = rest;
  console.log(name, age, first, third);
}
show({ name: "Aman" }, 1, 2);
