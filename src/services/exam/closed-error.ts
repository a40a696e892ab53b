import type { Attempt } from '../../domain/exam/attempt.js';
import { AppError } from '../../errors.js';

/** Why a submitted attempt takes no more changes: its deadline passed, or the learner submitted it. */
export function closedError(attempt: Attempt): AppError {
  if (attempt.submittedBy === 'timeout') {
    return new AppError(
      'attempt_closed',
      `The deadline of this attempt was ${attempt.deadline.toISOString()}; answers after it are not accepted. The attempt was submitted as it stood.`,
      { deadline: attempt.deadline.toISOString() },
    );
  }
  return new AppError(
    'attempt_closed',
    `This attempt was already submitted at ${attempt.submittedAt?.toISOString()}; it cannot change.`,
  );
}
