import type { Course } from '../domain/content/program.js';
import type { Attempt, Learner } from '../domain/exam/attempt.js';
import type { OutboxTarget } from './storage.js';

/** Who a learner is for the record stores: the platform's issuer and the LTI subject. */
export interface RecordActor {
  readonly issuer: string;
  readonly subject: string;
}

/** An outbox entry ready to queue: its id and payload are final. */
export interface OutboxDraft {
  readonly id: string;
  readonly target: OutboxTarget;
  readonly kind: string;
  readonly payload: string;
}

/**
 * What must be reported when the exam changes state. The services queue the drafts in the same
 * transaction as the change; the implementation (reporting/) decides what reaches which system.
 */
export interface LearningRecords {
  /** Resolved before a transaction opens. */
  actorOf(learner: Learner): Promise<RecordActor>;
  attemptStarted(actor: RecordActor, attempt: Attempt, course: Course): OutboxDraft[];
  responseSaved(actor: RecordActor, attempt: Attempt, course: Course, questionId: string): OutboxDraft[];
  attemptSubmitted(actor: RecordActor, attempt: Attempt, course: Course): OutboxDraft[];
}
