import type { PracticalSubmission } from '../../domain/practical/submission.js';
import { type Actor, auditEvent, learnerOf, onOwnSubmission, type PracticalDeps } from './practical-deps.js';

/**
 * The learner appeals a released result within the course's appeal window, once per submission.
 * A different evaluator then grades it against the rubric version the first grade used.
 */
export async function appealResult(
  deps: PracticalDeps,
  actor: Actor,
  submissionId: string,
  reason: string,
): Promise<PracticalSubmission> {
  const learner = learnerOf(actor);
  const now = deps.clock.now();
  return onOwnSubmission(deps, learner, submissionId, async (repos, submission) => {
    const course = await deps.programs.courseAt(submission.contentVersion, submission.courseId);
    if (submission.appealedAt)
      return { refused: 'This result has been appealed already; an appeal is heard once.' };
    if (submission.status !== 'released' || !submission.releasedAt)
      return { refused: 'Only a released result can be appealed; this one is not released yet.' };
    const days = course.practical.appealWindowDays;
    const closes = new Date(submission.releasedAt.getTime() + days * 86_400_000);
    if (days === 0 || now >= closes) {
      return {
        refused:
          days === 0
            ? `The ${course.title} practical takes no appeals.`
            : `The appeal window closed at ${closes.toISOString()} (${days} days after the result was released).`,
      };
    }
    const change = { status: 'appealed' as const, appealedAt: now, appealReason: reason };
    if (!(await repos.submissions.update(submissionId, ['released'], change, now)))
      return { refused: 'The submission changed meanwhile; reload it.' };
    await repos.auditTrail.append([auditEvent(deps, submissionId, actor, 'appealed', { reason }, now)]);
    return { ...submission, ...change, updatedAt: now };
  });
}
