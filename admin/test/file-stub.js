// Image imports resolve to their URL in Vite; a fixed name is enough in tests.
module.exports = 'test-file-stub';
