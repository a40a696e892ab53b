import type { RequestHandler } from 'express';
import { destinationsOf } from './destinations.js';
import type { DevPlatformContext } from './dev-platform-context.js';
import { personas } from './personas.js';
import { gradebookPage } from './views/gradebook-page.js';
import { startPage } from './views/start-page.js';
import { statementsPage } from './views/statements-page.js';

/** GET /dev: the start page (`?placed=n` after a deep linking response placed n links). */
export function startPageHandler(ctx: DevPlatformContext): RequestHandler {
  return (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const placed = Number(req.query.placed);
    res.type('html').send(
      startPage({
        personas,
        destinations: destinationsOf(ctx.program(), ctx.placements.all()),
        placed: Number.isInteger(placed) && placed >= 0 && placed <= 100 ? placed : undefined,
        urls: ctx.urls,
        lrsEndpoint: ctx.externalLrs ?? ctx.urls.lrs,
        root: ctx.urls.issuer,
        asset: ctx.asset,
      }),
    );
  };
}

/** GET /dev/gradebook */
export function gradebookPageHandler(ctx: DevPlatformContext): RequestHandler {
  return (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res
      .type('html')
      .send(gradebookPage({ gradebook: ctx.gradebook, root: ctx.urls.issuer, asset: ctx.asset }));
  };
}

/** GET /dev/statements */
export function statementsPageHandler(ctx: DevPlatformContext): RequestHandler {
  return (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(
      statementsPage({
        statements: ctx.statements,
        lrsEndpoint: ctx.urls.lrs,
        externalLrs: ctx.externalLrs,
        root: ctx.urls.issuer,
        asset: ctx.asset,
      }),
    );
  };
}
