import type { Request, RequestHandler } from 'express';
import { AdminPageTokens } from '../../security/admin-page-token.js';
import { safeEqual } from '../../security/random-token.js';
import { adminErrorPage, adminSignInPage } from '../../views/pages/admin-layout.js';
import { AdminLinks } from '../../views/pages/admin-links.js';
import { PageLinks } from '../../views/pages/page-links.js';
import { strings } from '../../views/strings.js';
import { field } from '../forms/form-fields.js';
import { readForm } from '../read-form.js';
import { assetVersion } from '../static-assets.js';
import type { ToolContext } from '../tool-context.js';
import { type PageOutcome, pageError, sendOutcome } from './page-handler.js';

function noStore(res: import('express').Response): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

/**
 * An admin page: it needs an admin page session (issued by the sign-in form, checked here); without
 * one, or with one that is forged or expired, it answers 401 with the sign-in form and does nothing.
 * Errors become an admin page with the error's message and status.
 */
export function adminPage(
  tool: ToolContext,
  render: (req: Request, links: AdminLinks) => Promise<PageOutcome>,
): RequestHandler {
  const tokens = new AdminPageTokens(tool.config.adminToken);
  const basePath = PageLinks.basePathOf(tool.config.publicUrl);
  return async (req, res) => {
    noStore(res);
    const token = typeof req.query.session === 'string' ? req.query.session : undefined;
    const check = token === undefined ? 'missing' : tokens.check(token, tool.clock.now());
    if (check !== 'valid') {
      const message =
        check === 'missing'
          ? strings.admin.signedOutNeeded
          : check === 'expired'
            ? strings.admin.sessionExpired
            : strings.admin.sessionInvalid;
      req.log.info({ error: 'unauthorized', status: 401 }, 'admin page without a valid admin page session');
      res
        .status(401)
        .type('html')
        .send(adminSignInPage(new AdminLinks(basePath, undefined, assetVersion), message));
      return;
    }
    const links = new AdminLinks(basePath, token, assetVersion);
    try {
      sendOutcome(res, await render(req, links));
    } catch (err) {
      const { status, body } = pageError(tool, req, err);
      res.status(status).type('html').send(adminErrorPage(links, body.message));
    }
  };
}

/** GET /admin: the sign-in form (a valid admin page session goes straight on to the platforms). */
export function adminSignInPageHandler(tool: ToolContext): RequestHandler {
  const tokens = new AdminPageTokens(tool.config.adminToken);
  const basePath = PageLinks.basePathOf(tool.config.publicUrl);
  return async (req, res) => {
    noStore(res);
    const token = typeof req.query.session === 'string' ? req.query.session : undefined;
    if (token && tokens.check(token, tool.clock.now()) === 'valid') {
      res.redirect(303, new AdminLinks(basePath, token, assetVersion).platforms());
      return;
    }
    res.type('html').send(adminSignInPage(new AdminLinks(basePath, undefined, assetVersion)));
  };
}

/**
 * POST /admin/sign-in: the admin token, compared in constant time with ADMIN_TOKEN; a match gets a
 * 30-minute admin page session and goes on to the platforms (303), a miss gets 401 and the form.
 */
export function adminSignInHandler(tool: ToolContext): RequestHandler {
  const tokens = new AdminPageTokens(tool.config.adminToken);
  const basePath = PageLinks.basePathOf(tool.config.publicUrl);
  return async (req, res) => {
    noStore(res);
    const given = field(await readForm(req, res), 'token').trim();
    if (given === '' || !safeEqual(given, tool.config.adminToken)) {
      req.log.info({ error: 'unauthorized', status: 401 }, 'admin sign-in refused');
      const message = given === '' ? strings.admin.emptyToken : strings.admin.wrongToken;
      res
        .status(401)
        .type('html')
        .send(adminSignInPage(new AdminLinks(basePath, undefined, assetVersion), message));
      return;
    }
    const { token } = tokens.issue(tool.clock.now());
    res.redirect(303, new AdminLinks(basePath, token, assetVersion).platforms());
  };
}
