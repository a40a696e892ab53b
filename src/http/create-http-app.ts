import cookieParser from 'cookie-parser';
import express, { type RequestHandler } from 'express';
import { AppError } from '../errors.js';
import { errorHandler } from './middleware/error-handler.js';
import { requestLogging } from './middleware/request-logging.js';
import { requireAdmin } from './middleware/require-admin.js';
import { requireSession } from './middleware/require-session.js';
import { securityHeaders } from './middleware/security-headers.js';
import { openApiDocument } from './openapi.js';
import { type Access, routes } from './routes.js';
import { staticAssets } from './static-assets.js';
import type { ToolContext } from './tool-context.js';

/** The express app: middleware, then the route table, then the error handler. */
export function createHttpApp(tool: ToolContext, devPlatform?: RequestHandler): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(requestLogging(tool.logger));
  app.use(securityHeaders);
  app.use('/assets', staticAssets());
  app.use(cookieParser());
  app.use('/lti', express.urlencoded({ extended: false, limit: '256kb', parameterLimit: 50 }));
  app.use('/api', express.json({ limit: '100kb', strict: true }));

  const guards: Record<Access, RequestHandler[]> = {
    public: [],
    lti: [],
    admin: [requireAdmin(tool.config.adminToken)],
    session: [requireSession({ sessions: tool.storage.sessions, clock: tool.clock })],
    page: [],
  };
  for (const route of routes) app[route.method](route.path, ...guards[route.access], route.handler(tool));
  const document = openApiDocument(routes, tool);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  // The development platform (DEV_PLATFORM): a separate LTI platform and LRS, not part of the tool's API.
  if (devPlatform) app.use('/dev', devPlatform);

  app.use((req, _res, next) => {
    next(
      new AppError(
        'not_found',
        `There is no ${req.method} ${req.path}; see /api/openapi.json for the routes.`,
      ),
    );
  });
  app.use(errorHandler(tool.logger, tool.config.publicUrl));
  return app;
}
