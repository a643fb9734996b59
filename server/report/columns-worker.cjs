// Worker entry: the server's code is TypeScript run through tsx, and a worker thread starts
// without the parent's loader. tsx's require hook loads the real worker in this thread; its ESM
// loader would start a hooks thread of its own per worker, twice the start-up time (~0.4 s more).
require('tsx/cjs/api').register();
require('./columns-worker.ts');
