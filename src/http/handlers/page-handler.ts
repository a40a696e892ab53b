import type { Request, RequestHandler, Response } from 'express';
import type { Learner } from '../../domain/exam/attempt.js';
import type { Session } from '../../domain/session.js';
import { AppError, errorBody } from '../../errors.js';
import { authenticateSession } from '../../services/authenticate-session.js';
import { errorPage } from '../../views/pages/error-page.js';
import { PageLinks } from '../../views/pages/page-links.js';
import { assetVersion } from '../static-assets.js';
import type { ToolContext } from '../tool-context.js';

/** What a page answers: a document, or a 303 to another page (after a form post or to go elsewhere). */
export type PageOutcome = { readonly html: string; readonly status?: number } | { readonly redirect: string };

export interface PageContext {
  readonly session: Session;
  readonly learner: Learner;
  /** Links to the other pages, carrying this session. */
  readonly links: PageLinks;
}

/**
 * A page behind the launch session. The token comes in the `session` query parameter (cookies may
 * be refused inside an LMS iframe), so every answer is `no-store` and sends no Referer. Errors
 * become an HTML page with the error's message and status, not the API's JSON.
 */
export function sessionPage(
  tool: ToolContext,
  render: (req: Request, page: PageContext) => Promise<PageOutcome>,
): RequestHandler {
  const basePath = PageLinks.basePathOf(tool.config.publicUrl);
  return async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const token = typeof req.query.session === 'string' ? req.query.session : undefined;
    const links = token ? new PageLinks(basePath, token, assetVersion) : undefined;
    try {
      if (!links) {
        throw new AppError(
          'unauthorized',
          'This page needs the session of a launch in its address (the session parameter), and it has none.',
        );
      }
      const session = await authenticateSession(
        { sessions: tool.storage.sessions, clock: tool.clock },
        links.token,
      );
      const learner = { platformId: session.launch.platformId, subject: session.launch.subject };
      sendOutcome(res, await render(req, { session, learner, links }));
    } catch (err) {
      const { status, body } = pageError(tool, req, err);
      const sessionProblem = body.error === 'unauthorized' || body.error === 'session_expired';
      res
        .status(status)
        .type('html')
        .send(
          errorPage({
            message: body.message,
            sessionProblem,
            links: sessionProblem ? undefined : links,
            assetHref: `${basePath}/assets/accredit.css?v=${assetVersion}`,
          }),
        );
    }
  };
}

/** Sends a page, or the 303 a form post ends with. */
export function sendOutcome(res: Response, outcome: PageOutcome): void {
  if ('redirect' in outcome) res.redirect(303, outcome.redirect);
  else
    res
      .status(outcome.status ?? 200)
      .type('html')
      .send(outcome.html);
}

/** What a page failure answers; a refusal is logged as such, anything else as an unhandled error. */
export function pageError(tool: ToolContext, req: Request, err: unknown): ReturnType<typeof errorBody> {
  const answer = errorBody(err);
  if (err instanceof AppError)
    req.log.info({ error: answer.body.error, status: answer.status }, answer.body.message);
  else tool.logger.error({ err, requestId: req.id }, 'unhandled error');
  return answer;
}
