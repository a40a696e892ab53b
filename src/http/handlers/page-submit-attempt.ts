import type { RequestHandler } from 'express';
import type { Attempt } from '../../domain/exam/attempt.js';
import { AppError } from '../../errors.js';
import { readAttempt } from '../../services/exam/read-attempt.js';
import { saveResponse } from '../../services/exam/save-response.js';
import { submitAttempt } from '../../services/exam/submit-attempt.js';
import { readForm } from '../read-form.js';
import { examDeps } from '../service-deps.js';
import type { ToolContext } from '../tool-context.js';
import { sessionPage } from './page-handler.js';

/**
 * POST /attempts/:attemptId/submit: the exam form. It carries every answer, so a learner without
 * scripts (or whose last autosave did not get through) loses nothing: answers that differ from the
 * saved ones are saved first, then the attempt is submitted and the browser goes to the result.
 * An attempt the deadline or another tab already closed just shows its result.
 */
export function submitAttemptPageHandler(tool: ToolContext): RequestHandler {
  return sessionPage(tool, async (req, { learner, links }) => {
    const form = await readForm(req, req.res!);
    const deps = examDeps(tool);
    const attempt = await readAttempt(deps, learner, String(req.params.attemptId));
    if (attempt.status === 'in_progress') {
      await ignoringClosed(async () => {
        for (const [questionId, selected] of changedAnswers(attempt, form)) {
          await saveResponse(deps, learner, attempt.id, questionId, selected);
        }
        await submitAttempt(deps, learner, attempt.id);
      });
    }
    return { redirect: links.attempt(attempt.id) };
  });
}

function changedAnswers(attempt: Attempt, form: Record<string, string | string[]>): [string, string[]][] {
  return attempt.items.flatMap(({ questionId }) => {
    const posted = form[`answer:${questionId}`];
    const selected = posted === undefined ? [] : Array.isArray(posted) ? posted : [posted];
    const saved = attempt.responses[questionId]?.selected ?? [];
    const same = saved.length === selected.length && selected.every((id) => saved.includes(id));
    return same ? [] : [[questionId, selected] as [string, string[]]];
  });
}

async function ignoringClosed(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'attempt_closed')) throw err;
  }
}
