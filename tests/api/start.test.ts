import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../server/config';
import { DIALECT } from '../../server/db/dialect';
import { databaseName, startServer } from '../../server/main';
import { pgTestDatabase } from '../support/pg-database';

const dir = mkdtempSync(join(tmpdir(), 'yardstick-start-'));
let database: ReturnType<typeof pgTestDatabase> | undefined;
afterEach(async () => {
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** This database's connections other than the asking one: what a node holds open. */
const connections = async () =>
  Number(
    await database!.value(
      'select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    ),
  );

describe(`a node on ${DIALECT}`, () => {
  it('opens its database, answers readiness from it, and closes it when it stops', async () => {
    if (DIALECT === 'pg') database = pgTestDatabase();
    const config = v.parse(ConfigSchema, {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'node.db'),
      DATABASE_URL: database?.url,
    });
    const before = database ? await connections() : 0;
    const server = await startServer(config);
    const ready = await fetch(`${server.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
    if (database) {
      expect(await connections()).toBeGreaterThan(before);
      // The logs name the database without its credentials.
      expect(databaseName({ ...config, DATABASE_URL: 'postgres://ys:secret@db.example.com:5432/ys' })).toBe(
        'postgres://db.example.com:5432/ys',
      );
    }
    await server.close();
    await expect(fetch(`${server.url}/api/ready`)).rejects.toThrow();
    if (database) expect(await connections()).toBe(before);
  });
});
