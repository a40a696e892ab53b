import type { Platform } from '../domain/platform.js';
import type { Clock } from '../ports/clock.js';
import type { LoginStateRepository, PlatformRepository } from '../ports/storage.js';

/**
 * Platform storage (1EdTech LTI Client Side postMessages 0.1 and Platform Storage 0.1): a platform
 * that names a frame in `lti_storage_target` keeps small values for the tool, per tool origin, and
 * answers `lti.put_data` / `lti.get_data` by postMessage. Accredit puts a random proof there at
 * login and reads it back at launch when the browser refused the state cookie (a frame of another
 * site). Messages go to the origin of the platform's registered authorization URL, never to `*`.
 */
export interface PlatformStorageRequest {
  /** The frame to post to: `_parent`, or the name of a frame of the parent window. */
  readonly target: string;
  /** The only origin messages are sent to and answers are accepted from. */
  readonly origin: string;
  /** The key the proof is kept under; the platform scopes keys by the tool's origin. */
  readonly key: string;
}

/** The form field the launch page re-posts the value it read from the platform's storage in. */
export const storageAnswerField = 'lti_storage_state';

/** Frame names as platforms send them (`_parent`, `post_message_forwarding`, `lti_storage_frame`). */
const targetPattern = /^[\w.:-]{1,255}$/;

export function parseStorageTarget(value: unknown): string | undefined {
  return typeof value === 'string' && targetPattern.test(value) ? value : undefined;
}

export function storageKey(state: string): string {
  return `state_${state}`;
}

export function platformOrigin(platform: Platform): string {
  return new URL(platform.authLoginUrl).origin;
}

export interface StorageCheckDeps {
  readonly platforms: PlatformRepository;
  readonly loginStates: LoginStateRepository;
  readonly clock: Clock;
}

/**
 * Whether a launch that came without the state cookie should first ask the platform's storage:
 * only when its login is live and offered storage. The state is read, not consumed, so the launch
 * that follows with the answer still consumes it exactly once.
 */
export async function storageCheckFor(
  deps: StorageCheckDeps,
  state: string,
): Promise<PlatformStorageRequest | undefined> {
  if (state.length > 128) return undefined;
  const login = await deps.loginStates.find(state);
  if (!login?.platformStorage || login.expiresAt.getTime() <= deps.clock.now().getTime()) return undefined;
  const platform = await deps.platforms.findById(login.platformId);
  if (!platform) return undefined;
  return { target: login.platformStorage.target, origin: platformOrigin(platform), key: storageKey(state) };
}
