import type { RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { OutboxStatus, OutboxTarget } from '../../ports/storage.js';
import type { ToolContext } from '../tool-context.js';
import { validate } from '../validate.js';

export const outboxRetrySchema = z.union([
  z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(1000) }),
  z.strictObject({ allDead: z.literal(true) }),
]);

/** GET /api/admin/outbox: counts by target and status, and the entries not yet delivered, with why. */
export function getOutbox(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const status = req.query.status;
    const target = req.query.target;
    if (status !== undefined && !['pending', 'delivered', 'dead'].includes(String(status))) {
      throw new AppError(
        'invalid_request',
        `status must be pending, delivered or dead, not '${String(status)}'.`,
      );
    }
    if (target !== undefined && !['xapi', 'ags'].includes(String(target))) {
      throw new AppError('invalid_request', `target must be xapi or ags, not '${String(target)}'.`);
    }
    const counts = await tool.storage.outbox.counts();
    const entries = await tool.storage.outbox.list({
      status: (status as OutboxStatus | undefined) ?? undefined,
      target: target as OutboxTarget | undefined,
      limit: 200,
    });
    res.json({
      lrsConfigured: tool.config.lrs !== undefined,
      counts: counts.map((c) => ({ ...c, oldest: c.oldest?.toISOString() ?? null })),
      entries: entries
        .filter((e) => status !== undefined || e.status !== 'delivered')
        .map((e) => ({
          id: e.id,
          target: e.target,
          kind: e.kind,
          status: e.status,
          tries: e.tries,
          nextTryAt: e.status === 'pending' ? e.nextTryAt.toISOString() : null,
          lastError: e.lastError ?? null,
          createdAt: e.createdAt.toISOString(),
          deliveredAt: e.deliveredAt?.toISOString() ?? null,
          // What would be sent, as queued: the statement, or the score and its line item.
          payload: JSON.parse(e.payload) as unknown,
        })),
    });
  };
}

/** POST /api/admin/outbox/retry: `{ ids: [...] }` or `{ allDead: true }` back to due now. */
export function retryOutbox(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const input = validate(outboxRetrySchema, req.body, 'The retry request');
    const retried = await tool.storage.outbox.retry(
      'ids' in input ? input.ids : 'all-dead',
      tool.clock.now(),
    );
    res.json({ retried });
  };
}
