import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './001-foundation.js';

/** Versioned migrations, applied in name order at start; never edit one that has shipped, add the next. */
export const migrations: Record<string, Migration> = {
  '001-foundation': foundation,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
