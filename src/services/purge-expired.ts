import type { Clock } from '../ports/clock.js';
import type { Storage } from '../ports/storage.js';

/** Deletes expired login states, sessions and LTI records; returns how many of each went. */
export async function purgeExpired(deps: { storage: Storage; clock: Clock }) {
  const now = deps.clock.now();
  return {
    loginStates: await deps.storage.loginStates.purgeExpired(now),
    sessions: await deps.storage.sessions.purgeExpired(now),
    ltiRecords: await deps.storage.ltiRecords.purgeExpired(now),
  };
}
