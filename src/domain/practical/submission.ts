import type { EvidenceLink } from '../content/program.js';
import type { Learner } from '../exam/attempt.js';
import type { RubricDecision } from './rubric-decision.js';

export interface Evidence {
  readonly links: readonly EvidenceLink[];
  readonly notes: string | undefined;
}

/**
 * Where a submission stands. `submitted` waits for its first evaluation; `second_marking` for an
 * independent second one (double marking); `moderation` for a third evaluator after a disagreement;
 * `appealed` for a different evaluator after the learner appealed; `ready` holds a final result not
 * yet released; `released` is what the learner sees; `withdrawn` ends it before grading.
 */
export type SubmissionStatus =
  | 'submitted'
  | 'second_marking'
  | 'moderation'
  | 'appealed'
  | 'ready'
  | 'released'
  | 'withdrawn';

/** The evaluation a submission waits for, by status. */
export type EvaluationRole = 'first' | 'second' | 'moderator' | 'appeal';

export const roleAwaited: Partial<Record<SubmissionStatus, EvaluationRole>> = {
  submitted: 'first',
  second_marking: 'second',
  moderation: 'moderator',
  appealed: 'appeal',
};

/** The result a learner is given: which evaluation decided it, against which rubric version. */
export interface PracticalResult {
  readonly evaluationId: string;
  readonly rubricVersion: string;
  readonly decision: RubricDecision;
}

export interface PracticalSubmission {
  readonly id: string;
  readonly learner: Learner;
  readonly learnerName: string | undefined;
  readonly courseId: string;
  /** The content version the submission was made under: its rubric is the one graded against. */
  readonly contentVersion: string;
  readonly rubricVersion: string;
  readonly linkId: string | undefined;
  /** The launch context (LMS course) it came from: evaluators of that context see it. */
  readonly contextId: string | undefined;
  /** 1 for the first submission of a learner for a course, then 2, 3… */
  readonly number: number;
  readonly evidence: Evidence;
  readonly status: SubmissionStatus;
  readonly submittedAt: Date;
  readonly result: PracticalResult | undefined;
  readonly releasedAt: Date | undefined;
  readonly appealedAt: Date | undefined;
  readonly appealReason: string | undefined;
  readonly updatedAt: Date;
}

/** A submission that still counts: not withdrawn, not failed and released. */
export function isActive(s: PracticalSubmission): boolean {
  return s.status !== 'withdrawn' && !(s.status === 'released' && !s.result?.decision.passed);
}

export function hasPassed(s: PracticalSubmission): boolean {
  return s.status === 'released' && s.result?.decision.passed === true;
}
