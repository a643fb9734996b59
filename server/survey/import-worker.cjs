// Worker entry for questionnaire imports (import-off-thread.ts): the server's code is TypeScript
// run through tsx, and a worker thread starts without the parent's loader.
require('tsx/cjs/api').register();
require('./import-worker.ts');
