import type { Kysely, Selectable } from 'kysely';
import type { Learner } from '../../domain/exam/attempt.js';
import type {
  Evidence,
  PracticalResult,
  PracticalSubmission,
  SubmissionStatus,
} from '../../domain/practical/submission.js';
import type { PracticalSubmissionRepository, SubmissionChange } from '../../ports/storage.js';
import type { Database, PracticalSubmissionsTable } from './database-schema.js';

export class SqlPracticalSubmissionRepository implements PracticalSubmissionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly backend: 'sqlite' | 'postgres',
  ) {}

  async insert(s: PracticalSubmission): Promise<'inserted' | 'duplicate'> {
    const result = await this.db
      .insertInto('practical_submissions')
      .values({
        id: s.id,
        platform_id: s.learner.platformId,
        subject: s.learner.subject,
        learner_name: s.learnerName ?? null,
        course_id: s.courseId,
        content_version: s.contentVersion,
        rubric_version: s.rubricVersion,
        link_id: s.linkId ?? null,
        context_id: s.contextId ?? null,
        number: s.number,
        evidence: JSON.stringify(s.evidence),
        status: s.status,
        submitted_at: s.submittedAt.toISOString(),
        result: null,
        released_at: null,
        appealed_at: null,
        appeal_reason: null,
        updated_at: s.updatedAt.toISOString(),
      })
      // A concurrent submit took the number: nothing inserted, and a PostgreSQL transaction stays usable.
      .onConflict((oc) => oc.columns(['platform_id', 'subject', 'course_id', 'number']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? 'inserted' : 'duplicate';
  }

  async findById(id: string): Promise<PracticalSubmission | undefined> {
    const row = await this.db
      .selectFrom('practical_submissions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toSubmission(row) : undefined;
  }

  async findByIdForUpdate(id: string): Promise<PracticalSubmission | undefined> {
    let query = this.db.selectFrom('practical_submissions').selectAll().where('id', '=', id);
    if (this.backend === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? toSubmission(row) : undefined;
  }

  async listForLearner(learner: Learner, courseId?: string): Promise<PracticalSubmission[]> {
    let query = this.db
      .selectFrom('practical_submissions')
      .selectAll()
      .where('platform_id', '=', learner.platformId)
      .where('subject', '=', learner.subject);
    if (courseId !== undefined) query = query.where('course_id', '=', courseId);
    return (await query.orderBy('course_id').orderBy('number').execute()).map(toSubmission);
  }

  async update(
    id: string,
    from: readonly SubmissionStatus[],
    change: SubmissionChange,
    at: Date,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('practical_submissions')
      .set({
        status: change.status,
        updated_at: at.toISOString(),
        ...('result' in change ? { result: change.result ? JSON.stringify(change.result) : null } : {}),
        ...('releasedAt' in change ? { released_at: change.releasedAt?.toISOString() ?? null } : {}),
        ...('appealedAt' in change ? { appealed_at: change.appealedAt?.toISOString() ?? null } : {}),
        ...('appealReason' in change ? { appeal_reason: change.appealReason ?? null } : {}),
      })
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async listQueue(filter: {
    platformId: string;
    contextId?: string | null | undefined;
    courseId?: string | undefined;
    statuses: readonly SubmissionStatus[];
    submittedBefore?: Date | undefined;
    limit: number;
  }): Promise<PracticalSubmission[]> {
    if (filter.statuses.length === 0) return [];
    let query = this.db
      .selectFrom('practical_submissions')
      .selectAll()
      .where('platform_id', '=', filter.platformId)
      .where('status', 'in', [...filter.statuses]);
    if (filter.contextId === null) query = query.where('context_id', 'is', null);
    else if (filter.contextId !== undefined) query = query.where('context_id', '=', filter.contextId);
    if (filter.courseId !== undefined) query = query.where('course_id', '=', filter.courseId);
    if (filter.submittedBefore)
      query = query.where('submitted_at', '<=', filter.submittedBefore.toISOString());
    const rows = await query.orderBy('submitted_at').orderBy('id').limit(filter.limit).execute();
    return rows.map(toSubmission);
  }
}

function toSubmission(row: Selectable<PracticalSubmissionsTable>): PracticalSubmission {
  return {
    id: row.id,
    learner: { platformId: row.platform_id, subject: row.subject },
    learnerName: row.learner_name ?? undefined,
    courseId: row.course_id,
    contentVersion: row.content_version,
    rubricVersion: row.rubric_version,
    linkId: row.link_id ?? undefined,
    contextId: row.context_id ?? undefined,
    number: Number(row.number),
    evidence: JSON.parse(row.evidence) as Evidence,
    status: row.status as SubmissionStatus,
    submittedAt: new Date(row.submitted_at),
    result: row.result ? (JSON.parse(row.result) as PracticalResult) : undefined,
    releasedAt: row.released_at ? new Date(row.released_at) : undefined,
    appealedAt: row.appealed_at ? new Date(row.appealed_at) : undefined,
    appealReason: row.appeal_reason ?? undefined,
    updatedAt: new Date(row.updated_at),
  };
}
