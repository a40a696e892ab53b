import type { Request, RequestHandler } from 'express';
import { bodyOf } from './ags-handlers.js';
import { readAuthorizationRequest } from './authorization-request.js';
import { findDestination } from './destinations.js';
import type { DevPlatformContext } from './dev-platform-context.js';
import { idTokenClaims } from './id-token-claims.js';
import { loginInitiationUrl } from './login-initiation.js';
import { fullName, personaById } from './personas.js';
import { launchingPage } from './views/launching-page.js';
import { problemPage } from './views/problem-page.js';

/** POST /dev/launches: the start page's choice becomes a third-party login initiation at the tool. */
export function startLaunch(ctx: DevPlatformContext): RequestHandler {
  return (req, res) => {
    const form = bodyOf(req);
    const persona = personaById(String(form.persona ?? ''));
    const destination = findDestination(ctx.program(), ctx.placements.all(), String(form.destination ?? ''));
    if (!persona || !destination) {
      const problems = [
        ...(persona ? [] : ['Pick someone to be.']),
        ...(destination ? [] : ['Pick where to go.']),
      ];
      res
        .status(400)
        .type('html')
        .send(problemPage({ problems, root: ctx.urls.issuer, asset: ctx.asset }));
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(
      303,
      loginInitiationUrl(ctx.urls, persona, {
        messageHint: destination.id,
        targetLinkUri: destination.targetLinkUri,
      }),
    );
  };
}

/**
 * GET|POST /dev/auth: the OIDC authorization endpoint. A valid request from the tool is answered
 * with the signed id_token in an auto-posting form; anything else is refused with what is wrong.
 */
export function authorize(ctx: DevPlatformContext): RequestHandler {
  return async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const request = readAuthorizationRequest(
      ctx.urls,
      { program: ctx.program(), placements: ctx.placements.all(), deepLinking: ctx.deepLinking },
      paramsOf(req),
    );
    if ('problems' in request) {
      req.log.warn({ problems: request.problems }, 'development platform refused an authorization request');
      res
        .status(400)
        .type('html')
        .send(problemPage({ problems: request.problems, root: ctx.urls.issuer, asset: ctx.asset }));
      return;
    }
    const idToken = await ctx.key.sign(
      idTokenClaims({
        urls: ctx.urls,
        persona: request.persona,
        target: request.target,
        nonce: request.nonce,
        now: ctx.clock.now(),
      }),
    );
    res.type('html').send(
      launchingPage({
        personaName: fullName(request.persona),
        redirectUri: request.redirectUri,
        idToken,
        state: request.state,
        root: ctx.urls.issuer,
        asset: ctx.asset,
      }),
    );
  };
}

/** GET /dev/jwks: the platform's public key set, which the tool fetches to verify id_tokens. */
export function platformJwks(ctx: DevPlatformContext): RequestHandler {
  return (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(ctx.key.jwks());
  };
}

function paramsOf(req: Request): Record<string, unknown> {
  return req.method === 'POST' ? bodyOf(req) : (req.query as Record<string, unknown>);
}
