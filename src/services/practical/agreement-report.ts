import type { Evaluation } from '../../domain/practical/evaluation.js';
import { type Agreement, agreement } from '../../domain/practical/inter-rater-agreement.js';
import type { EvaluatorScope } from './evaluator-scope.js';
import type { PracticalDeps } from './practical-deps.js';

export interface AgreementReport {
  /** Submissions with both a first and a second evaluation completed. */
  readonly doubleMarked: number;
  /** Whether the two evaluations reached the same decision (pass / fail). */
  readonly decisions: Agreement;
  /** Per criterion: agreement on the level chosen. */
  readonly criteria: readonly ({ readonly criterionId: string } & Agreement)[];
}

/**
 * Inter-rater agreement across double-marked submissions: percent agreement and Cohen's kappa on
 * the decision and on each criterion's level, first marker against second.
 */
export async function agreementReport(
  deps: PracticalDeps,
  scope: EvaluatorScope,
  courseId: string | undefined,
): Promise<AgreementReport> {
  const completed = await deps.storage.evaluations.listCompleted({ platformId: scope.platformId, courseId });
  const bySubmission = new Map<string, { first?: Evaluation; second?: Evaluation }>();
  for (const e of completed) {
    if (e.role !== 'first' && e.role !== 'second') continue;
    const pair = bySubmission.get(e.submissionId) ?? {};
    pair[e.role] = e;
    bySubmission.set(e.submissionId, pair);
  }
  const pairs = [...bySubmission.values()].filter((p): p is { first: Evaluation; second: Evaluation } =>
    Boolean(p.first && p.second),
  );
  const levelPairs = new Map<string, [string, string][]>();
  for (const { first, second } of pairs) {
    for (const score of first.scores) {
      const other = second.scores.find((s) => s.criterionId === score.criterionId);
      if (!other) continue;
      const list = levelPairs.get(score.criterionId) ?? [];
      list.push([score.levelId, other.levelId]);
      levelPairs.set(score.criterionId, list);
    }
  }
  return {
    doubleMarked: pairs.length,
    decisions: agreement(
      pairs.map(({ first, second }) => [String(first.decision?.passed), String(second.decision?.passed)]),
    ),
    criteria: [...levelPairs.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([criterionId, list]) => ({ criterionId, ...agreement(list) })),
  };
}
