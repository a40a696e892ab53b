import { type Evaluation, isLiveClaim } from '../../domain/practical/evaluation.js';
import {
  type EvaluationRole,
  type PracticalSubmission,
  roleAwaited,
  type SubmissionStatus,
} from '../../domain/practical/submission.js';
import type { EvaluatorScope } from './evaluator-scope.js';
import type { PracticalDeps } from './practical-deps.js';

/** What the queue shows: submissions needing an evaluation, and decided ones waiting for release. */
export const queueStatuses: readonly SubmissionStatus[] = [
  'submitted',
  'second_marking',
  'moderation',
  'appealed',
  'ready',
];

export interface QueueEntry {
  readonly submission: PracticalSubmission;
  readonly awaiting: EvaluationRole | 'release';
  readonly claim: Evaluation | undefined;
  readonly waitingMinutes: number;
  /** False when this evaluator may not do what it waits for (it is theirs to have evaluated already). */
  readonly canTake: boolean;
}

/** The evaluator's grading queue, oldest first, never with their own submissions. */
export async function gradingQueue(
  deps: PracticalDeps,
  scope: EvaluatorScope,
  filter: {
    courseId?: string | undefined;
    status?: SubmissionStatus | undefined;
    minWaitingHours?: number | undefined;
  },
): Promise<QueueEntry[]> {
  const now = deps.clock.now();
  const submissions = await deps.storage.submissions.listQueue({
    platformId: scope.platformId,
    contextId: scope.contexts === 'all' ? undefined : (scope.contexts.id ?? null),
    courseId: filter.courseId,
    statuses: filter.status ? [filter.status] : queueStatuses,
    submittedBefore:
      filter.minWaitingHours !== undefined
        ? new Date(now.getTime() - filter.minWaitingHours * 3_600_000)
        : undefined,
    limit: 500,
  });
  const entries: QueueEntry[] = [];
  for (const submission of submissions) {
    if (submission.learner.subject === scope.actor.subject) continue;
    const awaiting = roleAwaited[submission.status] ?? 'release';
    const evaluations = await deps.storage.evaluations.listForSubmission(submission.id);
    const claim = evaluations.find((e) => e.role === awaiting && isLiveClaim(e, now));
    const evaluatedBefore = evaluations.some(
      (e) =>
        e.status === 'completed' &&
        e.evaluator.platformId === scope.actor.platformId &&
        e.evaluator.subject === scope.actor.subject,
    );
    entries.push({
      submission,
      awaiting,
      claim,
      waitingMinutes: Math.floor((now.getTime() - submission.updatedAt.getTime()) / 60_000),
      canTake: awaiting === 'release' || awaiting === 'first' || !evaluatedBefore,
    });
  }
  return entries;
}
