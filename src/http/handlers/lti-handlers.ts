import { randomBytes } from 'node:crypto';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { defaults } from '../../config/defaults.js';
import { findCourse } from '../../domain/content/program.js';
import { AppError } from '../../errors.js';
import { registerDynamically } from '../../lti/dynamic-registration.js';
import { verifyLaunch } from '../../lti/launch-verifier.js';
import { initiateLogin } from '../../lti/login-initiation.js';
import { storageAnswerField, storageCheckFor } from '../../lti/platform-storage.js';
import { learnerMayNotPlace, mayPlaceContent } from '../../services/deep-linking/deep-linking-session.js';
import { openSession } from '../../services/open-session.js';
import { launchPage } from '../../views/launch-page.js';
import { PageLinks } from '../../views/pages/page-links.js';
import { type StoragePageAssets, storageGetPage, storagePutPage } from '../../views/platform-storage-page.js';
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
    if (!login.platformStorage) {
      res.redirect(302, login.redirectUrl);
      return;
    }
    // The platform offered its storage: the cookie stays as the first way back, the page adds the other.
    res.type('html').send(storagePutPage(login.platformStorage, login.redirectUrl, storageAssets(tool)));
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
    const cookieState = state ? browserState(req, state) : undefined;
    const answer = body[storageAnswerField];
    if (state && cookieState === undefined && answer === undefined && typeof body.id_token === 'string') {
      // No cookie, but the login offered platform storage: ask it first, without consuming the state.
      const check = await storageCheckFor({ ...tool.storage, clock: tool.clock }, state);
      if (check) {
        res.setHeader('Cache-Control', 'no-store');
        // The re-post must carry this page's Origin (no-referrer would send `Origin: null`).
        res.setHeader('Referrer-Policy', 'same-origin');
        const launch = {
          action: `${tool.config.publicUrl}/lti/launch`,
          idToken: body.id_token,
          state,
          answerField: storageAnswerField,
        };
        res.type('html').send(storageGetPage(check, launch, storageAssets(tool)));
        return;
      }
    }
    if (state !== undefined) clearStateCookie(res, tool.config.publicUrl, state);
    const launch = await verifyLaunch(
      { ...tool.storage, keySets: tool.keySets, clock: tool.clock, publicUrl: tool.config.publicUrl },
      {
        idToken: body.id_token,
        state: body.state,
        browserState: cookieState,
        ...(typeof answer === 'string'
          ? { storageAnswer: { value: answer, fromToolPage: fromToolPage(req, tool.config.publicUrl) } }
          : {}),
      },
    );
    // A learner has nothing to choose in a deep linking request: refused before any session opens.
    if (launch.messageType === 'LtiDeepLinkingRequest' && !mayPlaceContent(launch.roles)) {
      throw new AppError('forbidden', learnerMayNotPlace);
    }
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

/**
 * Whether a request was sent by one of the tool's own pages: browsers set Origin on every POST and
 * Sec-Fetch-Site where they support it; a form on another site cannot forge either.
 */
function fromToolPage(req: Request, publicUrl: string): boolean {
  const site = req.get('sec-fetch-site');
  return req.get('origin') === new URL(publicUrl).origin && (site === undefined || site === 'same-origin');
}

function storageAssets(tool: ToolContext): StoragePageAssets {
  const links = new PageLinks(PageLinks.basePathOf(tool.config.publicUrl), '', assetVersion);
  return {
    stylesheet: links.asset('accredit.css'),
    script: links.asset('platform-storage.js'),
    timeoutMs: defaults.platformStorageTimeoutMilliseconds,
  };
}

function browserState(req: Request, state: string): string | undefined {
  const cookies = (req.cookies ?? {}) as Record<string, unknown>;
  const value = cookies[`${stateCookiePrefix}${state}`];
  return typeof value === 'string' ? value : undefined;
}
