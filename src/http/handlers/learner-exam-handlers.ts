import type { RequestHandler, Response } from 'express';
import type { Learner } from '../../domain/exam/attempt.js';
import { courseStatus, learnerProgress } from '../../services/exam/course-status.js';
import { readAttempt } from '../../services/exam/read-attempt.js';
import { recordLearningPathVisit } from '../../services/exam/record-learning-path-visit.js';
import { saveResponse } from '../../services/exam/save-response.js';
import { startAttempt } from '../../services/exam/start-attempt.js';
import { submitAttempt } from '../../services/exam/submit-attempt.js';
import { renderMarkdown } from '../../views/markdown.js';
import { attemptJson, examStatusJson, practicalJson } from '../exam-json.js';
import { progressJson } from '../progress-json.js';
import { responseInputSchema } from '../schemas/response-input.js';
import { examDeps } from '../service-deps.js';
import type { ToolContext } from '../tool-context.js';
import { validate } from '../validate.js';

function learnerOf(res: Response): Learner {
  const { launch } = res.locals.session!;
  return { platformId: launch.platformId, subject: launch.subject };
}

async function sendAttempt(
  tool: ToolContext,
  res: Response,
  attempt: Awaited<ReturnType<typeof readAttempt>>,
  status = 200,
) {
  const course = await tool.programs.courseAt(attempt.contentVersion, attempt.courseId);
  res.status(status).json(attemptJson(attempt, course, tool.clock.now()));
}

/** GET /api/progress */
export function getProgress(tool: ToolContext): RequestHandler {
  return async (_req, res) => {
    res.json(progressJson(await learnerProgress(examDeps(tool), learnerOf(res))));
  };
}

/** GET /api/courses/:courseId */
export function getCourse(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const status = await courseStatus(examDeps(tool), learnerOf(res), String(req.params.courseId));
    const { course } = status;
    res.json({
      id: course.id,
      title: course.title,
      summaryHtml: course.summary ? renderMarkdown(course.summary) : null,
      learningPath: course.learningPath,
      accreditations: status.accreditationIds,
      exam: examStatusJson(course, status.exam),
      practical: practicalJson(course, status.exam),
    });
  };
}

/** POST /api/courses/:courseId/attempts: start, or resume the open attempt. */
export function postAttempt(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const { attempt, created } = await startAttempt(
      examDeps(tool),
      learnerOf(res),
      String(req.params.courseId),
      res.locals.session!.linkId,
    );
    if (created) res.location(`${tool.config.publicUrl}/api/attempts/${attempt.id}`);
    await sendAttempt(tool, res, attempt, created ? 201 : 200);
  };
}

/** GET /api/attempts/:attemptId */
export function getAttempt(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    await sendAttempt(
      tool,
      res,
      await readAttempt(examDeps(tool), learnerOf(res), String(req.params.attemptId)),
    );
  };
}

/** PUT /api/attempts/:attemptId/responses/:questionId */
export function putResponse(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const { selected } = validate(responseInputSchema, req.body, 'The response');
    const attempt = await saveResponse(
      examDeps(tool),
      learnerOf(res),
      String(req.params.attemptId),
      String(req.params.questionId),
      selected,
    );
    await sendAttempt(tool, res, attempt);
  };
}

/** POST /api/attempts/:attemptId/submit */
export function postSubmit(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    await sendAttempt(
      tool,
      res,
      await submitAttempt(examDeps(tool), learnerOf(res), String(req.params.attemptId)),
    );
  };
}

/** POST /api/courses/:courseId/learning-path-visits: records the visit, answers where to go. */
export function postLearningPathVisit(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const url = await recordLearningPathVisit(examDeps(tool), learnerOf(res), String(req.params.courseId));
    res.status(201).json({ url });
  };
}
