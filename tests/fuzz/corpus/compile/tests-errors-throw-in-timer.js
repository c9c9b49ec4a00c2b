setTimeout(() => {
  throw new RangeError('late');
}, 1);
