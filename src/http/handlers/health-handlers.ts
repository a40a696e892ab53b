import type { RequestHandler } from 'express';
import type { ToolContext } from '../tool-context.js';

/** GET /healthz: the process is up. */
export function healthz(): RequestHandler {
  return (_req, res) => {
    res.json({ status: 'ok' });
  };
}

/** GET /readyz: the database answers within two seconds; 503 otherwise. */
export function readyz(tool: ToolContext): RequestHandler {
  return async (_req, res) => {
    try {
      await Promise.race([
        tool.storage.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 2 s')), 2000).unref()),
      ]);
      res.json({ status: 'ready', database: tool.storage.backend });
    } catch (err) {
      res.status(503).json({
        error: 'not_ready',
        message: `The database is not reachable: ${err instanceof Error ? err.message : String(err)}.`,
      });
    }
  };
}
