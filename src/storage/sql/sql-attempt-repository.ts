import { type Kysely, type Selectable, sql } from 'kysely';
import type { Attempt, AttemptItem, AttemptResult, Learner, Response } from '../../domain/exam/attempt.js';
import type { AttemptRepository } from '../../ports/storage.js';
import type { AttemptsTable, Database } from './database-schema.js';

export class SqlAttemptRepository implements AttemptRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly backend: 'sqlite' | 'postgres',
  ) {}

  async insertIfNoneOpen(attempt: Attempt): Promise<{ attempt: Attempt; created: boolean }> {
    const inserted = await this.db
      .insertInto('attempts')
      .values({
        id: attempt.id,
        platform_id: attempt.learner.platformId,
        subject: attempt.learner.subject,
        course_id: attempt.courseId,
        link_id: attempt.linkId ?? null,
        content_version: attempt.contentVersion,
        seed: attempt.seed,
        items: JSON.stringify(attempt.items),
        status: attempt.status,
        started_at: attempt.startedAt.toISOString(),
        deadline: attempt.deadline.toISOString(),
        submitted_at: null,
        submitted_by: null,
        result: null,
      })
      // The partial unique index holds one open attempt per learner and course; a second insert
      // does nothing (no error, so a surrounding PostgreSQL transaction stays usable).
      .onConflict((oc) =>
        oc
          .columns(['platform_id', 'subject', 'course_id'])
          .where('status', '=', sql.lit('in_progress'))
          .doNothing(),
      )
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { attempt, created: true };
    const open = (await this.listForLearner(attempt.learner, attempt.courseId)).find(
      (a) => a.status === 'in_progress',
    );
    if (!open) throw new Error(`attempt ${attempt.id} was neither inserted nor found open`);
    return { attempt: open, created: false };
  }

  async findById(id: string): Promise<Attempt | undefined> {
    const row = await this.db.selectFrom('attempts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? (await this.withResponses([row]))[0] : undefined;
  }

  async findByIdForUpdate(id: string): Promise<Attempt | undefined> {
    let query = this.db.selectFrom('attempts').selectAll().where('id', '=', id);
    // SQLite has no row locks; its transactions already run one at a time.
    if (this.backend === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? (await this.withResponses([row]))[0] : undefined;
  }

  async listForLearner(learner: Learner, courseId?: string): Promise<Attempt[]> {
    let query = this.db
      .selectFrom('attempts')
      .selectAll()
      .where('platform_id', '=', learner.platformId)
      .where('subject', '=', learner.subject);
    if (courseId !== undefined) query = query.where('course_id', '=', courseId);
    return this.withResponses(await query.orderBy('started_at').orderBy('id').execute());
  }

  async saveResponse(
    attemptId: string,
    questionId: string,
    selected: readonly string[],
    at: Date,
  ): Promise<void> {
    await this.db
      .insertInto('attempt_responses')
      .values({
        attempt_id: attemptId,
        question_id: questionId,
        selected: JSON.stringify(selected),
        saved_at: at.toISOString(),
      })
      .onConflict((oc) =>
        oc
          .columns(['attempt_id', 'question_id'])
          .doUpdateSet({ selected: JSON.stringify(selected), saved_at: at.toISOString() }),
      )
      .execute();
  }

  async markSubmitted(
    id: string,
    result: AttemptResult,
    at: Date,
    by: 'learner' | 'timeout',
  ): Promise<boolean> {
    const outcome = await this.db
      .updateTable('attempts')
      .set({
        status: 'submitted',
        submitted_at: at.toISOString(),
        submitted_by: by,
        result: JSON.stringify(result),
      })
      .where('id', '=', id)
      .where('status', '=', 'in_progress')
      .executeTakeFirst();
    return Number(outcome.numUpdatedRows) > 0;
  }

  async listOverdue(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('attempts')
      .select('id')
      .where('status', '=', 'in_progress')
      .where('deadline', '<=', now.toISOString())
      .orderBy('deadline')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  private async withResponses(rows: Selectable<AttemptsTable>[]): Promise<Attempt[]> {
    if (rows.length === 0) return [];
    const responses = await this.db
      .selectFrom('attempt_responses')
      .selectAll()
      .where(
        'attempt_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((row) => {
      const own: Record<string, Response> = {};
      for (const r of responses) {
        if (r.attempt_id === row.id) {
          own[r.question_id] = {
            selected: JSON.parse(r.selected) as string[],
            savedAt: new Date(r.saved_at),
          };
        }
      }
      return {
        id: row.id,
        learner: { platformId: row.platform_id, subject: row.subject },
        courseId: row.course_id,
        linkId: row.link_id ?? undefined,
        contentVersion: row.content_version,
        seed: row.seed,
        items: JSON.parse(row.items) as AttemptItem[],
        responses: own,
        status: row.status === 'submitted' ? 'submitted' : 'in_progress',
        startedAt: new Date(row.started_at),
        deadline: new Date(row.deadline),
        submittedAt: row.submitted_at ? new Date(row.submitted_at) : undefined,
        submittedBy:
          row.submitted_by === 'timeout' ? 'timeout' : row.submitted_by === 'learner' ? 'learner' : undefined,
        result: row.result ? (JSON.parse(row.result) as AttemptResult) : undefined,
      };
    });
  }
}
