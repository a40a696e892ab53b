import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Storage } from '../../src/ports/storage.js';
import { openSqlStorage } from '../../src/storage/sql/sql-storage.js';

export interface TestDatabase {
  readonly name: 'sqlite' | 'postgres';
  /** A fresh, migrated, empty storage; `close` also deletes what it made. */
  open(): Promise<Storage & { destroy(): Promise<void> }>;
}

const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<true | string> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => {});
  }
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'accredit-test-'));
    const storage = await openSqlStorage({ kind: 'sqlite', file: join(dir, 'test.sqlite') });
    return {
      ...storage,
      destroy: async () => {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: TestDatabase = {
  name: 'postgres',
  async open() {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const storage = await openSqlStorage({ kind: 'postgres', url: postgresUrl }, { schema, poolSize: 5 });
    return {
      ...storage,
      destroy: async () => {
        await storage.close();
        const client = new pg.Client({ connectionString: postgresUrl });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      },
    };
  },
};

const reachable = await postgresReachable();
if (reachable !== true && process.env.ACCREDIT_REQUIRE_POSTGRES === '1') {
  throw new Error(
    `PostgreSQL is required (ACCREDIT_REQUIRE_POSTGRES=1) but ${postgresUrl} is not reachable: ${reachable}`,
  );
}
if (reachable !== true) {
  console.log(
    `  PostgreSQL leg skipped: ${postgresUrl} is not reachable (${reachable}); set TEST_DATABASE_URL.`,
  );
}

/** Every database the suites run against: SQLite always, PostgreSQL when a server answers. */
export const testDatabases: readonly TestDatabase[] = reachable === true ? [sqlite, postgres] : [sqlite];
export const testPostgresUrl = postgresUrl;
