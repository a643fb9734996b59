import { defineConfig } from 'drizzle-kit';

/** PostgreSQL's migrations, from the twin schema; drizzle.config.ts writes SQLite's. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/pg-schema.ts',
  out: './drizzle-pg',
  casing: 'snake_case',
});
