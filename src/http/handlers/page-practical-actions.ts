import type { RequestHandler } from 'express';
import { AppError } from '../../errors.js';
import { appealResult } from '../../services/practical/appeal-result.js';
import { requireOwnSubmission } from '../../services/practical/practical-deps.js';
import { submitEvidence } from '../../services/practical/submit-evidence.js';
import { withdrawSubmission } from '../../services/practical/withdraw-submission.js';
import { practicalPage } from '../../views/pages/practical-page.js';
import { strings } from '../../views/strings.js';
import { readEvidenceForm } from '../forms/evidence-form.js';
import { field } from '../forms/form-fields.js';
import { readForm } from '../read-form.js';
import { appealInputSchema } from '../schemas/practical-input.js';
import { practicalDeps } from '../service-deps.js';
import type { ToolContext } from '../tool-context.js';
import { sessionPage } from './page-handler.js';
import { actorOfSession, practicalView } from './page-practical.js';

/** Refusals the practical page explains in place (the learner stays on it); anything else is an error page. */
function explainedInPlace(err: unknown): err is AppError {
  return err instanceof AppError && (err.code === 'conflict' || err.code === 'invalid_response');
}

/**
 * POST /courses/:courseId/practical/submissions: the evidence form. Problems come back on the page
 * (422) with each field named; a submission goes on to the practical page (303).
 */
export function submitPracticalPageHandler(tool: ToolContext): RequestHandler {
  return sessionPage(tool, async (req, { session, links }) => {
    const courseId = String(req.params.courseId);
    const course = tool.programs.course(courseId);
    const form = readEvidenceForm(await readForm(req, req.res!), course.practical.evidence);
    if (!form.ok) {
      const view = await practicalView(tool, session, courseId, {
        evidenceForm: { values: form.values, problems: { fields: form.problems } },
      });
      return { html: practicalPage(view, links), status: 422 };
    }
    try {
      await submitEvidence(practicalDeps(tool), actorOfSession(session), courseId, form.evidence, {
        linkId: session.linkId,
        contextId: session.launch.context?.id,
      });
    } catch (err) {
      if (!explainedInPlace(err)) throw err;
      const values = {
        links: form.evidence.links.map((l) => ({ url: l.url, title: l.title ?? '' })),
        notes: form.evidence.notes ?? '',
      };
      // Evidence of a kind the course does not take is the form's problem; a conflict (one
      // submission counts at a time) is the page's.
      const view = await practicalView(
        tool,
        session,
        courseId,
        err.code === 'invalid_response'
          ? { evidenceForm: { values, problems: { fields: [], general: err.message } } }
          : { notice: err.message },
      );
      return { html: practicalPage(view, links), status: err.status };
    }
    return { redirect: links.practical(courseId, 'submitted') };
  });
}

/** POST /practical-submissions/:submissionId/withdraw: until grading starts. */
export function withdrawPageHandler(tool: ToolContext): RequestHandler {
  return sessionPage(tool, async (req, { session, links }) => {
    const id = String(req.params.submissionId);
    const actor = actorOfSession(session);
    const own = requireOwnSubmission(await tool.storage.submissions.findById(id), id, actor);
    try {
      await withdrawSubmission(practicalDeps(tool), actor, id);
    } catch (err) {
      if (!explainedInPlace(err)) throw err;
      const view = await practicalView(tool, session, own.courseId, { notice: err.message });
      return { html: practicalPage(view, links), status: err.status };
    }
    return { redirect: links.practical(own.courseId, 'withdrawn') };
  });
}

/** POST /practical-submissions/:submissionId/appeal: a reason, within the appeal window. */
export function appealPageHandler(tool: ToolContext): RequestHandler {
  return sessionPage(tool, async (req, { session, links }) => {
    const id = String(req.params.submissionId);
    const actor = actorOfSession(session);
    const own = requireOwnSubmission(await tool.storage.submissions.findById(id), id, actor);
    const reason = field(await readForm(req, req.res!), 'reason');
    const parsed = appealInputSchema.safeParse({ reason });
    if (!parsed.success) {
      const view = await practicalView(tool, session, own.courseId, {
        appealForm: {
          reason,
          problems: { fields: [{ field: 'reason', message: strings.practical.errors.appeal }] },
        },
      });
      return { html: practicalPage(view, links), status: 422 };
    }
    try {
      await appealResult(practicalDeps(tool), actor, id, parsed.data.reason);
    } catch (err) {
      if (!explainedInPlace(err)) throw err;
      const view = await practicalView(tool, session, own.courseId, { notice: err.message });
      return { html: practicalPage(view, links), status: err.status };
    }
    return { redirect: links.practical(own.courseId, 'appealed') };
  });
}
