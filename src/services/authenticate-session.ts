import { isExpired, type Session } from '../domain/session.js';
import { AppError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { SessionRepository } from '../ports/storage.js';
import { tokenHash } from '../security/random-token.js';

/** Finds the live session a bearer token opens, or says why there is none. */
export async function authenticateSession(
  deps: { sessions: SessionRepository; clock: Clock },
  token: string,
): Promise<Session> {
  const session = token.length <= 128 ? await deps.sessions.findById(tokenHash(token)) : undefined;
  if (!session) {
    throw new AppError(
      'unauthorized',
      'The session token is not valid; launch the tool again from your platform.',
    );
  }
  if (isExpired(session, deps.clock.now())) {
    throw new AppError(
      'session_expired',
      'Your session has expired; launch the tool again from your platform.',
    );
  }
  return session;
}
