import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LtiRecord, LtiRecordRepository } from '../../ports/storage.js';
import { lookupKey } from '../lookup-key.js';
import type { Database } from './database-schema.js';

export class SqlLtiRecordRepository implements LtiRecordRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(collection: string, lookup: Readonly<Record<string, string>>, now: Date): Promise<LtiRecord[]> {
    let query = this.db
      .selectFrom('lti_records')
      .selectAll()
      .where('collection', '=', collection)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now.toISOString())]));
    if (Object.keys(lookup).length > 0) query = query.where('lookup_key', '=', lookupKey(lookup));
    const rows = await query.orderBy('created_at').execute();
    return rows.map((row) => ({
      collection: row.collection,
      lookup: JSON.parse(row.lookup_key) as Record<string, string>,
      data: row.data,
      createdAt: new Date(row.created_at),
      expiresAt: row.expires_at ? new Date(row.expires_at) : undefined,
    }));
  }

  async insert(record: LtiRecord): Promise<void> {
    await this.db.insertInto('lti_records').values(this.toRow(record)).execute();
  }

  async replace(record: LtiRecord, match: Readonly<Record<string, string>>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('lti_records')
        .where('collection', '=', record.collection)
        .where('lookup_key', '=', lookupKey(match))
        .execute();
      await trx.insertInto('lti_records').values(this.toRow(record)).execute();
    });
  }

  async remove(collection: string, lookup: Readonly<Record<string, string>>): Promise<number> {
    const result = await this.db
      .deleteFrom('lti_records')
      .where('collection', '=', collection)
      .where('lookup_key', '=', lookupKey(lookup))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async purgeExpired(now: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('lti_records')
      .where('expires_at', 'is not', null)
      .where('expires_at', '<=', now.toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private toRow(record: LtiRecord) {
    return {
      id: randomUUID(),
      collection: record.collection,
      lookup_key: lookupKey(record.lookup),
      data: record.data,
      created_at: record.createdAt.toISOString(),
      expires_at: record.expiresAt ? record.expiresAt.toISOString() : null,
    };
  }
}
