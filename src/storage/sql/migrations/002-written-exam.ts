import { type Kysely, sql } from 'kysely';

/** Content versions, exam attempts with their responses, and learning path visits. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('content_versions')
    .addColumn('version', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('attempts')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('platform_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('subject', 'varchar(255)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('content_version', 'varchar(64)', (c) => c.notNull().references('content_versions.version'))
    .addColumn('seed', 'varchar(128)', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('deadline', 'varchar(32)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(32)')
    .addColumn('submitted_by', 'varchar(16)')
    .addColumn('result', 'text')
    .execute();
  await db.schema
    .createIndex('attempts_learner')
    .on('attempts')
    .columns(['platform_id', 'subject', 'course_id'])
    .execute();
  await db.schema
    .createIndex('attempts_open_deadline')
    .on('attempts')
    .columns(['status', 'deadline'])
    .execute();
  // One open attempt per learner and course, whatever the concurrency: the database refuses a second.
  await sql`create unique index attempts_one_open on attempts (platform_id, subject, course_id) where status = 'in_progress'`.execute(
    db,
  );

  await db.schema
    .createTable('attempt_responses')
    .addColumn('attempt_id', 'varchar(64)', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
    .addColumn('question_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('selected', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('attempt_responses_pk', ['attempt_id', 'question_id'])
    .execute();

  await db.schema
    .createTable('learning_path_visits')
    .addColumn('platform_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('subject', 'varchar(255)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('visited_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('learning_path_visits_learner')
    .on('learning_path_visits')
    .columns(['platform_id', 'subject', 'course_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['learning_path_visits', 'attempt_responses', 'attempts', 'content_versions']) {
    await db.schema.dropTable(table).execute();
  }
}
