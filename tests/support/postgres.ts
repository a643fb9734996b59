import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migratePg } from '../../server/db/pg-store';
import { startPostgres } from './pg-server';

/** The database every test database is copied from: migrated once, so each test starts in milliseconds. */
export const TEMPLATE_DB = 'yardstick_template';

/**
 * Vitest global setup of the PostgreSQL test project: a real server of its own (./pg-server.ts,
 * fsync off since the cluster is thrown away), a template database migrated once, and the
 * server's address handed to the tests. Stopped at the end.
 */
export default async function setup(project: TestProject) {
  const server = await startPostgres({ durable: false });
  const admin = new pg.Client({ connectionString: `${server.url}/postgres` });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const template = new pg.Pool({ connectionString: `${server.url}/${TEMPLATE_DB}`, max: 1 });
  await migratePg(template);
  await template.end();
  project.provide('postgresUrl', server.url);
  project.provide('postgresBin', server.bin);
  return () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresBin: string;
  }
}
