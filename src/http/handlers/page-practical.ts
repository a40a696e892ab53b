import type { RequestHandler } from 'express';
import { hasPassed } from '../../domain/practical/submission.js';
import type { Session } from '../../domain/session.js';
import type { Actor } from '../../services/practical/practical-deps.js';
import { practicalStanding } from '../../services/practical/practical-standing.js';
import { gradingHasStarted } from '../../services/practical/withdraw-submission.js';
import { renderMarkdown } from '../../views/markdown.js';
import type { PracticalPageView } from '../../views/pages/practical-page.js';
import { practicalPage } from '../../views/pages/practical-page.js';
import { strings } from '../../views/strings.js';
import { rubricJson } from '../practical-json.js';
import { practicalDeps } from '../service-deps.js';
import type { ToolContext } from '../tool-context.js';
import { sessionPage } from './page-handler.js';
import { submissionView } from './practical-learner-handlers.js';

const notices = {
  submitted: strings.practical.submitted,
  withdrawn: strings.practical.withdrawn,
  appealed: strings.practical.appealSent,
} as const;

export function actorOfSession(session: Session): Actor {
  const { launch } = session;
  return { platformId: launch.platformId, issuer: launch.issuer, subject: launch.subject, name: launch.name };
}

/** What the learner's practical page shows, from the same services and views as the JSON API. */
export async function practicalView(
  tool: ToolContext,
  session: Session,
  courseId: string,
  extra: Partial<Pick<PracticalPageView, 'notice' | 'evidenceForm' | 'appealForm'>> = {},
): Promise<PracticalPageView> {
  const actor = actorOfSession(session);
  const standing = await practicalStanding(practicalDeps(tool), actor, courseId);
  const { course } = standing;
  const shown = standing.current ?? [...standing.submissions].reverse().find((s) => s.status !== 'withdrawn');
  const canWithdraw =
    shown?.status === 'submitted' &&
    !gradingHasStarted(await tool.storage.evaluations.listForSubmission(shown.id), tool.clock.now());
  const views = await Promise.all(standing.submissions.map((s) => submissionView(tool, s)));
  return {
    courseId: course.id,
    courseTitle: course.title,
    title: course.practical.title,
    open: standing.writtenPassed !== undefined,
    instructionsHtml: renderMarkdown(course.practical.instructions),
    evidenceKinds: course.practical.evidence,
    rubric: rubricJson(course),
    shown: views.find((v) => v.id === shown?.id) ?? null,
    earlier: views.filter((v) => v.id !== shown?.id).reverse(),
    canWithdraw,
    canSubmit:
      standing.writtenPassed !== undefined &&
      !standing.submissions.some(hasPassed) &&
      standing.current === undefined,
    certifiedAt: standing.certification?.certifiedAt.toISOString() ?? null,
    ...extra,
  };
}

/** GET /courses/:courseId/practical: instructions, rubric, evidence form, status, result, appeal. */
export function practicalPageHandler(tool: ToolContext): RequestHandler {
  return sessionPage(tool, async (req, { session, links }) => {
    const done = req.query.done;
    const notice =
      typeof done === 'string' && done in notices ? notices[done as keyof typeof notices] : undefined;
    const view = await practicalView(tool, session, String(req.params.courseId), { notice });
    return { html: practicalPage(view, links) };
  });
}
