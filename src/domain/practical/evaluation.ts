import type { CriterionScore, RubricDecision } from './rubric-decision.js';
import type { EvaluationRole } from './submission.js';

export interface Evaluator {
  readonly platformId: string;
  readonly subject: string;
  readonly name: string | undefined;
}

/** One evaluator's work on one submission: claimed first (with an expiry), then completed. */
export interface Evaluation {
  readonly id: string;
  readonly submissionId: string;
  readonly role: EvaluationRole;
  readonly evaluator: Evaluator;
  readonly rubricVersion: string;
  readonly status: 'claimed' | 'completed';
  readonly claimedAt: Date;
  readonly claimExpiresAt: Date;
  readonly scores: readonly CriterionScore[];
  readonly comment: string | undefined;
  readonly decision: RubricDecision | undefined;
  readonly completedAt: Date | undefined;
}

export function isLiveClaim(evaluation: Evaluation, now: Date): boolean {
  return evaluation.status === 'claimed' && evaluation.claimExpiresAt.getTime() > now.getTime();
}

export function sameEvaluator(
  a: { platformId: string; subject: string },
  b: { platformId: string; subject: string },
) {
  return a.platformId === b.platformId && a.subject === b.subject;
}
