import type { OutboxTarget } from '../ports/storage.js';

export type DeliveryResult = 'delivered' | 'retry' | 'dead';

/** Counters of this process's deliveries, by target and result, for /metrics. */
export class DeliveryMetrics {
  private readonly counts = new Map<string, number>();

  count(target: OutboxTarget, result: DeliveryResult, n = 1): void {
    const key = `${target}:${result}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }

  snapshot(): { target: OutboxTarget; result: DeliveryResult; count: number }[] {
    return [...this.counts.entries()].map(([key, count]) => {
      const [target, result] = key.split(':') as [OutboxTarget, DeliveryResult];
      return { target, result, count };
    });
  }
}
