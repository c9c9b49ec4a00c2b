globalThis.throwsRuns = (globalThis.throwsRuns || 0) + 1;
module.exports = 'half';
throw new Error('throws.js failed while loading');
