import type { RequestHandler } from 'express';
import { startAttempt } from '../../services/exam/start-attempt.js';
import { examDeps } from '../service-deps.js';
import type { ToolContext } from '../tool-context.js';
import { sessionPage } from './page-handler.js';

/** POST /courses/:courseId/attempts: starts the written exam, or resumes the open attempt, and goes to it. */
export function startAttemptPageHandler(tool: ToolContext): RequestHandler {
  return sessionPage(tool, async (req, { session, learner, links }) => {
    const { attempt } = await startAttempt(
      examDeps(tool),
      learner,
      String(req.params.courseId),
      session.linkId,
    );
    return { redirect: links.attempt(attempt.id) };
  });
}
