import type { RequestHandler } from 'express';
import { AppError } from '../../errors.js';
import { calibrationStatus } from '../../services/practical/calibrate-evaluator.js';
import { claimSubmission } from '../../services/practical/claim-submission.js';
import { evaluateSubmission } from '../../services/practical/evaluate-submission.js';
import { type EvaluatorScope, requireInScope } from '../../services/practical/evaluator-scope.js';
import { releaseResult } from '../../services/practical/release-result.js';
import {
  type EvaluatorSubmissionPageView,
  evaluatorSubmissionPage,
} from '../../views/pages/evaluator-submission-page.js';
import type { PageLinks } from '../../views/pages/page-links.js';
import { strings } from '../../views/strings.js';
import { readEvaluationForm } from '../forms/evaluation-form.js';
import { auditJson } from '../practical-json.js';
import { readForm } from '../read-form.js';
import { practicalDeps } from '../service-deps.js';
import type { ToolContext } from '../tool-context.js';
import { evaluatorView } from './evaluator-handlers.js';
import { evaluatorPage } from './evaluator-page-handler.js';
import type { PageOutcome } from './page-handler.js';

type Extra = Pick<EvaluatorSubmissionPageView, 'notice' | 'gradingForm'>;

/** The page's view: the API's evaluator view (which keeps double marking independent), and more. */
async function pageView(
  tool: ToolContext,
  scope: EvaluatorScope,
  submissionId: string,
  extra: Extra = {},
): Promise<EvaluatorSubmissionPageView> {
  const submission = requireInScope(
    scope,
    await tool.storage.submissions.findById(submissionId),
    submissionId,
  );
  const view = await evaluatorView(tool, scope, submission);
  const mine = (e: (typeof view.evaluations)[number]) => e.evaluator.subject === scope.actor.subject;
  const claim = view.evaluations.find(
    (e) => e.status === 'claimed' && mine(e) && e.role === view.awaiting && e.claimExpiresAt,
  );
  const role = view.awaiting !== 'release' ? view.awaiting : null;
  const heldByOther = view.evaluations.some((e) => e.status === 'claimed' && e.role === role && !mine(e));
  const evaluatedBefore = view.evaluations.some((e) => e.status === 'completed' && mine(e));
  const calibration = await calibrationStatus(practicalDeps(tool), scope, submission.courseId).catch(
    () => undefined,
  );
  return {
    submission: view,
    myClaim: claim && role ? { role, until: claim.claimExpiresAt! } : null,
    canClaim: role !== null && !claim && !heldByOther && (role === 'first' || !evaluatedBefore),
    calibrationNeeded: calibration !== undefined && !calibration.calibrated,
    audit: (await tool.storage.auditTrail.listForSubmission(submissionId)).map(auditJson),
    ...extra,
  };
}

/** Refusals shown on the submission page itself (409 taken or changed, 403 calibrate first). */
async function refusedInPlace(
  tool: ToolContext,
  scope: EvaluatorScope,
  id: string,
  links: PageLinks,
  err: unknown,
  extra: Extra = {},
): Promise<PageOutcome> {
  if (!(err instanceof AppError) || !['conflict', 'forbidden', 'invalid_response'].includes(err.code))
    throw err;
  const view = await pageView(tool, scope, id, { notice: { text: err.message, problem: true }, ...extra });
  return { html: evaluatorSubmissionPage(view, links), status: err.status };
}

/** GET /evaluator/submissions/:submissionId */
export function evaluatorSubmissionPageHandler(tool: ToolContext): RequestHandler {
  return evaluatorPage(tool, async (req, { scope, links }) => {
    const view = await pageView(tool, scope, String(req.params.submissionId));
    const done = req.query.done;
    // A claim is confirmed where the grading form starts; evaluating and releasing here.
    const notice =
      done === 'evaluated'
        ? strings.evaluator.evaluatedNotice
        : done === 'released' && view.submission.status === 'released'
          ? strings.evaluator.releasedNotice
          : undefined;
    return {
      html: evaluatorSubmissionPage(
        notice ? { ...view, notice: { text: notice, problem: false } } : view,
        links,
      ),
    };
  });
}

/** POST /evaluator/submissions/:submissionId/claim: then grade it on its page. */
export function claimPageHandler(tool: ToolContext): RequestHandler {
  return evaluatorPage(tool, async (req, { scope, links }) => {
    const id = String(req.params.submissionId);
    try {
      await claimSubmission(practicalDeps(tool), scope, id);
    } catch (err) {
      return refusedInPlace(tool, scope, id, links, err);
    }
    return { redirect: links.evaluatorSubmission(id, 'claimed') };
  });
}

/** POST /evaluator/submissions/:submissionId/evaluation: the grading form. */
export function evaluatePageHandler(tool: ToolContext): RequestHandler {
  return evaluatorPage(tool, async (req, { scope, links }) => {
    const id = String(req.params.submissionId);
    const before = await pageView(tool, scope, id);
    const form = readEvaluationForm(await readForm(req, req.res!), before.submission.rubric);
    if (!form.ok) {
      const view = { ...before, gradingForm: { values: form.values, problems: { fields: form.problems } } };
      return { html: evaluatorSubmissionPage(view, links), status: 422 };
    }
    try {
      await evaluateSubmission(practicalDeps(tool), scope, id, form.work);
    } catch (err) {
      return refusedInPlace(tool, scope, id, links, err);
    }
    return { redirect: links.evaluatorSubmission(id, 'evaluated') };
  });
}

/** POST /evaluator/submissions/:submissionId/release */
export function releasePageHandler(tool: ToolContext): RequestHandler {
  return evaluatorPage(tool, async (req, { scope, links }) => {
    const id = String(req.params.submissionId);
    try {
      await releaseResult(practicalDeps(tool), scope, id);
    } catch (err) {
      return refusedInPlace(tool, scope, id, links, err);
    }
    return { redirect: links.evaluatorSubmission(id, 'released') };
  });
}
