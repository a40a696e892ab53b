import type { RequestHandler } from 'express';

/**
 * Headers every answer carries. Framing stays allowed (LMSs embed the tool in an iframe); tokens
 * never leak through Referer; no CORS header is sent, so browsers keep other origins out.
 */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-site');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self' https: http:; frame-ancestors *",
  );
  next();
};
