// The class's frames are left out of the stack, and the header shows the name the
// constructor set after super().
class ValidationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ValidationError';
  }
}
throw new ValidationError('age must be positive');
