// continue to a label that does not exist.
for (let i = 0; i < 3; i++) {
  if (i) continue outer;
}
