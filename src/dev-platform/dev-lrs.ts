import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { safeEqual } from '../security/random-token.js';
import type { DevPlatformContext } from './dev-platform-context.js';
import type { Statement } from './statement-log.js';

const version = '1.0.3';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET /dev/lrs/about: the xAPI versions served (no credentials needed, xAPI §7.7). */
export function lrsAbout(): RequestHandler {
  return (_req, res) => {
    res.setHeader('X-Experience-API-Version', version);
    res.json({ version: [version] });
  };
}

/** The statements resource's door: Basic credentials and the version header, as an LRS asks. */
export function lrsGuard(ctx: DevPlatformContext): RequestHandler {
  const { username, password } = ctx.lrsCredentials;
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  return (req, res, next) => {
    res.setHeader('X-Experience-API-Version', version);
    if (!safeEqual(req.headers.authorization ?? '', expected)) {
      res.setHeader('WWW-Authenticate', 'Basic realm="Accredit development LRS"');
      res.status(401).json({ message: 'The LRS credentials are missing or wrong.' });
      return;
    }
    if (!String(req.headers['x-experience-api-version'] ?? '').startsWith('1.0.')) {
      res.status(400).json({ message: 'The X-Experience-API-Version header is missing; expected 1.0.3.' });
      return;
    }
    next();
  };
}

/** POST /dev/lrs/statements: one statement or a batch; answers their ids (xAPI §2.1.2 of the LRS resources). */
export function postStatements(ctx: DevPlatformContext): RequestHandler {
  return async (req, res) => {
    const body: unknown = req.body;
    const batch = readBatch(Array.isArray(body) ? body : [body], res);
    if (batch) await storeBatch(ctx, batch, res, () => res.json(batch.map((s) => s.id)));
  };
}

/** PUT /dev/lrs/statements?statementId=…: one statement under the id given; 204. */
export function putStatement(ctx: DevPlatformContext): RequestHandler {
  return async (req, res) => {
    const id = typeof req.query.statementId === 'string' ? req.query.statementId : '';
    if (!uuid.test(id)) {
      res.status(400).json({ message: 'PUT needs the statementId parameter (a UUID).' });
      return;
    }
    const body = req.body as Record<string, unknown>;
    if (typeof body === 'object' && body !== null && body.id !== undefined && body.id !== id) {
      res.status(400).json({ message: `The statement's id is not the statementId ${id}.` });
      return;
    }
    const batch = readBatch([{ ...body, id }], res);
    if (batch) await storeBatch(ctx, batch, res, () => res.status(204).end());
  };
}

/** GET /dev/lrs/statements: one statement by statementId, or the newest (limit, at most 100). */
export function getStatements(ctx: DevPlatformContext): RequestHandler {
  return (req, res) => {
    if (typeof req.query.statementId === 'string') {
      const found = ctx.statements.find(req.query.statementId);
      if (!found) res.status(404).json({ message: `There is no statement ${req.query.statementId}.` });
      else res.json(found.statement);
      return;
    }
    const limit = Math.min(Math.max(Number(req.query.limit ?? 100) || 100, 1), 100);
    res.json({ statements: ctx.statements.newest(limit).map((s) => s.statement), more: '' });
  };
}

function readBatch(items: unknown[], res: Response): Statement[] | undefined {
  const batch: Statement[] = [];
  for (const [i, item] of items.entries()) {
    const s = item as Record<string, unknown> | null;
    const missing =
      typeof s !== 'object' || s === null || Array.isArray(s)
        ? ['(a statement object)']
        : ['actor', 'verb', 'object'].filter((k) => typeof s[k] !== 'object' || s[k] === null);
    if (missing.length > 0) {
      res.status(400).json({ message: `Statement ${i} has no ${missing.join(', ')}.` });
      return undefined;
    }
    const id = s!.id ?? randomUUID();
    if (typeof id !== 'string' || !uuid.test(id)) {
      res.status(400).json({ message: `Statement ${i} has an id that is not a UUID.` });
      return undefined;
    }
    batch.push({ ...s!, id });
  }
  return batch;
}

async function storeBatch(
  ctx: DevPlatformContext,
  batch: Statement[],
  res: Response,
  done: () => void,
): Promise<void> {
  const { conflict } = await ctx.statements.store(batch, ctx.clock.now());
  if (conflict) {
    res
      .status(409)
      .json({ message: `A different statement ${conflict} is already stored; nothing was stored.` });
    return;
  }
  done();
}
