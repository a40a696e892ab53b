import type { RequestHandler, Response } from 'express';
import type { Evaluation } from '../../domain/practical/evaluation.js';
import type { PracticalSubmission } from '../../domain/practical/submission.js';
import { appealResult } from '../../services/practical/appeal-result.js';
import { type Actor, requireOwnSubmission } from '../../services/practical/practical-deps.js';
import { lockedMessage, practicalStanding } from '../../services/practical/practical-standing.js';
import { submitEvidence } from '../../services/practical/submit-evidence.js';
import { withdrawSubmission } from '../../services/practical/withdraw-submission.js';
import { renderMarkdown } from '../../views/markdown.js';
import { learnerSubmissionJson, rubricJson } from '../practical-json.js';
import { appealInputSchema, evidenceInputSchema } from '../schemas/practical-input.js';
import { practicalDeps } from '../service-deps.js';
import type { ToolContext } from '../tool-context.js';
import { validate } from '../validate.js';

export function actorOf(res: Response): Actor {
  const { launch } = res.locals.session!;
  return { platformId: launch.platformId, issuer: launch.issuer, subject: launch.subject, name: launch.name };
}

/** A submission as its learner sees it (the result once released). */
export async function submissionView(tool: ToolContext, submission: PracticalSubmission) {
  const course = await tool.programs.courseAt(submission.contentVersion, submission.courseId);
  let deciding: Evaluation | undefined;
  if (submission.result) {
    deciding = (await tool.storage.evaluations.listForSubmission(submission.id)).find(
      (e) => e.id === submission.result!.evaluationId,
    );
  }
  return learnerSubmissionJson(submission, course, deciding, tool.clock.now());
}

/** GET /api/courses/:courseId/practical: instructions, rubric, and where the learner stands. */
export function getPractical(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const actor = actorOf(res);
    const standing = await practicalStanding(practicalDeps(tool), actor, String(req.params.courseId));
    const { course } = standing;
    res.json({
      courseId: course.id,
      title: course.practical.title,
      open: standing.writtenPassed !== undefined,
      message: standing.writtenPassed ? null : lockedMessage(course),
      instructionsHtml: renderMarkdown(course.practical.instructions),
      evidence: course.practical.evidence,
      rubric: rubricJson(course),
      current: standing.current ? await submissionView(tool, standing.current) : null,
      submissions: await Promise.all(standing.submissions.map((s) => submissionView(tool, s))),
      certification: standing.certification
        ? {
            certifiedAt: standing.certification.certifiedAt.toISOString(),
            contentVersion: standing.certification.contentVersion,
            written: standing.certification.written,
            practical: standing.certification.practical,
          }
        : null,
    });
  };
}

/** POST /api/courses/:courseId/practical/submissions */
export function postSubmission(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const input = validate(evidenceInputSchema, req.body, 'The evidence');
    const session = res.locals.session!;
    const submission = await submitEvidence(
      practicalDeps(tool),
      actorOf(res),
      String(req.params.courseId),
      { links: input.links.map((l) => ({ url: l.url, title: l.title })), notes: input.notes },
      { linkId: session.linkId, contextId: session.launch.context?.id },
    );
    res
      .status(201)
      .location(`${tool.config.publicUrl}/api/practical-submissions/${submission.id}`)
      .json(await submissionView(tool, submission));
  };
}

/** GET /api/practical-submissions/:submissionId (the learner's own) */
export function getOwnSubmission(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const id = String(req.params.submissionId);
    const submission = requireOwnSubmission(await tool.storage.submissions.findById(id), id, actorOf(res));
    res.json(await submissionView(tool, submission));
  };
}

/** POST /api/practical-submissions/:submissionId/withdraw */
export function postWithdraw(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const submission = await withdrawSubmission(
      practicalDeps(tool),
      actorOf(res),
      String(req.params.submissionId),
    );
    res.json(await submissionView(tool, submission));
  };
}

/** POST /api/practical-submissions/:submissionId/appeal */
export function postAppeal(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const { reason } = validate(appealInputSchema, req.body, 'The appeal');
    const submission = await appealResult(
      practicalDeps(tool),
      actorOf(res),
      String(req.params.submissionId),
      reason,
    );
    res.json(await submissionView(tool, submission));
  };
}
