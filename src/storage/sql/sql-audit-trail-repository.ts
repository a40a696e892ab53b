import type { Kysely } from 'kysely';
import type { AuditEvent } from '../../domain/practical/audit-event.js';
import type { AuditTrailRepository } from '../../ports/storage.js';
import type { Database } from './database-schema.js';

export class SqlAuditTrailRepository implements AuditTrailRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.db
      .insertInto('audit_events')
      .values(
        events.map((e, seq) => ({
          id: e.id,
          submission_id: e.submissionId,
          at: e.at.toISOString(),
          actor_platform_id: e.actor.platformId,
          actor_subject: e.actor.subject,
          actor_name: e.actor.name ?? null,
          action: e.action,
          seq,
          details: JSON.stringify(e.details),
        })),
      )
      .execute();
  }

  async listForSubmission(submissionId: string): Promise<AuditEvent[]> {
    const rows = await this.db
      .selectFrom('audit_events')
      .selectAll()
      .where('submission_id', '=', submissionId)
      .orderBy('at')
      .orderBy('seq')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      submissionId: r.submission_id,
      at: new Date(r.at),
      actor: { platformId: r.actor_platform_id, subject: r.actor_subject, name: r.actor_name ?? undefined },
      action: r.action as AuditEvent['action'],
      details: JSON.parse(r.details) as Record<string, unknown>,
    }));
  }
}
