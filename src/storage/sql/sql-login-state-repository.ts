import type { Kysely, Selectable } from 'kysely';
import type { LoginState, LoginStateRepository } from '../../ports/storage.js';
import type { Database, LoginStatesTable } from './database-schema.js';

export class SqlLoginStateRepository implements LoginStateRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async save(state: LoginState): Promise<void> {
    await this.db
      .insertInto('lti_login_states')
      .values({
        state: state.state,
        nonce: state.nonce,
        platform_id: state.platformId,
        created_at: state.createdAt.toISOString(),
        expires_at: state.expiresAt.toISOString(),
        storage_target: state.platformStorage?.target ?? null,
        storage_proof_hash: state.platformStorage?.proofHash ?? null,
      })
      .execute();
  }

  async find(state: string): Promise<LoginState | undefined> {
    const row = await this.db
      .selectFrom('lti_login_states')
      .selectAll()
      .where('state', '=', state)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async consume(state: string): Promise<LoginState | undefined> {
    // DELETE … RETURNING is one statement on both backends: two concurrent launches cannot both get the row.
    const row = await this.db
      .deleteFrom('lti_login_states')
      .where('state', '=', state)
      .returningAll()
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async purgeExpired(now: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('lti_login_states')
      .where('expires_at', '<=', now.toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function fromRow(row: Selectable<LoginStatesTable>): LoginState {
  return {
    state: row.state,
    nonce: row.nonce,
    platformId: row.platform_id,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    ...(row.storage_target !== null && row.storage_proof_hash !== null
      ? { platformStorage: { target: row.storage_target, proofHash: row.storage_proof_hash } }
      : {}),
  };
}
