import type { Kysely } from 'kysely';
import type { LineItemRepository } from '../../ports/storage.js';
import type { Database } from './database-schema.js';

export class SqlLineItemRepository implements LineItemRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(linkId: string, tag: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('line_items')
      .select('url')
      .where('link_id', '=', linkId)
      .where('tag', '=', tag)
      .executeTakeFirst();
    return row?.url;
  }

  async save(linkId: string, tag: string, url: string, at: Date): Promise<string> {
    await this.db
      .insertInto('line_items')
      .values({ link_id: linkId, tag, url, created_at: at.toISOString() })
      .onConflict((oc) => oc.columns(['link_id', 'tag']).doNothing())
      .execute();
    return (await this.find(linkId, tag)) ?? url;
  }

  async forget(linkId: string, tag: string): Promise<void> {
    await this.db.deleteFrom('line_items').where('link_id', '=', linkId).where('tag', '=', tag).execute();
  }
}
