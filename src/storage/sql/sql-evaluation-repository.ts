import type { Kysely, Selectable } from 'kysely';
import type { Evaluation } from '../../domain/practical/evaluation.js';
import type { CriterionScore, RubricDecision } from '../../domain/practical/rubric-decision.js';
import type { EvaluationRole } from '../../domain/practical/submission.js';
import type { EvaluationRepository } from '../../ports/storage.js';
import type { Database, PracticalEvaluationsTable } from './database-schema.js';

export class SqlEvaluationRepository implements EvaluationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async claim(e: Evaluation, now: Date): Promise<'claimed' | 'taken'> {
    // An abandoned claim (expired, never completed) gives way.
    await this.db
      .deleteFrom('practical_evaluations')
      .where('submission_id', '=', e.submissionId)
      .where('role', '=', e.role)
      .where('status', '=', 'claimed')
      .where('claim_expires_at', '<=', now.toISOString())
      .execute();
    const result = await this.db
      .insertInto('practical_evaluations')
      .values({
        id: e.id,
        submission_id: e.submissionId,
        role: e.role,
        evaluator_platform_id: e.evaluator.platformId,
        evaluator_subject: e.evaluator.subject,
        evaluator_name: e.evaluator.name ?? null,
        rubric_version: e.rubricVersion,
        status: 'claimed',
        claimed_at: e.claimedAt.toISOString(),
        claim_expires_at: e.claimExpiresAt.toISOString(),
        scores: '[]',
        comment: null,
        decision: null,
        completed_at: null,
      })
      .onConflict((oc) => oc.columns(['submission_id', 'role']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? 'claimed' : 'taken';
  }

  async listForSubmission(submissionId: string): Promise<Evaluation[]> {
    const rows = await this.db
      .selectFrom('practical_evaluations')
      .selectAll()
      .where('submission_id', '=', submissionId)
      .orderBy('claimed_at')
      .orderBy('id')
      .execute();
    return rows.map(toEvaluation);
  }

  async complete(
    id: string,
    work: { scores: readonly CriterionScore[]; comment: string | undefined; decision: RubricDecision },
    at: Date,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('practical_evaluations')
      .set({
        status: 'completed',
        scores: JSON.stringify(work.scores),
        comment: work.comment ?? null,
        decision: JSON.stringify(work.decision),
        completed_at: at.toISOString(),
      })
      .where('id', '=', id)
      .where('status', '=', 'claimed')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async listCompleted(filter: { platformId: string; courseId?: string | undefined }): Promise<Evaluation[]> {
    let query = this.db
      .selectFrom('practical_evaluations as e')
      .innerJoin('practical_submissions as s', 's.id', 'e.submission_id')
      .selectAll('e')
      .where('e.status', '=', 'completed')
      .where('s.platform_id', '=', filter.platformId);
    if (filter.courseId !== undefined) query = query.where('s.course_id', '=', filter.courseId);
    return (await query.orderBy('e.completed_at').execute()).map(toEvaluation);
  }
}

function toEvaluation(row: Selectable<PracticalEvaluationsTable>): Evaluation {
  return {
    id: row.id,
    submissionId: row.submission_id,
    role: row.role as EvaluationRole,
    evaluator: {
      platformId: row.evaluator_platform_id,
      subject: row.evaluator_subject,
      name: row.evaluator_name ?? undefined,
    },
    rubricVersion: row.rubric_version,
    status: row.status === 'completed' ? 'completed' : 'claimed',
    claimedAt: new Date(row.claimed_at),
    claimExpiresAt: new Date(row.claim_expires_at),
    scores: JSON.parse(row.scores) as CriterionScore[],
    comment: row.comment ?? undefined,
    decision: row.decision ? (JSON.parse(row.decision) as RubricDecision) : undefined,
    completedAt: row.completed_at ? new Date(row.completed_at) : undefined,
  };
}
