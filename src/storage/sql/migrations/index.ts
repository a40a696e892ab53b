import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './001-foundation.js';
import * as writtenExam from './002-written-exam.js';
import * as outbox from './003-outbox.js';
import * as gradePassback from './004-grade-passback.js';
import * as practical from './005-practical.js';
import * as platformStorage from './006-platform-storage.js';

/** Versioned migrations, applied in name order at start; never edit one that has shipped, add the next. */
export const migrations: Record<string, Migration> = {
  '001-foundation': foundation,
  '002-written-exam': writtenExam,
  '003-outbox': outbox,
  '004-grade-passback': gradePassback,
  '005-practical': practical,
  '006-platform-storage': platformStorage,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
