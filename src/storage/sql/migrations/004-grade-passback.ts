import type { Kysely } from 'kysely';

/**
 * Grade passback: the resource links learners launch courses from (with the AGS endpoint each
 * launch gave), the line items created in them, the link each attempt was started from, and the
 * order scores for one line item and user must keep in the outbox.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('course_links')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('platform_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('deployment_id', 'varchar(255)', (c) => c.notNull())
    // '' when the launch named no context: the unique key below must still hold.
    .addColumn('context_id', 'varchar(255)', (c) => c.notNull())
    .addColumn('resource_link_id', 'varchar(255)', (c) => c.notNull())
    .addColumn('title', 'varchar(500)')
    .addColumn('course_id', 'varchar(64)')
    .addColumn('grade_service', 'text')
    .addColumn('passback_problem', 'text')
    .addColumn('first_launch_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_launch_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('course_links_key', [
      'platform_id',
      'deployment_id',
      'context_id',
      'resource_link_id',
    ])
    .execute();

  await db.schema
    .createTable('line_items')
    .addColumn('link_id', 'varchar(64)', (c) => c.notNull().references('course_links.id').onDelete('cascade'))
    .addColumn('tag', 'varchar(64)', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('line_items_pk', ['link_id', 'tag'])
    .execute();

  await db.schema.alterTable('attempts').addColumn('link_id', 'varchar(64)').execute();
  await db.schema.alterTable('sessions').addColumn('link_id', 'varchar(64)').execute();

  await db.schema.alterTable('outbox').addColumn('ordering_key', 'varchar(255)').execute();
  await db.schema.alterTable('outbox').addColumn('order_at', 'varchar(32)').execute();
  await db.schema
    .createIndex('outbox_ordering')
    .on('outbox')
    .columns(['ordering_key', 'status', 'order_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('outbox_ordering').execute();
  await db.schema.alterTable('outbox').dropColumn('order_at').execute();
  await db.schema.alterTable('outbox').dropColumn('ordering_key').execute();
  await db.schema.alterTable('sessions').dropColumn('link_id').execute();
  await db.schema.alterTable('attempts').dropColumn('link_id').execute();
  await db.schema.dropTable('line_items').execute();
  await db.schema.dropTable('course_links').execute();
}
