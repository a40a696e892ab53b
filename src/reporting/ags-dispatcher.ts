import { agsScope } from '../domain/grade-passback/grade-service.js';
import type { Platform } from '../domain/platform.js';
import type { AgsClient } from '../lti/ags-client.js';
import { describeAnswer, type ServiceAnswer } from '../lti/service-answer.js';
import type { ServiceTokens } from '../lti/service-tokens.js';
import type { OutboxEntry } from '../ports/storage.js';
import type { GradeDelivery } from './ags/grade-delivery.js';
import { isTransient, nextTryDelayMs } from './delivery-policy.js';
import { type DispatcherDeps, OutboxDispatcher } from './outbox-dispatcher.js';

const scopes = [agsScope.lineItem, agsScope.score];

type Outcome =
  | { kind: 'delivered'; note?: string }
  | { kind: 'retry'; why: string; retryAfterSeconds: number | undefined }
  | { kind: 'dead'; why: string };

/**
 * Delivers queued scores to the platforms' gradebooks (AGS 2.0). For each score: the line item of
 * its link and stage is looked up (kept once found or created), a token is taken from the cache or
 * the platform (a 401 forgets it and tries once more with a new one), and the frozen score is
 * posted. Scores for one line item and user are claimed one at a time in timestamp order (the
 * outbox's ordering key). A 409 means the platform holds a newer score: done, not retried. 5xx,
 * 429, timeouts and connection errors are tried again with back-off; other refusals are dead-lettered
 * with the platform's words.
 */
type AgsDeps = DispatcherDeps & { readonly tokens: ServiceTokens; readonly client: AgsClient };

export class AgsDispatcher extends OutboxDispatcher<AgsDeps> {
  constructor(deps: AgsDeps) {
    super(deps, 'ags', 'grade passback');
  }

  /** One score at a time: the ordering key lets only the oldest of a line item and user be claimed. */
  protected async deliverClaimed(claimed: OutboxEntry[]): Promise<void> {
    for (const entry of claimed) await this.settle(entry, await this.deliver(entry));
  }

  private async settle(entry: OutboxEntry, outcome: Outcome): Promise<void> {
    const { storage, clock, metrics, logger, timing } = this.deps;
    const now = clock.now();
    switch (outcome.kind) {
      case 'delivered':
        await storage.outbox.markDelivered([entry.id], this.owner, now);
        metrics.count('ags', 'delivered');
        if (outcome.note) logger.info({ outboxId: entry.id }, outcome.note);
        return;
      case 'dead':
        await storage.outbox.markDead(entry.id, this.owner, outcome.why, now);
        metrics.count('ags', 'dead');
        logger.error({ outboxId: entry.id, why: outcome.why }, 'the platform refused a score; dead-lettered');
        return;
      case 'retry': {
        const delay = nextTryDelayMs(entry.tries, outcome.retryAfterSeconds, Math.random, {
          baseMs: timing.backoffBaseMs,
          maxMs: timing.backoffMaxMs,
        });
        await storage.outbox.markRetry(entry.id, this.owner, new Date(now.getTime() + delay), outcome.why);
        metrics.count('ags', 'retry');
      }
    }
  }

  private async deliver(entry: OutboxEntry): Promise<Outcome> {
    const delivery = JSON.parse(entry.payload) as GradeDelivery;
    const platform = await this.deps.storage.platforms.findById(delivery.platformId);
    if (!platform) {
      return {
        kind: 'dead',
        why: `the platform ${delivery.platformId} is no longer registered; register it again, then retry this entry`,
      };
    }
    const lineItem = await this.lineItemUrl(platform, delivery);
    if ('kind' in lineItem) return lineItem;
    const { answer } = await this.withToken(platform, (token) =>
      this.deps.client.postScore(token, lineItem.url, delivery.score),
    );
    if (answer.reached && answer.status < 300) return { kind: 'delivered' };
    if (answer.reached && answer.status === 409) {
      return {
        kind: 'delivered',
        note: 'the platform holds a newer score for this line item and user; kept it',
      };
    }
    if (answer.reached && answer.status === 404) {
      // The line item was deleted in the LMS: find or create it again on the next try.
      await this.deps.storage.lineItems.forget(delivery.linkId, delivery.lineItem.tag);
    }
    return this.failure('score', answer, answer.reached && answer.status === 404);
  }

  /** The line item's URL, from what we kept or from the platform (found by tag, else created). */
  private async lineItemUrl(platform: Platform, delivery: GradeDelivery): Promise<{ url: string } | Outcome> {
    const { storage, client, clock } = this.deps;
    const kept = await storage.lineItems.find(delivery.linkId, delivery.lineItem.tag);
    if (kept) return { url: kept };
    const found = await this.withToken(platform, (token) =>
      client.findLineItem(token, delivery.lineItemsUrl, delivery.lineItem),
    );
    if (!found.answer.reached || found.answer.status >= 300) return this.failure('line items', found.answer);
    let url = found.url;
    if (!url) {
      const created = await this.withToken(platform, (token) =>
        client.createLineItem(token, delivery.lineItemsUrl, delivery.lineItem),
      );
      if (!created.url) return this.failure('line item creation', created.answer);
      url = created.url;
    }
    return { url: await storage.lineItems.save(delivery.linkId, delivery.lineItem.tag, url, clock.now()) };
  }

  /** Calls with a token; a 401 means the token went stale: forget it and call once more with a new one. */
  private async withToken<R extends { answer: ServiceAnswer }>(
    platform: Platform,
    call: (token: string) => Promise<R>,
  ): Promise<R | { answer: ServiceAnswer; url: undefined }> {
    for (let round = 0; ; round += 1) {
      const token = await this.deps.tokens.token(platform, scopes);
      if (!token.ok) {
        const answer = token.answer;
        return {
          answer: answer.reached
            ? { ...answer, body: `(token endpoint ${platform.accessTokenUrl}) ${answer.body}` }
            : { reached: false, error: `token endpoint ${platform.accessTokenUrl}: ${answer.error}` },
          url: undefined,
        };
      }
      const result = await call(token.token);
      if (round === 0 && result.answer.reached && result.answer.status === 401) {
        this.deps.tokens.invalidate(platform, scopes);
        continue;
      }
      return result;
    }
  }

  private failure(what: string, answer: ServiceAnswer, forceRetry = false): Outcome {
    const why = describeAnswer(`the platform (${what})`, answer);
    if (!answer.reached || forceRetry || isTransient(answer.status)) {
      return { kind: 'retry', why, retryAfterSeconds: answer.reached ? answer.retryAfterSeconds : undefined };
    }
    return { kind: 'dead', why };
  }
}
