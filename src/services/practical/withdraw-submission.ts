import { practicalWithdrawnGrade } from '../../domain/grade-passback/stage-grade.js';
import type { Evaluation } from '../../domain/practical/evaluation.js';
import type { PracticalSubmission } from '../../domain/practical/submission.js';
import { type Actor, auditEvent, learnerOf, onOwnSubmission, type PracticalDeps } from './practical-deps.js';

/** The learner takes a submission back: possible until an evaluator claims it. */
export async function withdrawSubmission(
  deps: PracticalDeps,
  actor: Actor,
  submissionId: string,
): Promise<PracticalSubmission> {
  const learner = learnerOf(actor);
  const now = deps.clock.now();
  return onOwnSubmission(deps, learner, submissionId, async (repos, submission) => {
    if (submission.status === 'withdrawn')
      return { refused: `Submission ${submission.number} is already withdrawn.` };
    const evaluations = await repos.evaluations.listForSubmission(submissionId);
    if (submission.status !== 'submitted' || gradingHasStarted(evaluations, now)) {
      return {
        refused: `Grading of submission ${submission.number} has started; it can no longer be withdrawn.`,
      };
    }
    if (!(await repos.submissions.update(submissionId, ['submitted'], { status: 'withdrawn' }, now)))
      return { refused: 'The submission changed meanwhile; reload it.' };
    await repos.auditTrail.append([auditEvent(deps, submissionId, actor, 'withdrawn', {}, now)]);
    const course = await deps.programs.courseAt(submission.contentVersion, submission.courseId);
    await repos.outbox.enqueue(
      await deps.records.gradeChanged(
        repos,
        learner,
        submission.linkId,
        practicalWithdrawnGrade(submission, course, now),
        course,
      ),
      now,
    );
    return { ...submission, status: 'withdrawn' as const, updatedAt: now };
  });
}

/** Grading has started once an evaluation is completed or a claim on it still holds: no withdrawing then. */
export function gradingHasStarted(evaluations: readonly Evaluation[], now: Date): boolean {
  return evaluations.some((e) => e.status === 'completed' || e.claimExpiresAt > now);
}
