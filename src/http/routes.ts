import type { RequestHandler } from 'express';
import { addPlatform, deletePlatform, listPlatforms } from './handlers/admin-platform-handlers.js';
import { healthz, readyz } from './handlers/health-handlers.js';
import { ltiKeys, ltiLaunch, ltiLogin, ltiRegister } from './handlers/lti-handlers.js';
import { whoAmI } from './handlers/session-handlers.js';
import { platformInputSchema } from './schemas/platform-input.js';
import type { ToolContext } from './tool-context.js';

export type Access = 'public' | 'lti' | 'admin' | 'session';

export interface Route {
  readonly method: 'get' | 'post' | 'delete';
  readonly path: string;
  readonly access: Access;
  readonly summary: string;
  /** The schema the body is validated with, for the OpenAPI document. */
  readonly body?: (tool: ToolContext) => import('zod').ZodType;
  readonly handler: (tool: ToolContext) => RequestHandler;
}

/** Every route of the tool, in one table. */
export const routes: readonly Route[] = [
  { method: 'get', path: '/healthz', access: 'public', summary: 'The process is up', handler: healthz },
  {
    method: 'get',
    path: '/readyz',
    access: 'public',
    summary: 'The database answers (503 when not)',
    handler: readyz,
  },
  {
    method: 'get',
    path: '/lti/login',
    access: 'lti',
    summary: 'OIDC third-party login initiation',
    handler: ltiLogin,
  },
  {
    method: 'post',
    path: '/lti/login',
    access: 'lti',
    summary: 'OIDC third-party login initiation',
    handler: ltiLogin,
  },
  {
    method: 'post',
    path: '/lti/launch',
    access: 'lti',
    summary: 'LTI 1.3 launch (redirect URI)',
    handler: ltiLaunch,
  },
  { method: 'get', path: '/lti/keys', access: 'public', summary: "The tool's public JWKS", handler: ltiKeys },
  {
    method: 'get',
    path: '/lti/register',
    access: 'lti',
    summary: 'LTI Dynamic Registration 1.0',
    handler: ltiRegister,
  },
  {
    method: 'post',
    path: '/api/admin/platforms',
    access: 'admin',
    summary: 'Register a platform',
    body: (tool) => platformInputSchema(tool.config.production),
    handler: addPlatform,
  },
  {
    method: 'get',
    path: '/api/admin/platforms',
    access: 'admin',
    summary: 'List registered platforms',
    handler: listPlatforms,
  },
  {
    method: 'delete',
    path: '/api/admin/platforms/:id',
    access: 'admin',
    summary: 'Remove a platform and its deployments',
    handler: deletePlatform,
  },
  {
    method: 'get',
    path: '/api/me',
    access: 'session',
    summary: 'Who the launch session belongs to',
    handler: whoAmI,
  },
];
