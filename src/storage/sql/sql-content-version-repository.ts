import type { Kysely } from 'kysely';
import type { ContentVersionRepository } from '../../ports/storage.js';
import type { Database } from './database-schema.js';

export class SqlContentVersionRepository implements ContentVersionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async save(version: string, content: string, at: Date): Promise<void> {
    await this.db
      .insertInto('content_versions')
      .values({ version, content, created_at: at.toISOString() })
      .onConflict((oc) => oc.column('version').doNothing())
      .execute();
  }

  async find(version: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('content_versions')
      .select('content')
      .where('version', '=', version)
      .executeTakeFirst();
    return row?.content;
  }
}
