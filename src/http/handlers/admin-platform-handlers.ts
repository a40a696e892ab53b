import type { RequestHandler } from 'express';
import { registerPlatform } from '../../services/register-platform.js';
import { removePlatform } from '../../services/remove-platform.js';
import { platformView } from '../platform-view.js';
import { platformInputSchema } from '../schemas/platform-input.js';
import type { ToolContext } from '../tool-context.js';
import { validate } from '../validate.js';

/** POST /api/admin/platforms */
export function addPlatform(tool: ToolContext): RequestHandler {
  const schema = platformInputSchema(tool.config.production);
  return async (req, res) => {
    const input = validate(schema, req.body, 'The platform registration');
    const platform = await registerPlatform(
      { platforms: tool.storage.platforms, clock: tool.clock },
      {
        ...input,
        tokenAudience: input.tokenAudience,
        deploymentIds: input.deploymentIds ?? [],
        acceptNewDeployments: input.acceptNewDeployments ?? false,
      },
    );
    res
      .status(201)
      .location(`${tool.config.publicUrl}/api/admin/platforms/${platform.id}`)
      .json(platformView(platform));
  };
}

/** GET /api/admin/platforms */
export function listPlatforms(tool: ToolContext): RequestHandler {
  return async (_req, res) => {
    res.json({ platforms: (await tool.storage.platforms.list()).map(platformView) });
  };
}

/** DELETE /api/admin/platforms/:id */
export function deletePlatform(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    await removePlatform({ platforms: tool.storage.platforms }, String(req.params.id));
    res.status(204).end();
  };
}
