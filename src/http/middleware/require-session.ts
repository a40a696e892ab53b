import type { RequestHandler } from 'express';
import type { Session } from '../../domain/session.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../ports/clock.js';
import type { SessionRepository } from '../../ports/storage.js';
import { authenticateSession } from '../../services/authenticate-session.js';
import { bearerToken } from '../bearer-token.js';

declare module 'express-serve-static-core' {
  interface Locals {
    session?: Session;
  }
}

/** Learner and evaluator routes: the session token a launch opened, in the Authorization header only. */
export function requireSession(deps: { sessions: SessionRepository; clock: Clock }): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req);
    if (token === undefined) {
      throw new AppError(
        'unauthorized',
        'This route needs the session token of a launch in the header Authorization: Bearer <token>.',
      );
    }
    res.locals.session = await authenticateSession(deps, token);
    next();
  };
}
