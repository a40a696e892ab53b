import type { RequestHandler } from 'express';
import { recordLearningPathVisit } from '../../services/exam/record-learning-path-visit.js';
import { examDeps } from '../service-deps.js';
import type { ToolContext } from '../tool-context.js';
import { sessionPage } from './page-handler.js';

/**
 * GET /courses/:courseId/learning-path: records the visit (remediation counts it) and sends the
 * browser on to the learning path. No Referer goes with it, so the session token stays here.
 */
export function learningPathPageHandler(tool: ToolContext): RequestHandler {
  return sessionPage(tool, async (req, { learner }) => ({
    redirect: await recordLearningPathVisit(examDeps(tool), learner, String(req.params.courseId)),
  }));
}
