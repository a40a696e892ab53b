import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError, errorBody } from '../../errors.js';
import { errorPage } from '../../views/pages/error-page.js';
import { PageLinks } from '../../views/pages/page-links.js';
import { assetVersion } from '../static-assets.js';

/**
 * Turns any error into the wire body; anything not an AppError is logged and becomes a generic 500.
 * A browser landing on an LTI route (a refused launch in the LMS's frame) gets the message as a page.
 */
export function errorHandler(logger: Logger, publicUrl: string): ErrorRequestHandler {
  const assetHref = `${PageLinks.basePathOf(publicUrl)}/assets/accredit.css?v=${assetVersion}`;
  return (err, req, res, _next) => {
    const appError = fromBodyParser(err) ?? err;
    const { status, body } = errorBody(appError);
    if (status >= 500 && !(appError instanceof AppError)) {
      logger.error({ err, requestId: req.id }, 'unhandled error');
    } else {
      req.log?.info({ error: body.error, status }, body.message);
    }
    if (res.headersSent) return;
    if (req.path.startsWith('/lti/') && req.accepts(['json', 'html']) === 'html') {
      res.setHeader('Cache-Control', 'no-store');
      res
        .status(status)
        .type('html')
        .send(errorPage({ message: body.message, sessionProblem: false, links: undefined, assetHref }));
      return;
    }
    res.status(status).json(body);
  };
}

function fromBodyParser(err: unknown): AppError | undefined {
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') {
    const limit = (err as { limit?: number }).limit ?? 0;
    return new AppError(
      'payload_too_large',
      `The request body is larger than ${Math.round(limit / 1024)} KB.`,
    );
  }
  if (type === 'entity.parse.failed') {
    return new AppError('invalid_request', 'The request body is not valid JSON.');
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new AppError('invalid_request', 'The request body uses an unsupported encoding; send UTF-8.');
  }
  return undefined;
}
