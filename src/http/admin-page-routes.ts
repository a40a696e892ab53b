import { adminSignInHandler, adminSignInPageHandler } from './handlers/admin-page-handler.js';
import {
  adminPlatformsPageHandler,
  adminRegisterPlatformHandler,
  adminRemovePlatformHandler,
  adminRemovePlatformPageHandler,
} from './handlers/page-admin-platforms.js';
import {
  adminContentPageHandler,
  adminCourseLinksPageHandler,
  adminOutboxPageHandler,
  adminRetryOutboxHandler,
} from './handlers/page-admin-reports.js';
import type { Route } from './routes.js';

const session =
  '(HTML page for admins; the admin page session from the sign-in form is in the `session` query parameter)';

/**
 * The admin pages. `page` routes: no guard of the route table: the admin signs in once with ADMIN_TOKEN
 * (POST /admin/sign-in) and the pages carry a short-lived admin page session instead of the token
 * (see security/admin-page-token.ts); every handler checks it (handlers/admin-page-handler.ts).
 */
export const adminPageRoutes: readonly Route[] = [
  {
    method: 'get',
    path: '/admin',
    access: 'public',
    summary: 'The admin sign-in form (HTML page)',
    handler: adminSignInPageHandler,
  },
  {
    method: 'post',
    path: '/admin/sign-in',
    access: 'public',
    summary: 'Sign in with ADMIN_TOKEN; 303 to the platforms with a 30-minute admin page session, or 401',
    handler: adminSignInHandler,
  },
  {
    method: 'get',
    path: '/admin/platforms',
    access: 'page',
    summary: `Registered platforms, and the register form ${session}`,
    handler: adminPlatformsPageHandler,
  },
  {
    method: 'post',
    path: '/admin/platforms',
    access: 'page',
    summary: `The register form (303; 422 with the problems by field; 409 when registered already) ${session}`,
    handler: adminRegisterPlatformHandler,
  },
  {
    method: 'get',
    path: '/admin/platforms/:id/remove',
    access: 'page',
    summary: `Confirm the removal of a platform ${session}`,
    handler: adminRemovePlatformPageHandler,
  },
  {
    method: 'post',
    path: '/admin/platforms/:id/remove',
    access: 'page',
    summary: `Remove a platform and its deployments (303) ${session}`,
    handler: adminRemovePlatformHandler,
  },
  {
    method: 'get',
    path: '/admin/outbox',
    access: 'page',
    summary: `Outbox counts by target and status, oldest pending age, dead entries ${session}`,
    handler: adminOutboxPageHandler,
  },
  {
    method: 'post',
    path: '/admin/outbox/retry',
    access: 'page',
    summary: `Retry one outbox entry (id) or every dead one (all=dead), then back (303) ${session}`,
    handler: adminRetryOutboxHandler,
  },
  {
    method: 'get',
    path: '/admin/course-links',
    access: 'page',
    summary: `Course links and whether grades can go back through each ${session}`,
    handler: adminCourseLinksPageHandler,
  },
  {
    method: 'get',
    path: '/admin/content',
    access: 'page',
    summary: `The program loaded at start-up: version, accreditations, courses ${session}`,
    handler: adminContentPageHandler,
  },
];
