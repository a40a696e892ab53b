import type { ExamDeps } from './exam-deps.js';
import { closeIfOverdue } from './read-attempt.js';

/** Submits every open attempt whose deadline has passed; returns how many it closed. */
export async function sweepOverdueAttempts(deps: ExamDeps, batch = 100): Promise<number> {
  const ids = await deps.storage.attempts.listOverdue(deps.clock.now(), batch);
  let closed = 0;
  for (const id of ids) {
    const attempt = await deps.storage.attempts.findById(id);
    if (attempt && (await closeIfOverdue(deps, attempt)).status === 'submitted') closed += 1;
  }
  return closed;
}
