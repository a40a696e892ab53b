import type { Kysely } from 'kysely';
import type { LoginState, LoginStateRepository } from '../../ports/storage.js';
import type { Database } from './database-schema.js';

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
      })
      .execute();
  }

  async consume(state: string): Promise<LoginState | undefined> {
    // DELETE … RETURNING is one statement on both backends: two concurrent launches cannot both get the row.
    const row = await this.db
      .deleteFrom('lti_login_states')
      .where('state', '=', state)
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      state: row.state,
      nonce: row.nonce,
      platformId: row.platform_id,
      createdAt: new Date(row.created_at),
      expiresAt: new Date(row.expires_at),
    };
  }

  async purgeExpired(now: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('lti_login_states')
      .where('expires_at', '<=', now.toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
