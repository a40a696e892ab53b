import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  OutboxEntry,
  OutboxInsert,
  OutboxRepository,
  OutboxStatus,
  OutboxTarget,
} from '../../ports/storage.js';
import type { Database, OutboxTable } from './database-schema.js';

export class SqlOutboxRepository implements OutboxRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly backend: 'sqlite' | 'postgres',
  ) {}

  async enqueue(entries: readonly OutboxInsert[], at: Date) {
    if (entries.length === 0) return;
    await this.db
      .insertInto('outbox')
      .values(
        entries.map((e) => ({
          id: e.id,
          target: e.target,
          kind: e.kind,
          payload: e.payload,
          status: 'pending',
          tries: 0,
          next_try_at: at.toISOString(),
          created_at: at.toISOString(),
          ordering_key: e.orderingKey ?? null,
          order_at: e.orderAt?.toISOString() ?? null,
        })),
      )
      .execute();
  }

  async claim(
    target: OutboxTarget,
    owner: string,
    now: Date,
    leaseUntil: Date,
    limit: number,
  ): Promise<OutboxEntry[]> {
    const nowText = now.toISOString();
    // One UPDATE … WHERE id IN (SELECT …): atomic on SQLite; on PostgreSQL SKIP LOCKED lets
    // concurrent dispatchers take disjoint rows instead of waiting on each other.
    const lock = this.backend === 'postgres' ? sql`for update skip locked` : sql``;
    const result = await sql<Selectable<OutboxTable>>`
      update outbox set lease_owner = ${owner}, lease_until = ${leaseUntil.toISOString()}, tries = tries + 1
      where id in (
        select o.id from outbox o
        where o.status = 'pending' and o.target = ${target} and o.next_try_at <= ${nowText}
          and (o.lease_until is null or o.lease_until <= ${nowText})
          and (o.ordering_key is null or not exists (
            select 1 from outbox earlier
            where earlier.ordering_key = o.ordering_key and earlier.status = 'pending'
              and earlier.order_at < o.order_at))
        order by o.created_at, o.id
        limit ${limit}
        ${lock}
      )
      returning *`.execute(this.db);
    return result.rows
      .map(toEntry)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  async lastOrderAt(orderingKey: string): Promise<Date | undefined> {
    const row = await this.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.max('order_at').as('last'))
      .where('ordering_key', '=', orderingKey)
      .executeTakeFirst();
    return row?.last ? new Date(row.last) : undefined;
  }

  async markDelivered(ids: readonly string[], owner: string, at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('outbox')
      .set({
        status: 'delivered',
        delivered_at: at.toISOString(),
        lease_owner: null,
        lease_until: null,
        last_error: null,
      })
      .where('id', 'in', [...ids])
      .where('lease_owner', '=', owner)
      .execute();
  }

  async markRetry(id: string, owner: string, nextTryAt: Date, error: string): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({
        next_try_at: nextTryAt.toISOString(),
        lease_owner: null,
        lease_until: null,
        last_error: error.slice(0, 4000),
      })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .execute();
  }

  async markDead(id: string, owner: string, error: string, at: Date): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({
        status: 'dead',
        lease_owner: null,
        lease_until: null,
        last_error: error.slice(0, 4000),
        next_try_at: at.toISOString(),
      })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .execute();
  }

  async retry(ids: readonly string[] | 'all-dead', now: Date): Promise<number> {
    let query = this.db
      .updateTable('outbox')
      .set({ status: 'pending', next_try_at: now.toISOString(), lease_owner: null, lease_until: null });
    query =
      ids === 'all-dead'
        ? query.where('status', '=', 'dead')
        : query.where('id', 'in', [...ids]).where('status', '!=', 'delivered');
    if (ids !== 'all-dead' && ids.length === 0) return 0;
    return Number((await query.executeTakeFirst()).numUpdatedRows);
  }

  async counts() {
    const rows = await this.db
      .selectFrom('outbox')
      .select([
        'target',
        'status',
        (eb) => eb.fn.countAll<string | number>().as('n'),
        (eb) => eb.fn.min('created_at').as('oldest'),
      ])
      .groupBy(['target', 'status'])
      .orderBy('target')
      .orderBy('status')
      .execute();
    return rows.map((r) => ({
      target: r.target as OutboxTarget,
      status: r.status as OutboxStatus,
      count: Number(r.n),
      oldest: r.oldest ? new Date(r.oldest) : undefined,
    }));
  }

  async list(filter: {
    status?: OutboxStatus;
    target?: OutboxTarget;
    limit: number;
  }): Promise<OutboxEntry[]> {
    let query = this.db.selectFrom('outbox').selectAll();
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.target) query = query.where('target', '=', filter.target);
    return (await query.orderBy('created_at').orderBy('id').limit(filter.limit).execute()).map(toEntry);
  }
}

function toEntry(row: Selectable<OutboxTable>): OutboxEntry {
  return {
    id: row.id,
    target: row.target as OutboxTarget,
    kind: row.kind,
    payload: row.payload,
    status: row.status as OutboxStatus,
    tries: Number(row.tries),
    nextTryAt: new Date(row.next_try_at),
    lastError: row.last_error ?? undefined,
    createdAt: new Date(row.created_at),
    deliveredAt: row.delivered_at ? new Date(row.delivered_at) : undefined,
    orderingKey: row.ordering_key ?? undefined,
    orderAt: row.order_at ? new Date(row.order_at) : undefined,
  };
}
