import type { Kysely } from 'kysely';

/**
 * The practical assessment: submissions with their evidence, evaluations (claims, then scores),
 * evaluator calibration runs, the audit trail, and course certifications.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('practical_submissions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('platform_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('subject', 'varchar(255)', (c) => c.notNull())
    .addColumn('learner_name', 'varchar(500)')
    .addColumn('course_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('content_version', 'varchar(64)', (c) => c.notNull().references('content_versions.version'))
    .addColumn('rubric_version', 'varchar(64)', (c) => c.notNull())
    .addColumn('link_id', 'varchar(64)')
    .addColumn('context_id', 'varchar(255)')
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('released_at', 'varchar(32)')
    .addColumn('appealed_at', 'varchar(32)')
    .addColumn('appeal_reason', 'text')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('practical_submissions_number', ['platform_id', 'subject', 'course_id', 'number'])
    .execute();
  await db.schema
    .createIndex('practical_submissions_queue')
    .on('practical_submissions')
    .columns(['status', 'course_id', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('practical_evaluations')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('submission_id', 'varchar(64)', (c) =>
      c.notNull().references('practical_submissions.id').onDelete('cascade'),
    )
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('evaluator_platform_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('evaluator_subject', 'varchar(255)', (c) => c.notNull())
    .addColumn('evaluator_name', 'varchar(500)')
    .addColumn('rubric_version', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('claimed_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('claim_expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('decision', 'text')
    .addColumn('completed_at', 'varchar(32)')
    .execute();
  // One evaluation per submission and role: of two evaluators claiming at once, one wins.
  await db.schema
    .createIndex('practical_evaluations_one_per_role')
    .on('practical_evaluations')
    .columns(['submission_id', 'role'])
    .unique()
    .execute();

  await db.schema
    .createTable('calibration_runs')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('evaluator_platform_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('evaluator_subject', 'varchar(255)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('reference_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('rubric_version', 'varchar(64)', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('closeness', 'text', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('calibration_runs_evaluator')
    .on('calibration_runs')
    .columns(['evaluator_platform_id', 'evaluator_subject', 'course_id'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('submission_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor_platform_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('actor_subject', 'varchar(255)', (c) => c.notNull())
    .addColumn('actor_name', 'varchar(500)')
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    // Events written together share their time: this keeps their order.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_events_submission')
    .on('audit_events')
    .columns(['submission_id', 'at'])
    .execute();

  await db.schema
    .createTable('certifications')
    .addColumn('platform_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('subject', 'varchar(255)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('content_version', 'varchar(64)', (c) => c.notNull())
    .addColumn('written_attempt_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('written', 'text', (c) => c.notNull())
    .addColumn('submission_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('practical', 'text', (c) => c.notNull())
    .addColumn('certified_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('certifications_pk', ['platform_id', 'subject', 'course_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'certifications',
    'audit_events',
    'calibration_runs',
    'practical_evaluations',
    'practical_submissions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
