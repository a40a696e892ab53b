import type { LaunchContext } from '../domain/launch-context.js';
import type { Clock } from '../ports/clock.js';
import type { SessionRepository } from '../ports/storage.js';
import { randomToken, tokenHash } from '../security/random-token.js';

/** Opens the session a verified launch earns; returns the bearer token, which is stored only as a hash. */
export async function openSession(
  deps: { sessions: SessionRepository; clock: Clock; ttlMinutes: number },
  launch: LaunchContext,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const createdAt = deps.clock.now();
  const expiresAt = new Date(createdAt.getTime() + deps.ttlMinutes * 60_000);
  await deps.sessions.save({ id: tokenHash(token), launch, createdAt, expiresAt });
  return { token, expiresAt };
}
