import type { RequestHandler } from 'express';
import { AppError } from '../../errors.js';
import type { ToolContext } from '../tool-context.js';

/**
 * GET /api/admin/course-links: the resource links learners came through, each with whether grades
 * can go back to the LMS through it and, when not, why (the launch carried no AGS claim, a scope
 * was not granted…). `?platformId=` narrows to one platform.
 */
export function listCourseLinks(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const platformId = req.query.platformId;
    if (platformId !== undefined && (typeof platformId !== 'string' || platformId.length > 64)) {
      throw new AppError(
        'invalid_request',
        'platformId must be one platform id (see GET /api/admin/platforms).',
      );
    }
    const links = await tool.storage.courseLinks.list({
      ...(platformId ? { platformId } : {}),
      limit: 500,
    });
    res.json({
      links: links.map((l) => ({
        id: l.id,
        platformId: l.platformId,
        deploymentId: l.deploymentId,
        contextId: l.contextId ?? null,
        resourceLinkId: l.resourceLinkId,
        title: l.title ?? null,
        courseId: l.courseId ?? null,
        gradePassback: l.passbackProblem ? 'not possible' : 'possible',
        passbackProblem: l.passbackProblem ?? null,
        lineItemsUrl: l.gradeService?.lineItemsUrl ?? null,
        scopes: l.gradeService?.scopes ?? [],
        firstLaunchAt: l.firstLaunchAt.toISOString(),
        lastLaunchAt: l.lastLaunchAt.toISOString(),
      })),
    });
  };
}
