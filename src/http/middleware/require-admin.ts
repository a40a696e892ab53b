import type { RequestHandler } from 'express';
import { AppError } from '../../errors.js';
import { safeEqual } from '../../security/random-token.js';
import { bearerToken } from '../bearer-token.js';

/** Admin routes: `Authorization: Bearer $ADMIN_TOKEN`, compared in constant time. */
export function requireAdmin(adminToken: string): RequestHandler {
  return (req, _res, next) => {
    const token = bearerToken(req);
    if (token === undefined) {
      throw new AppError(
        'unauthorized',
        'This admin route needs the header Authorization: Bearer <ADMIN_TOKEN>.',
      );
    }
    if (!safeEqual(token, adminToken)) throw new AppError('unauthorized', 'The admin token is wrong.');
    next();
  };
}
