import type { AttemptResult, Learner } from '../exam/attempt.js';
import type { PracticalResult } from './submission.js';

/** A course certified for a learner: both stages passed, kept with the content and both results. */
export interface Certification {
  readonly learner: Learner;
  readonly courseId: string;
  readonly contentVersion: string;
  readonly writtenAttemptId: string;
  readonly written: AttemptResult;
  readonly submissionId: string;
  readonly practical: PracticalResult;
  readonly certifiedAt: Date;
}
