import type { Kysely } from 'kysely';

/**
 * Platform storage (1EdTech LTI Client Side postMessages): a login started with
 * `lti_storage_target` remembers the frame to ask at launch and the hash of the value it put there,
 * so a launch whose browser refused the state cookie can still be tied to the browser. SQLite adds
 * one column per statement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('lti_login_states').addColumn('storage_target', 'varchar(255)').execute();
  await db.schema.alterTable('lti_login_states').addColumn('storage_proof_hash', 'varchar(64)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('lti_login_states').dropColumn('storage_proof_hash').execute();
  await db.schema.alterTable('lti_login_states').dropColumn('storage_target').execute();
}
