import type { RequestHandler } from 'express';
import { learnerProgress } from '../../services/exam/course-status.js';
import { progressPage } from '../../views/pages/progress-page.js';
import { progressJson } from '../progress-json.js';
import { examDeps } from '../service-deps.js';
import type { ToolContext } from '../tool-context.js';
import { sessionPage } from './page-handler.js';

/** GET /progress: the learner's standing across accreditations and courses. */
export function progressPageHandler(tool: ToolContext): RequestHandler {
  return sessionPage(tool, async (_req, { learner, links }) => {
    const view = progressJson(await learnerProgress(examDeps(tool), learner));
    return { html: progressPage(view, links) };
  });
}
