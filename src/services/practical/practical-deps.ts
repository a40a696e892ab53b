import type { NamedEvaluator } from '../../config/config.js';
import type { Learner } from '../../domain/exam/attempt.js';
import type { AuditEvent } from '../../domain/practical/audit-event.js';
import type { PracticalSubmission } from '../../domain/practical/submission.js';
import { AppError } from '../../errors.js';
import type { Repositories } from '../../ports/storage.js';
import type { ExamDeps } from '../exam/exam-deps.js';

export interface PracticalDeps extends ExamDeps {
  readonly settings: {
    readonly claimMinutes: number;
    readonly evaluators: readonly NamedEvaluator[];
  };
}

/** Someone acting on a submission: for the audit trail and the statements. */
export interface Actor {
  readonly platformId: string;
  readonly issuer: string;
  readonly subject: string;
  readonly name: string | undefined;
}

export function learnerOf(actor: Actor): Learner {
  return { platformId: actor.platformId, subject: actor.subject };
}

export function isSamePerson(a: Learner, b: Learner): boolean {
  return a.platformId === b.platformId && a.subject === b.subject;
}

/** The submission, when it exists and is the learner's own: 404 or 403 otherwise. */
export function requireOwnSubmission(
  submission: PracticalSubmission | undefined,
  id: string,
  learner: Learner,
): PracticalSubmission {
  if (!submission) throw new AppError('not_found', `There is no practical submission '${id}'.`);
  if (!isSamePerson(submission.learner, learner))
    throw new AppError('forbidden', 'This practical submission belongs to another learner.');
  return submission;
}

/**
 * Runs `work` in one transaction on the learner's own submission, held until it ends (404 or 403
 * when it is not theirs); `work` answers the change, or why it is refused (409).
 */
export async function onOwnSubmission(
  deps: PracticalDeps,
  learner: Learner,
  submissionId: string,
  work: (
    repos: Repositories,
    submission: PracticalSubmission,
  ) => Promise<PracticalSubmission | { refused: string }>,
): Promise<PracticalSubmission> {
  const outcome = await deps.storage.transaction(async (repos) =>
    work(
      repos,
      requireOwnSubmission(await repos.submissions.findByIdForUpdate(submissionId), submissionId, learner),
    ),
  );
  if ('refused' in outcome) throw new AppError('conflict', outcome.refused);
  return outcome;
}

export function auditEvent(
  deps: Pick<PracticalDeps, 'ids' | 'clock'>,
  submissionId: string,
  actor: Actor,
  action: AuditEvent['action'],
  details: Record<string, unknown> = {},
  at: Date = deps.clock.now(),
): AuditEvent {
  return {
    id: deps.ids.uuid(),
    submissionId,
    at,
    actor: { platformId: actor.platformId, subject: actor.subject, name: actor.name },
    action,
    details,
  };
}
