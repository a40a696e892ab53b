import type { RequestHandler } from 'express';
import { AppError } from '../../errors.js';
import { registerPlatform } from '../../services/register-platform.js';
import { removePlatform } from '../../services/remove-platform.js';
import type { AdminLinks } from '../../views/pages/admin-links.js';
import {
  adminPlatformsPage,
  adminRemovePlatformPage,
  type PlatformFormValues,
} from '../../views/pages/admin-platforms-page.js';
import type { FormProblems } from '../../views/pages/form-errors.js';
import { strings } from '../../views/strings.js';
import { queryValue } from '../forms/form-fields.js';
import { readPlatformForm } from '../forms/platform-form.js';
import { platformView } from '../platform-view.js';
import { readForm } from '../read-form.js';
import type { ToolContext } from '../tool-context.js';
import { adminPage } from './admin-page-handler.js';

async function platformsHtml(
  tool: ToolContext,
  links: AdminLinks,
  extra: { notice?: string; form?: { values: PlatformFormValues; problems: FormProblems } } = {},
): Promise<string> {
  const platforms = (await tool.storage.platforms.list()).map(platformView);
  return adminPlatformsPage({ platforms, ...extra }, links);
}

/** GET /admin/platforms: the list, and the register form. */
export function adminPlatformsPageHandler(tool: ToolContext): RequestHandler {
  return adminPage(tool, async (req, links) => {
    const registered = queryValue(req.query.registered);
    const removed = queryValue(req.query.removed);
    const platform = registered ? await tool.storage.platforms.findById(registered) : undefined;
    const notice = platform
      ? strings.admin.registeredNotice(platform.name)
      : removed
        ? strings.admin.removedNotice(removed)
        : undefined;
    return { html: await platformsHtml(tool, links, { notice }) };
  });
}

/** POST /admin/platforms: register; problems come back by field (422), a duplicate as a conflict (409). */
export function adminRegisterPlatformHandler(tool: ToolContext): RequestHandler {
  return adminPage(tool, async (req, links) => {
    const form = readPlatformForm(await readForm(req, req.res!), tool.config.production);
    if (!form.ok) {
      const html = await platformsHtml(tool, links, {
        form: { values: form.values, problems: { fields: form.problems } },
      });
      return { html, status: 422 };
    }
    try {
      const platform = await registerPlatform(
        { platforms: tool.storage.platforms, clock: tool.clock },
        form.platform,
      );
      return { redirect: links.platforms({ registered: platform.id }) };
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
      const p = form.platform;
      const values: PlatformFormValues = {
        ...p,
        tokenAudience: p.tokenAudience ?? '',
        deploymentIds: p.deploymentIds.join('\n'),
      };
      const html = await platformsHtml(tool, links, {
        form: { values, problems: { fields: [], general: err.message } },
      });
      return { html, status: 409 };
    }
  });
}

async function findPlatform(tool: ToolContext, id: string) {
  const platform = await tool.storage.platforms.findById(id);
  if (!platform) throw new AppError('not_found', `No platform has id '${id}'.`);
  return platform;
}

/** GET /admin/platforms/:id/remove: asks first. */
export function adminRemovePlatformPageHandler(tool: ToolContext): RequestHandler {
  return adminPage(tool, async (req, links) => {
    const platform = await findPlatform(tool, String(req.params.id));
    return { html: adminRemovePlatformPage(platformView(platform), links) };
  });
}

/** POST /admin/platforms/:id/remove: removes it and its deployments, then back to the list (303). */
export function adminRemovePlatformHandler(tool: ToolContext): RequestHandler {
  return adminPage(tool, async (req, links) => {
    const platform = await findPlatform(tool, String(req.params.id));
    await removePlatform({ platforms: tool.storage.platforms }, platform.id);
    return { redirect: links.platforms({ removed: platform.name }) };
  });
}
