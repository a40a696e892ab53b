import { randomBytes } from 'node:crypto';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { findCourse } from '../../domain/content/program.js';
import { registerDynamically } from '../../lti/dynamic-registration.js';
import { verifyLaunch } from '../../lti/launch-verifier.js';
import { initiateLogin } from '../../lti/login-initiation.js';
import { openSession } from '../../services/open-session.js';
import { launchPage } from '../../views/launch-page.js';
import { PageLinks } from '../../views/pages/page-links.js';
import { registrationDonePage } from '../../views/registration-done-page.js';
import { assetVersion } from '../static-assets.js';
import type { ToolContext } from '../tool-context.js';

const stateCookiePrefix = 'lti_state_';

/** GET|POST /lti/login: OIDC third-party login initiation. */
export function ltiLogin(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const params = { ...req.query, ...(typeof req.body === 'object' ? req.body : {}) };
    const login = await initiateLogin(
      { ...tool.storage, clock: tool.clock, publicUrl: tool.config.publicUrl },
      params,
    );
    res.cookie(`${stateCookiePrefix}${login.state}`, login.state, {
      ...stateCookieOptions(tool.config.publicUrl),
      expires: login.expiresAt,
    });
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, login.redirectUrl);
  };
}

/** POST /lti/launch: the platform's id_token arrives; a verified launch opens a session. */
export function ltiLaunch(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<
      string,
      unknown
    >;
    const state = typeof body.state === 'string' ? body.state : undefined;
    if (state !== undefined) clearStateCookie(res, tool.config.publicUrl, state);
    const launch = await verifyLaunch(
      { ...tool.storage, keySets: tool.keySets, clock: tool.clock, publicUrl: tool.config.publicUrl },
      {
        idToken: body.id_token,
        state: body.state,
        browserState: state ? browserState(req, state) : undefined,
      },
    );
    const course = launch.courseId ? findCourse(tool.programs.current, launch.courseId) : undefined;
    const session = await openSession(
      {
        storage: tool.storage,
        clock: tool.clock,
        ids: tool.ids,
        records: tool.records,
        ttlMinutes: tool.config.sessionTtlMinutes,
      },
      launch,
      course,
    );
    req.log.info(
      {
        platformId: launch.platformId,
        deploymentId: launch.deploymentId,
        roles: launch.roles,
        course: launch.courseId,
        gradePassback: session.link ? (session.link.passbackProblem ?? 'possible') : 'no resource link',
      },
      'launch verified',
    );
    res.setHeader('Cache-Control', 'no-store');
    const links = new PageLinks(PageLinks.basePathOf(tool.config.publicUrl), session.token, assetVersion);
    res.type('html').send(launchPage(launch, session, course?.title, links));
  };
}

/** GET /lti/keys: the tool's public JWKS. */
export function ltiKeys(tool: ToolContext): RequestHandler {
  return async (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.json(await tool.keyRing.jwks());
  };
}

/** GET /lti/register: LTI Dynamic Registration, started from the platform. */
export function ltiRegister(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    await registerDynamically(
      { engine: tool.engine, httpsRequired: tool.config.production, userAgent: tool.userAgent },
      req.query,
    );
    const nonce = randomBytes(16).toString('base64');
    res.setHeader(
      'Content-Security-Policy',
      `default-src 'none'; script-src 'nonce-${nonce}'; base-uri 'none'; frame-ancestors *`,
    );
    res.type('html').send(registrationDonePage(nonce));
  };
}

/**
 * Inside an LMS iframe over https the state cookie must be SameSite=None; Secure (and Partitioned
 * for browsers that partition third-party cookies); on plain http for development, Lax works.
 */
function stateCookieOptions(publicUrl: string): CookieOptions {
  const secure = publicUrl.startsWith('https:');
  return {
    httpOnly: true,
    path: `${new URL(publicUrl).pathname.replace(/\/+$/, '')}/lti`,
    secure,
    sameSite: secure ? 'none' : 'lax',
    ...(secure ? { partitioned: true } : {}),
  };
}

function clearStateCookie(res: Response, publicUrl: string, state: string): void {
  if (!/^[\w-]{1,128}$/.test(state)) return;
  res.clearCookie(`${stateCookiePrefix}${state}`, stateCookieOptions(publicUrl));
}

function browserState(req: Request, state: string): string | undefined {
  const cookies = (req.cookies ?? {}) as Record<string, unknown>;
  const value = cookies[`${stateCookiePrefix}${state}`];
  return typeof value === 'string' ? value : undefined;
}
