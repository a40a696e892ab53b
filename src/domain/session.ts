import type { LaunchContext } from './launch-context.js';

/** What a successful launch opens: a bearer token's server-side record. */
export interface Session {
  readonly id: string;
  readonly launch: LaunchContext;
  /** The course link launched through, when the launch named a resource link. */
  readonly linkId: string | undefined;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export function isExpired(session: Pick<Session, 'expiresAt'>, now: Date): boolean {
  return session.expiresAt.getTime() <= now.getTime();
}
