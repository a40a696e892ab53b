import type { Kysely } from 'kysely';
import type { ToolKey, ToolKeyRepository } from '../../ports/storage.js';
import type { Database } from './database-schema.js';

export class SqlToolKeyRepository implements ToolKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<ToolKey[]> {
    const rows = await this.db
      .selectFrom('tool_keys')
      .selectAll()
      .orderBy('created_at')
      .orderBy('kid')
      .execute();
    return rows.map((row) => ({
      kid: row.kid,
      publicJwk: JSON.parse(row.public_jwk) as Record<string, unknown>,
      privateJwkSealed: row.private_jwk_sealed,
      createdAt: new Date(row.created_at),
    }));
  }

  async save(key: ToolKey): Promise<void> {
    await this.db
      .insertInto('tool_keys')
      .values({
        kid: key.kid,
        public_jwk: JSON.stringify(key.publicJwk),
        private_jwk_sealed: key.privateJwkSealed,
        created_at: key.createdAt.toISOString(),
      })
      .execute();
  }
}
