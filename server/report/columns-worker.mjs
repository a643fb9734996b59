// Worker entry: the server's code is TypeScript run through tsx, and a worker thread starts
// without the parent's loader, so it loads the real worker through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./columns-worker.ts', import.meta.url);
