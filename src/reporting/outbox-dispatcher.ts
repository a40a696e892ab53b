import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../ports/clock.js';
import type { OutboxEntry, OutboxTarget, Storage } from '../ports/storage.js';
import type { DeliveryMetrics } from './delivery-metrics.js';
import { PollingLoop } from './polling-loop.js';

export interface DispatcherTiming {
  /** How long to wait when there was nothing to send. */
  readonly idleMs: number;
  /** How long a claimed batch is ours before another dispatcher may take it. */
  readonly leaseMs: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  readonly batchSize: number;
  readonly batchBytes: number;
}

export const defaultDispatcherTiming: DispatcherTiming = {
  idleMs: 1000,
  leaseMs: 60_000,
  backoffBaseMs: 2000,
  backoffMaxMs: 10 * 60_000,
  batchSize: 50,
  batchBytes: 1_000_000,
};

export interface DispatcherDeps {
  readonly storage: Storage;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly timing: DispatcherTiming;
  readonly metrics: DeliveryMetrics;
}

/**
 * What every outbox dispatcher does: claim the due entries of its target with a lease (safe with
 * several processes), hand them to `deliverClaimed`, and do it again, at once while batches come
 * back full, after `idleMs` otherwise. Survives restarts: a crashed process's leases run out.
 */
export abstract class OutboxDispatcher<Deps extends DispatcherDeps> {
  protected readonly owner: string;
  private readonly loop: PollingLoop;

  protected constructor(
    protected readonly deps: Deps,
    private readonly target: OutboxTarget,
    what: string,
  ) {
    this.owner = `${target}-${randomUUID()}`;
    this.loop = new PollingLoop(async () => ({ full: (await this.runOnce()) >= deps.timing.batchSize }), {
      idleMs: deps.timing.idleMs,
      logger: deps.logger,
      what,
    });
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass: claim what is due and deliver it; resolves to how many were claimed. */
  async runOnce(): Promise<number> {
    const { storage, clock, timing } = this.deps;
    const now = clock.now();
    const claimed = await storage.outbox.claim(
      this.target,
      this.owner,
      now,
      new Date(now.getTime() + timing.leaseMs),
      timing.batchSize,
    );
    if (claimed.length > 0) await this.deliverClaimed(claimed);
    return claimed.length;
  }

  protected abstract deliverClaimed(claimed: OutboxEntry[]): Promise<void>;
}
