import express, { type RequestHandler, Router } from 'express';
import {
  createLineItem,
  getLineItem,
  getResults,
  listLineItems,
  postScore,
  tokenEndpoint,
} from './ags-handlers.js';
import { deepLinkingReturn, startDeepLinking } from './deep-linking-handlers.js';
import { getStatements, lrsAbout, lrsGuard, postStatements, putStatement } from './dev-lrs.js';
import type { DevPlatformContext } from './dev-platform-context.js';
import { authorize, platformJwks, startLaunch } from './launch-handlers.js';
import { getMemberships } from './memberships.js';
import { gradebookPageHandler, startPageHandler, statementsPageHandler } from './page-handlers.js';

type Body = 'form' | 'json' | 'none';

interface DevRoute {
  readonly method: 'get' | 'post' | 'put';
  readonly path: string;
  readonly body: Body;
  readonly handler: (ctx: DevPlatformContext) => RequestHandler;
  readonly guard?: (ctx: DevPlatformContext) => RequestHandler;
}

const lineItem = '/contexts/:contextId/lineitems/:lineItem';

/** Every route of the development platform, relative to its mount path (/dev), in one table. */
export const devRoutes: readonly DevRoute[] = [
  // The pages a person uses.
  { method: 'get', path: '/', body: 'none', handler: startPageHandler },
  { method: 'post', path: '/launches', body: 'form', handler: startLaunch },
  { method: 'post', path: '/deep-linking', body: 'form', handler: startDeepLinking },
  { method: 'get', path: '/gradebook', body: 'none', handler: gradebookPageHandler },
  { method: 'get', path: '/statements', body: 'none', handler: statementsPageHandler },
  // The platform's side of LTI 1.3: OIDC authorization, JWKS, token endpoint.
  { method: 'get', path: '/auth', body: 'none', handler: authorize },
  { method: 'post', path: '/auth', body: 'form', handler: authorize },
  { method: 'get', path: '/jwks', body: 'none', handler: platformJwks },
  // Deep Linking 2.0: where the tool posts its response.
  { method: 'post', path: '/deep-linking/return', body: 'form', handler: deepLinkingReturn },
  { method: 'post', path: '/token', body: 'form', handler: tokenEndpoint },
  // Assignment and Grade Services 2.0; Names and Role Provisioning Services 2.0.
  { method: 'get', path: '/contexts/:contextId/lineitems', body: 'none', handler: listLineItems },
  { method: 'post', path: '/contexts/:contextId/lineitems', body: 'json', handler: createLineItem },
  { method: 'get', path: lineItem, body: 'none', handler: getLineItem },
  { method: 'post', path: `${lineItem}/scores`, body: 'json', handler: postScore },
  { method: 'get', path: `${lineItem}/results`, body: 'none', handler: getResults },
  { method: 'get', path: '/contexts/:contextId/memberships', body: 'none', handler: getMemberships },
  // The development Learning Record Store (xAPI 1.0.3).
  { method: 'get', path: '/lrs/about', body: 'none', handler: lrsAbout },
  { method: 'post', path: '/lrs/statements', body: 'json', handler: postStatements, guard: lrsGuard },
  { method: 'put', path: '/lrs/statements', body: 'json', handler: putStatement, guard: lrsGuard },
  { method: 'get', path: '/lrs/statements', body: 'none', handler: getStatements, guard: lrsGuard },
];

const parsers: Record<Body, RequestHandler[]> = {
  form: [express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 50 })],
  // AGS and xAPI bodies come as application/json or a vendor type ending in +json.
  json: [express.json({ limit: '2mb', strict: false, type: ['application/json', 'application/*+json'] })],
  none: [],
};

export function devPlatformRouter(ctx: DevPlatformContext): Router {
  const router = Router({ strict: false });
  for (const route of devRoutes) {
    router[route.method](
      route.path,
      ...(route.guard ? [route.guard(ctx)] : []),
      ...parsers[route.body],
      route.handler(ctx),
    );
  }
  return router;
}
