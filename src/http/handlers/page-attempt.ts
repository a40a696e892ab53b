import type { RequestHandler } from 'express';
import { readAttempt } from '../../services/exam/read-attempt.js';
import { examPage } from '../../views/pages/exam-page.js';
import { resultPage } from '../../views/pages/result-page.js';
import { attemptJson } from '../exam-json.js';
import { examDeps } from '../service-deps.js';
import type { ToolContext } from '../tool-context.js';
import { sessionPage } from './page-handler.js';

/**
 * GET /attempts/:attemptId: the exam while it is open, the result once it is submitted (or once its
 * deadline passed: reading it then submits it as it stood). What is shown is the API's attempt view,
 * so the answer key never reaches the page before submission and the review policy holds after.
 */
export function attemptPageHandler(tool: ToolContext): RequestHandler {
  return sessionPage(tool, async (req, { learner, links }) => {
    const attempt = await readAttempt(examDeps(tool), learner, String(req.params.attemptId));
    const course = await tool.programs.courseAt(attempt.contentVersion, attempt.courseId);
    const view = attemptJson(attempt, course, tool.clock.now());
    return {
      html:
        'secondsLeft' in view ? examPage(view, course.title, links) : resultPage(view, course.title, links),
    };
  });
}
