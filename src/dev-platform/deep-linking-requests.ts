import { randomBytes } from 'node:crypto';
import type { Clock } from '../ports/clock.js';
import type { Persona } from './personas.js';

/** A deep linking request the platform sent and has not had answered yet. */
export interface PendingDeepLinking {
  /** Sent as `lti_message_hint` (`deep-linking:<id>`) and read back at the authorization endpoint. */
  readonly id: string;
  readonly persona: Persona;
  /** The settings' opaque `data`: the response must echo it, which ties it to this request. */
  readonly data: string;
  readonly expiresAt: number;
}

/** How long a person has to pick content before the request is forgotten. */
const lifetimeMs = 30 * 60_000;

/**
 * The deep linking requests in flight, in memory (the development platform serves one process):
 * each answered once, by a response echoing its `data`.
 */
export class DeepLinkingRequests {
  private readonly pending = new Map<string, PendingDeepLinking>();

  constructor(private readonly clock: Clock) {}

  start(persona: Persona): PendingDeepLinking {
    this.forgetExpired();
    const request = {
      id: randomBytes(12).toString('base64url'),
      persona,
      data: randomBytes(24).toString('base64url'),
      expiresAt: this.clock.now().getTime() + lifetimeMs,
    };
    this.pending.set(request.id, request);
    return request;
  }

  find(id: string): PendingDeepLinking | undefined {
    this.forgetExpired();
    return this.pending.get(id);
  }

  /** The request whose `data` a response echoed, if it is still waiting. */
  byData(data: string): PendingDeepLinking | undefined {
    this.forgetExpired();
    return [...this.pending.values()].find((r) => r.data === data);
  }

  /** A request is answered once. */
  finish(id: string): void {
    this.pending.delete(id);
  }

  private forgetExpired(): void {
    const now = this.clock.now().getTime();
    for (const [id, request] of this.pending) if (request.expiresAt <= now) this.pending.delete(id);
  }
}
