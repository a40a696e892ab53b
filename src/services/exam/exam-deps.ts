import type { Attempt, Learner } from '../../domain/exam/attempt.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Ids } from '../../ports/ids.js';
import type { LearningRecords } from '../../ports/learning-records.js';
import type { Storage } from '../../ports/storage.js';
import type { ProgramVersions } from './program-versions.js';

export interface ExamDeps {
  readonly storage: Storage;
  readonly programs: ProgramVersions;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly records: LearningRecords;
}

/** The attempt, when it exists and belongs to the learner: 404 or 403 otherwise, nothing changed. */
export function requireOwnAttempt(
  attempt: Attempt | undefined,
  attemptId: string,
  learner: Learner,
): Attempt {
  if (!attempt) throw new AppError('not_found', `There is no attempt '${attemptId}'.`);
  if (attempt.learner.platformId !== learner.platformId || attempt.learner.subject !== learner.subject) {
    throw new AppError('forbidden', 'This attempt belongs to another learner.');
  }
  return attempt;
}
