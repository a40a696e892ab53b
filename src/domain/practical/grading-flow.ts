import type { PracticalAssessment, Rubric } from '../content/program.js';
import type { Evaluation } from './evaluation.js';
import { levelRank } from './rubric-decision.js';
import type { PracticalResult, SubmissionStatus } from './submission.js';

export type AfterEvaluation =
  | { readonly status: 'second_marking' }
  | { readonly status: 'moderation'; readonly disagreement: string }
  | { readonly status: 'ready'; readonly result: PracticalResult };

/**
 * What a completed evaluation leads to. Single marking: its result is final. Double marking: the
 * first waits for an independent second; when both agree (same decision, and no criterion more
 * than `moderationGap` levels apart) the first stands, otherwise a moderator's evaluation decides.
 * An appeal's evaluation replaces the result it appealed.
 */
export function afterEvaluation(
  practical: PracticalAssessment,
  rubric: Rubric,
  completed: Evaluation,
  earlier: readonly Evaluation[],
): AfterEvaluation {
  const result = (e: Evaluation): PracticalResult => ({
    evaluationId: e.id,
    rubricVersion: e.rubricVersion,
    decision: e.decision!,
  });
  if (completed.role === 'first' && practical.doubleMarking) return { status: 'second_marking' };
  if (completed.role === 'second') {
    const first = earlier.find((e) => e.role === 'first' && e.status === 'completed');
    if (!first) return { status: 'ready', result: result(completed) };
    const disagreement = disagreementBetween(rubric, first, completed, practical.moderationGap);
    return disagreement ? { status: 'moderation', disagreement } : { status: 'ready', result: result(first) };
  }
  return { status: 'ready', result: result(completed) };
}

/** Why two evaluations disagree enough for moderation, or undefined when they agree. */
export function disagreementBetween(
  rubric: Rubric,
  a: Evaluation,
  b: Evaluation,
  gap: number,
): string | undefined {
  const reasons: string[] = [];
  if (a.decision?.passed !== b.decision?.passed) reasons.push('one passes it and the other does not');
  for (const criterion of rubric.criteria) {
    const la = a.scores.find((s) => s.criterionId === criterion.id)?.levelId;
    const lb = b.scores.find((s) => s.criterionId === criterion.id)?.levelId;
    if (la === undefined || lb === undefined) continue;
    const apart = Math.abs(levelRank(criterion, la) - levelRank(criterion, lb));
    if (apart > gap) reasons.push(`'${criterion.id}' is ${apart} levels apart (${la} vs ${lb})`);
  }
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

/** Statuses in which evaluators may still change the outcome. */
export const gradableStatuses: readonly SubmissionStatus[] = [
  'submitted',
  'second_marking',
  'moderation',
  'appealed',
];
