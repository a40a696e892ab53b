import type { OutboxEntry } from '../ports/storage.js';
import { isTransient, nextTryDelayMs } from './delivery-policy.js';
import { type DispatcherDeps, OutboxDispatcher } from './outbox-dispatcher.js';
import type { LrsAnswer, XapiSink } from './xapi/xapi-sink.js';

/**
 * Delivers queued xAPI statements to the LRS: sends the claimed rows in batches capped by count and bytes, and on refusal narrows down:
 * a 400 or 409 batch is bisected until the one bad statement is dead-lettered with the LRS's
 * words while the rest flow; a 413 halves the batch. 5xx, 429, 401, timeouts and connection errors
 * are tried again later with back-off. Statement ids are fixed, so a resend is harmless.
 */
export class XapiDispatcher extends OutboxDispatcher<DispatcherDeps & { readonly sink: XapiSink }> {
  constructor(deps: DispatcherDeps & { readonly sink: XapiSink }) {
    super(deps, 'xapi', 'xAPI delivery');
  }

  protected async deliverClaimed(claimed: OutboxEntry[]): Promise<void> {
    for (const batch of byteCappedBatches(claimed, this.deps.timing.batchBytes)) await this.deliver(batch);
  }

  private async deliver(batch: OutboxEntry[]): Promise<void> {
    const answer = await this.deps.sink.send(batch.map((e) => e.payload));
    if (answer.reached && answer.status < 300) {
      await this.deps.storage.outbox.markDelivered(
        batch.map((e) => e.id),
        this.owner,
        this.deps.clock.now(),
      );
      this.deps.metrics.count('xapi', 'delivered', batch.length);
      return;
    }
    if (answer.reached && [400, 409, 413].includes(answer.status)) {
      if (batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        await this.deliver(batch.slice(0, half));
        await this.deliver(batch.slice(half));
        return;
      }
      const entry = batch[0]!;
      await this.deps.storage.outbox.markDead(entry.id, this.owner, describe(answer), this.deps.clock.now());
      this.deps.metrics.count('xapi', 'dead');
      this.deps.logger.error(
        { outboxId: entry.id, status: answer.status },
        'the LRS refused a statement; dead-lettered',
      );
      return;
    }
    if (answer.reached && !isTransient(answer.status)) {
      for (const entry of batch) {
        await this.deps.storage.outbox.markDead(
          entry.id,
          this.owner,
          describe(answer),
          this.deps.clock.now(),
        );
      }
      this.deps.metrics.count('xapi', 'dead', batch.length);
      return;
    }
    const now = this.deps.clock.now();
    for (const entry of batch) {
      const delay = nextTryDelayMs(
        entry.tries,
        answer.reached ? answer.retryAfterSeconds : undefined,
        Math.random,
        {
          baseMs: this.deps.timing.backoffBaseMs,
          maxMs: this.deps.timing.backoffMaxMs,
        },
      );
      await this.deps.storage.outbox.markRetry(
        entry.id,
        this.owner,
        new Date(now.getTime() + delay),
        describe(answer),
      );
    }
    this.deps.metrics.count('xapi', 'retry', batch.length);
  }
}

function describe(answer: LrsAnswer): string {
  return answer.reached
    ? `LRS answered ${answer.status}: ${answer.body}`
    : `LRS not reached: ${answer.error}`;
}

/** Splits claimed entries into batches whose payloads stay under the byte cap. */
function byteCappedBatches(entries: OutboxEntry[], maxBytes: number): OutboxEntry[][] {
  const batches: OutboxEntry[][] = [];
  let current: OutboxEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = Buffer.byteLength(entry.payload);
    if (current.length > 0 && bytes + size > maxBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
