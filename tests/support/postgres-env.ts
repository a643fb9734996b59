import { inject } from 'vitest';

// Before the test file's imports: server/db/dialect.ts reads DATABASE_URL once, when first imported.
process.env.DATABASE_URL = inject('postgresUrl');
