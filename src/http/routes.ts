import type { RequestHandler } from 'express';
import { adminPageRoutes } from './admin-page-routes.js';
import { evaluatorPageRoutes } from './evaluator-page-routes.js';
import { listCourseLinks } from './handlers/admin-course-link-handlers.js';
import { getOutbox, outboxRetrySchema, retryOutbox } from './handlers/admin-outbox-handlers.js';
import { addPlatform, deletePlatform, listPlatforms } from './handlers/admin-platform-handlers.js';
import { healthz, readyz } from './handlers/health-handlers.js';
import {
  getAttempt,
  getCourse,
  getProgress,
  postAttempt,
  postLearningPathVisit,
  postSubmit,
  putResponse,
} from './handlers/learner-exam-handlers.js';
import { ltiKeys, ltiLaunch, ltiLogin, ltiRegister } from './handlers/lti-handlers.js';
import { metrics } from './handlers/metrics-handler.js';
import { whoAmI } from './handlers/session-handlers.js';
import { pageRoutes } from './page-routes.js';
import { practicalRoutes } from './practical-routes.js';
import { platformInputSchema } from './schemas/platform-input.js';
import { responseInputSchema } from './schemas/response-input.js';
import type { ToolContext } from './tool-context.js';

/**
 * Who may call a route. `page`: an HTML page whose session (a launch's, or an admin page session)
 * comes in its `session` query parameter, checked by the page handler itself.
 */
export type Access = 'public' | 'lti' | 'admin' | 'session' | 'page';

export interface Route {
  readonly method: 'get' | 'post' | 'put' | 'delete';
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
  { method: 'get', path: '/metrics', access: 'public', summary: 'Prometheus metrics', handler: metrics },
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
    path: '/api/admin/course-links',
    access: 'admin',
    summary: 'Resource links learners launched through, and whether grades can go back through each',
    handler: listCourseLinks,
  },
  {
    method: 'get',
    path: '/api/admin/outbox',
    access: 'admin',
    summary: 'Delivery status of the xAPI and grade outbox: counts, and what is pending or dead, with why',
    handler: getOutbox,
  },
  {
    method: 'post',
    path: '/api/admin/outbox/retry',
    access: 'admin',
    summary: 'Send outbox entries again now: given ids, or every dead one',
    body: () => outboxRetrySchema,
    handler: retryOutbox,
  },
  {
    method: 'get',
    path: '/api/me',
    access: 'session',
    summary: 'Who the launch session belongs to',
    handler: whoAmI,
  },
  {
    method: 'get',
    path: '/api/progress',
    access: 'session',
    summary: "The learner's standing across accreditations and courses",
    handler: getProgress,
  },
  {
    method: 'get',
    path: '/api/courses/:courseId',
    access: 'session',
    summary: 'A course: written exam status, attempts left, practical (locked until the exam is passed)',
    handler: getCourse,
  },
  {
    method: 'post',
    path: '/api/courses/:courseId/attempts',
    access: 'session',
    summary: 'Start an attempt at the written exam (201), or resume the open one (200)',
    handler: postAttempt,
  },
  {
    method: 'post',
    path: '/api/courses/:courseId/learning-path-visits',
    access: 'session',
    summary: "Record a visit to the course's learning path (remediation); answers its URL",
    handler: postLearningPathVisit,
  },
  {
    method: 'get',
    path: '/api/attempts/:attemptId',
    access: 'session',
    summary: 'An own attempt',
    handler: getAttempt,
  },
  {
    method: 'put',
    path: '/api/attempts/:attemptId/responses/:questionId',
    access: 'session',
    summary: 'Save the answer to one question (idempotent)',
    body: () => responseInputSchema,
    handler: putResponse,
  },
  {
    method: 'post',
    path: '/api/attempts/:attemptId/submit',
    access: 'session',
    summary: 'Submit an attempt; the server scores it',
    handler: postSubmit,
  },
  ...practicalRoutes,
  ...pageRoutes,
  ...evaluatorPageRoutes,
  ...adminPageRoutes,
];
