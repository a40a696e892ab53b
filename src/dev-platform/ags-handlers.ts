import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { scope } from './access-scopes.js';
import type { OAuthAnswer } from './access-tokens.js';
import { newLineItemSchema, newScoreSchema } from './ags-schemas.js';
import type { DevPlatformContext } from './dev-platform-context.js';
import type { LineItem } from './gradebook.js';
import { personaBySubject } from './personas.js';

const media = {
  container: 'application/vnd.ims.lis.v2.lineitemcontainer+json',
  lineItem: 'application/vnd.ims.lis.v2.lineitem+json',
  results: 'application/vnd.ims.lis.v2.resultcontainer+json',
};

/** POST /dev/token: client credentials for the AGS and NRPS calls. */
export function tokenEndpoint(ctx: DevPlatformContext): RequestHandler {
  return async (req, res) => {
    send(res, await ctx.tokens.grant(bodyOf(req)));
  };
}

/** GET /dev/contexts/:contextId/lineitems: the course's line items, filtered and paged (AGS §3.2.5). */
export function listLineItems(ctx: DevPlatformContext): RequestHandler {
  return (req, res) => {
    if (refused(ctx, req, res, [scope.lineItem, scope.lineItemReadOnly])) return;
    const q = (name: string) =>
      typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined;
    const items = ctx.gradebook.lineItems(String(req.params.contextId), {
      resourceLinkId: q('resource_link_id'),
      resourceId: q('resource_id'),
      tag: q('tag'),
    });
    const limit = Math.min(Math.max(Number(q('limit') ?? 100) || 100, 1), 100);
    const offset = Math.max(Number(q('offset') ?? 0) || 0, 0);
    if (offset + limit < items.length) {
      const next = new URL(ctx.urls.lineItems(String(req.params.contextId)));
      for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string') next.searchParams.set(k, v);
      next.searchParams.set('limit', String(limit));
      next.searchParams.set('offset', String(offset + limit));
      res.setHeader('Link', `<${next.toString()}>; rel="next"`);
    }
    res.type(media.container).send(JSON.stringify(items.slice(offset, offset + limit).map(shown)));
  };
}

/** POST /dev/contexts/:contextId/lineitems: a new line item (AGS §3.2.6). */
export function createLineItem(ctx: DevPlatformContext): RequestHandler {
  return async (req, res) => {
    if (refused(ctx, req, res, [scope.lineItem])) return;
    const input = parse(newLineItemSchema, req.body, res, 'The line item');
    if (!input) return;
    const item = await ctx.gradebook.createLineItem(
      String(req.params.contextId),
      {
        label: input.label,
        scoreMaximum: input.scoreMaximum,
        ...(input.resourceLinkId ? { resourceLinkId: input.resourceLinkId } : {}),
        ...(input.resourceId ? { resourceId: input.resourceId } : {}),
        ...(input.tag ? { tag: input.tag } : {}),
      },
      ctx.clock.now(),
    );
    res
      .status(201)
      .location(item.id)
      .type(media.lineItem)
      .send(JSON.stringify(shown(item)));
  };
}

/** GET /dev/contexts/:contextId/lineitems/:n: one line item. */
export function getLineItem(ctx: DevPlatformContext): RequestHandler {
  return (req, res) => {
    if (refused(ctx, req, res, [scope.lineItem, scope.lineItemReadOnly])) return;
    const item = lineItemOf(ctx, req, res);
    if (item) res.type(media.lineItem).send(JSON.stringify(shown(item)));
  };
}

/**
 * POST {lineitem}/scores (AGS §3.4): a score for a member of the course, taken only when its
 * timestamp is newer than the one held (409 otherwise, as Moodle answers).
 */
export function postScore(ctx: DevPlatformContext): RequestHandler {
  return async (req, res) => {
    if (refused(ctx, req, res, [scope.score])) return;
    const item = lineItemOf(ctx, req, res);
    if (!item) return;
    const score = parse(newScoreSchema, req.body, res, 'The score');
    if (!score) return;
    if (!personaBySubject(score.userId)) {
      res.status(400).json({ error: `userId '${score.userId}' is not a member of this course` });
      return;
    }
    const { submission: _, ...kept } = score;
    const { held } = await ctx.gradebook.record(item.id, kept, ctx.clock.now());
    if (held) {
      res.status(409).json({
        error: `Refusing score with an earlier timestamp: the gradebook holds a score of ${held.timestamp} for this user, and ${score.timestamp} is not newer.`,
      });
      return;
    }
    res.status(204).end();
  };
}

/** GET {lineitem}/results (AGS §3.3): the current result per user. */
export function getResults(ctx: DevPlatformContext): RequestHandler {
  return (req, res) => {
    if (refused(ctx, req, res, [scope.resultReadOnly])) return;
    const item = lineItemOf(ctx, req, res);
    if (!item) return;
    const userId = typeof req.query.user_id === 'string' ? req.query.user_id : undefined;
    const results = ctx.gradebook
      .usersOf(item.id)
      .filter((u) => userId === undefined || u === userId)
      .map((u) => ctx.gradebook.grade(item.id, u)!)
      .map((s) => ({
        id: `${item.id}/results/${encodeURIComponent(s.userId)}`,
        scoreOf: item.id,
        userId: s.userId,
        ...(s.scoreGiven === undefined ? {} : { resultScore: s.scoreGiven, resultMaximum: s.scoreMaximum }),
        ...(s.comment === undefined ? {} : { comment: s.comment }),
      }));
    res.type(media.results).send(JSON.stringify(results));
  };
}

function shown({ contextId: _, createdAt: __, ...item }: LineItem) {
  return item;
}

function lineItemOf(ctx: DevPlatformContext, req: Request, res: Response): LineItem | undefined {
  const item = ctx.gradebook.lineItem(
    `${ctx.urls.lineItems(String(req.params.contextId))}/${String(req.params.lineItem)}`,
  );
  if (!item)
    res.status(404).json({ error: 'There is no such line item in this course; it may have been deleted.' });
  return item;
}

function refused(ctx: DevPlatformContext, req: Request, res: Response, anyOf: readonly string[]): boolean {
  const problem = ctx.tokens.check(req.headers.authorization, anyOf);
  if (problem) send(res, problem);
  return problem !== undefined;
}

function parse<T extends z.ZodType>(
  schema: T,
  body: unknown,
  res: Response,
  what: string,
): z.infer<T> | undefined {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  res.status(400).json({ error: `${what} is invalid: ${problems.join('; ')}` });
  return undefined;
}

export function send(res: Response, answer: OAuthAnswer): void {
  for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
  res.status(answer.status).json(answer.body);
}

export function bodyOf(req: Request): Record<string, unknown> {
  return typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
}
