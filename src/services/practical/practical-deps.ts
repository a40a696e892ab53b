import type { NamedEvaluator } from '../../config/config.js';
import type { Learner } from '../../domain/exam/attempt.js';
import type { AuditEvent } from '../../domain/practical/audit-event.js';
import type { PracticalSubmission } from '../../domain/practical/submission.js';
import { AppError } from '../../errors.js';
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
