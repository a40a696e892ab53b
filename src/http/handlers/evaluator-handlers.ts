import type { RequestHandler, Response } from 'express';
import { isLiveClaim, sameEvaluator } from '../../domain/practical/evaluation.js';
import {
  type PracticalSubmission,
  roleAwaited,
  type SubmissionStatus,
} from '../../domain/practical/submission.js';
import { AppError } from '../../errors.js';
import { agreementReport } from '../../services/practical/agreement-report.js';
import { calibrate, calibrationStatus } from '../../services/practical/calibrate-evaluator.js';
import { claimSubmission } from '../../services/practical/claim-submission.js';
import { evaluateSubmission } from '../../services/practical/evaluate-submission.js';
import {
  type EvaluatorScope,
  evaluatorScope,
  requireInScope,
} from '../../services/practical/evaluator-scope.js';
import { gradingQueue, queueStatuses } from '../../services/practical/grading-queue.js';
import { releaseResult } from '../../services/practical/release-result.js';
import { renderMarkdown } from '../../views/markdown.js';
import { auditJson, evaluationJson, rubricJson } from '../practical-json.js';
import { calibrationInputSchema, evaluationInputSchema } from '../schemas/practical-input.js';
import { practicalDeps } from '../service-deps.js';
import type { ToolContext } from '../tool-context.js';
import { validate } from '../validate.js';

function scopeOf(tool: ToolContext, res: Response): EvaluatorScope {
  return evaluatorScope(res.locals.session!.launch, tool.config.evaluators);
}

/** An evaluator's view of a submission: evidence, the rubric it is graded against, the evaluations so far. */
export async function evaluatorView(
  tool: ToolContext,
  scope: EvaluatorScope,
  submission: PracticalSubmission,
) {
  const course = await tool.programs.courseAt(submission.contentVersion, submission.courseId);
  const now = tool.clock.now();
  const evaluations = await tool.storage.evaluations.listForSubmission(submission.id);
  const awaiting = roleAwaited[submission.status];
  // Marking stays independent: others' scores show once decided, and to the moderator who settles it.
  const decided = submission.status === 'ready' || submission.status === 'released';
  const moderating =
    submission.status === 'moderation' &&
    evaluations.some(
      (e) => e.role === 'moderator' && isLiveClaim(e, now) && sameEvaluator(e.evaluator, scope.actor),
    );
  return {
    id: submission.id,
    courseId: submission.courseId,
    courseTitle: course.title,
    learner: { subject: submission.learner.subject, name: submission.learnerName ?? null },
    number: submission.number,
    status: submission.status,
    awaiting: awaiting ?? (submission.status === 'ready' ? ('release' as const) : null),
    submittedAt: submission.submittedAt.toISOString(),
    evidence: { links: submission.evidence.links, notes: submission.evidence.notes ?? null },
    instructionsHtml: renderMarkdown(course.practical.instructions),
    rubric: rubricJson(course),
    appeal: submission.appealedAt
      ? { appealedAt: submission.appealedAt.toISOString(), reason: submission.appealReason ?? null }
      : null,
    result: submission.result ?? null,
    evaluations: evaluations
      .filter((e) => e.status === 'completed' || isLiveClaim(e, now))
      .map((e) =>
        evaluationJson(course, e, decided || moderating || sameEvaluator(e.evaluator, scope.actor)),
      ),
  };
}

/** GET /api/evaluator/queue?courseId=&status=&minWaitingHours= */
export function getQueue(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const scope = scopeOf(tool, res);
    const { courseId, status, minWaitingHours } = req.query;
    if (status !== undefined && !queueStatuses.includes(String(status) as SubmissionStatus)) {
      throw new AppError(
        'invalid_request',
        `status must be one of ${queueStatuses.join(', ')}, not '${String(status)}'.`,
      );
    }
    if (courseId !== undefined && !tool.programs.current.courses.some((c) => c.id === String(courseId))) {
      throw new AppError('invalid_request', `There is no course '${String(courseId)}'.`);
    }
    const hours = minWaitingHours === undefined ? undefined : Number(minWaitingHours);
    if (hours !== undefined && !(Number.isFinite(hours) && hours >= 0)) {
      throw new AppError('invalid_request', 'minWaitingHours must be a number of hours of at least 0.');
    }
    const entries = await gradingQueue(practicalDeps(tool), scope, {
      courseId: courseId === undefined ? undefined : String(courseId),
      status: status as SubmissionStatus | undefined,
      minWaitingHours: hours,
    });
    res.json({
      entries: entries.map((e) => ({
        id: e.submission.id,
        courseId: e.submission.courseId,
        learner: { subject: e.submission.learner.subject, name: e.submission.learnerName ?? null },
        number: e.submission.number,
        status: e.submission.status,
        awaiting: e.awaiting,
        submittedAt: e.submission.submittedAt.toISOString(),
        waitingMinutes: e.waitingMinutes,
        claim: e.claim
          ? {
              by: { subject: e.claim.evaluator.subject, name: e.claim.evaluator.name ?? null },
              until: e.claim.claimExpiresAt.toISOString(),
              mine: sameEvaluator(e.claim.evaluator, scope.actor),
            }
          : null,
        canTake: e.canTake,
      })),
    });
  };
}

/** GET /api/evaluator/submissions/:submissionId */
export function getSubmissionForEvaluator(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const scope = scopeOf(tool, res);
    const id = String(req.params.submissionId);
    const submission = requireInScope(scope, await tool.storage.submissions.findById(id), id);
    res.json(await evaluatorView(tool, scope, submission));
  };
}

/** POST /api/evaluator/submissions/:submissionId/claim */
export function postClaim(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const scope = scopeOf(tool, res);
    const { submission, created } = await claimSubmission(
      practicalDeps(tool),
      scope,
      String(req.params.submissionId),
    );
    res.status(created ? 201 : 200).json(await evaluatorView(tool, scope, submission));
  };
}

/** PUT /api/evaluator/submissions/:submissionId/evaluation */
export function putEvaluation(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const scope = scopeOf(tool, res);
    const input = validate(evaluationInputSchema, req.body, 'The evaluation');
    const { submission } = await evaluateSubmission(
      practicalDeps(tool),
      scope,
      String(req.params.submissionId),
      {
        scores: input.scores.map((s) => ({
          criterionId: s.criterionId,
          levelId: s.levelId,
          comment: s.comment,
          anchor: s.at,
        })),
        comment: input.comment,
      },
    );
    res.json(await evaluatorView(tool, scope, submission));
  };
}

/** POST /api/evaluator/submissions/:submissionId/release */
export function postRelease(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const scope = scopeOf(tool, res);
    const { submission, certification } = await releaseResult(
      practicalDeps(tool),
      scope,
      String(req.params.submissionId),
    );
    res.json({
      ...(await evaluatorView(tool, scope, submission)),
      certified: certification ? certification.certifiedAt.toISOString() : null,
    });
  };
}

/** GET /api/evaluator/submissions/:submissionId/audit */
export function getAudit(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const scope = scopeOf(tool, res);
    const id = String(req.params.submissionId);
    requireInScope(scope, await tool.storage.submissions.findById(id), id);
    res.json({ events: (await tool.storage.auditTrail.listForSubmission(id)).map(auditJson) });
  };
}

/** GET /api/evaluator/calibration/:courseId */
export function getCalibration(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const scope = scopeOf(tool, res);
    const status = await calibrationStatus(practicalDeps(tool), scope, String(req.params.courseId));
    res.json({
      courseId: status.course.id,
      rubric: rubricJson(status.course),
      calibrated: status.calibrated,
      references: status.references.map((r) => ({
        id: r.id,
        title: r.title,
        evidence: {
          links: r.evidence.links,
          notesHtml: r.evidence.notes ? renderMarkdown(r.evidence.notes) : null,
        },
        // The agreed levels show only once this evaluator has scored the reference.
        runs: status.runs
          .filter((run) => run.referenceId === r.id)
          .map((run) => ({ at: run.at.toISOString(), levels: run.levels, closeness: run.closeness })),
      })),
    });
  };
}

/** POST /api/evaluator/calibration/:courseId/:referenceId */
export function postCalibration(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const scope = scopeOf(tool, res);
    const { levels } = validate(calibrationInputSchema, req.body, 'The calibration');
    const closeness = await calibrate(
      practicalDeps(tool),
      scope,
      String(req.params.courseId),
      String(req.params.referenceId),
      levels,
    );
    res.status(201).json(closeness);
  };
}

/** GET /api/evaluator/reports/agreement?courseId= */
export function getAgreementReport(tool: ToolContext): RequestHandler {
  return async (req, res) => {
    const scope = scopeOf(tool, res);
    const courseId = req.query.courseId === undefined ? undefined : String(req.query.courseId);
    if (courseId !== undefined && !tool.programs.current.courses.some((c) => c.id === courseId)) {
      throw new AppError('invalid_request', `There is no course '${courseId}'.`);
    }
    res.json({
      courseId: courseId ?? null,
      ...(await agreementReport(practicalDeps(tool), scope, courseId)),
    });
  };
}
