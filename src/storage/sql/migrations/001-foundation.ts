import type { Kysely } from 'kysely';

/** Platforms and deployments, LTI login states, sessions, the tool's keys and ltijs's records. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('platforms')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('issuer', 'varchar(1024)', (c) => c.notNull())
    .addColumn('client_id', 'varchar(255)', (c) => c.notNull())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('auth_login_url', 'varchar(2048)', (c) => c.notNull())
    .addColumn('access_token_url', 'varchar(2048)', (c) => c.notNull())
    .addColumn('jwks_url', 'varchar(2048)', (c) => c.notNull())
    .addColumn('token_audience', 'varchar(2048)')
    .addColumn('accept_new_deployments', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('platforms_issuer_client_id_unique', ['issuer', 'client_id'])
    .execute();

  await db.schema
    .createTable('platform_deployments')
    .addColumn('platform_id', 'varchar(64)', (c) =>
      c.notNull().references('platforms.id').onDelete('cascade'),
    )
    .addColumn('deployment_id', 'varchar(255)', (c) => c.notNull())
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('platform_deployments_pk', ['platform_id', 'deployment_id'])
    .execute();

  await db.schema
    .createTable('lti_login_states')
    .addColumn('state', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('nonce', 'varchar(128)', (c) => c.notNull())
    .addColumn('platform_id', 'varchar(64)', (c) =>
      c.notNull().references('platforms.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('lti_login_states_expires_at')
    .on('lti_login_states')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('launch', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('tool_keys')
    .addColumn('kid', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('private_jwk_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lti_records')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('collection', 'varchar(64)', (c) => c.notNull())
    .addColumn('lookup_key', 'varchar(2048)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('lti_records_collection_lookup')
    .on('lti_records')
    .columns(['collection', 'lookup_key'])
    .execute();
  await db.schema.createIndex('lti_records_expires_at').on('lti_records').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'lti_records',
    'tool_keys',
    'sessions',
    'lti_login_states',
    'platform_deployments',
    'platforms',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
