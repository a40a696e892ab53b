import type { RequestHandler } from 'express';
import { adminContentPage } from '../../views/pages/admin-content-page.js';
import { adminCourseLinksPage } from '../../views/pages/admin-course-links-page.js';
import { adminOutboxPage } from '../../views/pages/admin-outbox-page.js';
import { field, queryValue } from '../forms/form-fields.js';
import { readForm } from '../read-form.js';
import type { ToolContext } from '../tool-context.js';
import { adminPage } from './admin-page-handler.js';

/** GET /admin/outbox: counts by target and status, the oldest pending entry's age, dead entries. */
export function adminOutboxPageHandler(tool: ToolContext): RequestHandler {
  return adminPage(tool, async (req, links) => {
    const counts = await tool.storage.outbox.counts();
    const dead = await tool.storage.outbox.list({ status: 'dead', limit: 200 });
    const now = tool.clock.now().getTime();
    const pendingOldest = counts
      .filter((c) => c.status === 'pending' && c.oldest)
      .map((c) => c.oldest!.getTime());
    const retried = queryValue(req.query.retried);
    const html = adminOutboxPage(
      {
        lrsConfigured: tool.config.lrs !== undefined,
        counts: counts.map((c) => ({ ...c, oldest: c.oldest?.toISOString() ?? null })),
        oldestPendingMinutes:
          pendingOldest.length > 0
            ? Math.max(0, Math.floor((now - Math.min(...pendingOldest)) / 60_000))
            : undefined,
        dead: dead.map((e) => ({
          id: e.id,
          target: e.target,
          kind: e.kind,
          tries: e.tries,
          lastError: e.lastError ?? null,
          createdAt: e.createdAt.toISOString(),
        })),
        retried: retried !== undefined && /^\d+$/.test(retried) ? Number(retried) : undefined,
      },
      links,
    );
    return { html };
  });
}

/** POST /admin/outbox/retry: one entry (`id`) or every dead one (`all=dead`) due now; back to the outbox. */
export function adminRetryOutboxHandler(tool: ToolContext): RequestHandler {
  return adminPage(tool, async (req, links) => {
    const form = await readForm(req, req.res!);
    const id = field(form, 'id');
    const retried =
      field(form, 'all') === 'dead'
        ? await tool.storage.outbox.retry('all-dead', tool.clock.now())
        : id !== '' && id.length <= 64
          ? await tool.storage.outbox.retry([id], tool.clock.now())
          : 0;
    return { redirect: links.outbox(retried) };
  });
}

/** GET /admin/course-links: whether grades can go back through each link learners came through. */
export function adminCourseLinksPageHandler(tool: ToolContext): RequestHandler {
  return adminPage(tool, async (_req, links) => {
    const platforms = new Map((await tool.storage.platforms.list()).map((p) => [p.id, p.name]));
    const { courses } = tool.programs.current;
    const rows = (await tool.storage.courseLinks.list({ limit: 500 })).map((l) => ({
      id: l.id,
      platformName: platforms.get(l.platformId) ?? l.platformId,
      deploymentId: l.deploymentId,
      contextId: l.contextId ?? null,
      resourceLinkId: l.resourceLinkId,
      title: l.title ?? null,
      courseTitle: l.courseId ? (courses.find((c) => c.id === l.courseId)?.title ?? l.courseId) : null,
      passbackProblem: l.passbackProblem ?? null,
      lastLaunchAt: l.lastLaunchAt.toISOString(),
    }));
    return { html: adminCourseLinksPage(rows, links) };
  });
}

/** GET /admin/content: the program loaded at start-up, and how to check files before a restart. */
export function adminContentPageHandler(tool: ToolContext): RequestHandler {
  return adminPage(tool, async (_req, links) => ({ html: adminContentPage(tool.programs.current, links) }));
}
