import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DatabaseConfig } from '../../config/config.js';
import type { Repositories, Storage } from '../../ports/storage.js';
import { createKysely, type PostgresOptions } from './create-kysely.js';
import type { Database } from './database-schema.js';
import { migrateToLatest } from './migrate.js';
import { SqlAttemptRepository } from './sql-attempt-repository.js';
import { SqlAuditTrailRepository } from './sql-audit-trail-repository.js';
import { SqlCalibrationRepository } from './sql-calibration-repository.js';
import { SqlCertificationRepository } from './sql-certification-repository.js';
import { SqlContentVersionRepository } from './sql-content-version-repository.js';
import { SqlCourseLinkRepository } from './sql-course-link-repository.js';
import { SqlEvaluationRepository } from './sql-evaluation-repository.js';
import { SqlLearningPathVisitRepository } from './sql-learning-path-visit-repository.js';
import { SqlLineItemRepository } from './sql-line-item-repository.js';
import { SqlLoginStateRepository } from './sql-login-state-repository.js';
import { SqlLtiRecordRepository } from './sql-lti-record-repository.js';
import { SqlOutboxRepository } from './sql-outbox-repository.js';
import { SqlPlatformRepository } from './sql-platform-repository.js';
import { SqlPracticalSubmissionRepository } from './sql-practical-submission-repository.js';
import { SqlSessionRepository } from './sql-session-repository.js';
import { SqlToolKeyRepository } from './sql-tool-key-repository.js';

/** Opens the database, runs pending migrations and returns the storage port over it. */
export async function openSqlStorage(
  config: DatabaseConfig,
  options: PostgresOptions = {},
): Promise<Storage> {
  const db = createKysely(config, options);
  try {
    if (config.kind === 'postgres' && options.schema) {
      await sql`create schema if not exists ${sql.id(options.schema)}`.execute(db);
    }
    await migrateToLatest(db);
  } catch (err) {
    await db.destroy().catch(() => {});
    throw err;
  }
  return {
    backend: config.kind,
    platforms: new SqlPlatformRepository(db),
    loginStates: new SqlLoginStateRepository(db),
    toolKeys: new SqlToolKeyRepository(db),
    ltiRecords: new SqlLtiRecordRepository(db),
    ...repositories(db, config.kind),
    transaction: (work) => db.transaction().execute((trx) => work(repositories(trx, config.kind))),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

function repositories(db: Kysely<Database>, backend: 'sqlite' | 'postgres'): Repositories {
  return {
    attempts: new SqlAttemptRepository(db, backend),
    sessions: new SqlSessionRepository(db),
    courseLinks: new SqlCourseLinkRepository(db),
    lineItems: new SqlLineItemRepository(db),
    submissions: new SqlPracticalSubmissionRepository(db, backend),
    evaluations: new SqlEvaluationRepository(db),
    calibrations: new SqlCalibrationRepository(db),
    auditTrail: new SqlAuditTrailRepository(db),
    certifications: new SqlCertificationRepository(db),
    contentVersions: new SqlContentVersionRepository(db),
    learningPathVisits: new SqlLearningPathVisitRepository(db),
    outbox: new SqlOutboxRepository(db, backend),
  };
}
