import type { Accreditation, Course } from '../domain/content/program.js';
import type { Attempt, Learner } from '../domain/exam/attempt.js';
import type { StageGrade } from '../domain/grade-passback/stage-grade.js';
import type { LaunchContext } from '../domain/launch-context.js';
import type { Evaluation } from '../domain/practical/evaluation.js';
import type { PracticalSubmission } from '../domain/practical/submission.js';
import type { OutboxTarget, Repositories } from './storage.js';

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
  readonly orderingKey?: string;
  readonly orderAt?: Date;
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
  launched(launch: LaunchContext, course: Course | undefined, at: Date): OutboxDraft[];
  practicalSubmitted(actor: RecordActor, submission: PracticalSubmission, course: Course): OutboxDraft[];
  practicalEvaluated(
    evaluator: RecordActor,
    learner: RecordActor,
    submission: PracticalSubmission,
    evaluation: Evaluation,
    course: Course,
  ): OutboxDraft[];
  practicalReleased(
    actor: RecordActor,
    submission: PracticalSubmission,
    course: Course,
    at: Date,
  ): OutboxDraft[];
  courseCertified(actor: RecordActor, course: Course, at: Date): OutboxDraft[];
  accreditationEarned(
    actor: RecordActor,
    accreditation: Accreditation,
    course: Course,
    at: Date,
  ): OutboxDraft[];
  /**
   * A stage's grade for the LMS gradebook, through the course link the learner came by; none when
   * that link cannot take grades. Reads inside the transaction, to keep score timestamps increasing.
   */
  gradeChanged(
    repositories: Repositories,
    learner: Learner,
    linkId: string | undefined,
    grade: StageGrade,
    course: Course,
  ): Promise<OutboxDraft[]>;
}
