import { type Evaluation, isLiveClaim, sameEvaluator } from '../../domain/practical/evaluation.js';
import { afterEvaluation } from '../../domain/practical/grading-flow.js';
import { type CriterionScore, decide, scoreProblems } from '../../domain/practical/rubric-decision.js';
import { type PracticalSubmission, roleAwaited } from '../../domain/practical/submission.js';
import { AppError } from '../../errors.js';
import { gradableSubmission, notGradable } from './claim-submission.js';
import type { EvaluatorScope } from './evaluator-scope.js';
import { auditEvent, type PracticalDeps } from './practical-deps.js';

/**
 * An evaluator scores each criterion by level (with comments, optionally anchored to a time in the
 * recording) on the submission they claimed. The rubric is the one the submission was made under.
 * The decision follows from the rubric; the submission moves on (second marking, moderation, or
 * ready for release). Everything, with the audit trail and the `evaluated` statement, in one
 * transaction.
 */
export async function evaluateSubmission(
  deps: PracticalDeps,
  scope: EvaluatorScope,
  submissionId: string,
  work: { scores: readonly CriterionScore[]; comment: string | undefined },
): Promise<{ submission: PracticalSubmission; evaluation: Evaluation }> {
  const { submission, role, course } = await gradableSubmission(deps, scope, submissionId);
  const rubric = course.practical.rubric;
  const problems = scoreProblems(rubric, work.scores);
  if (problems.length > 0) {
    throw new AppError(
      'invalid_response',
      `The evaluation does not fit the rubric (version ${rubric.version}): ${problems.join('; ')}.`,
      {
        problems,
      },
    );
  }
  const now = deps.clock.now();
  const decision = decide(rubric, work.scores);
  const learnerActor = await deps.records.actorOf(submission.learner);
  const evaluatorActor = { issuer: scope.actor.issuer, subject: scope.actor.subject };

  const outcome = await deps.storage.transaction(async (repos) => {
    const current = await repos.submissions.findByIdForUpdate(submissionId);
    if (!current || roleAwaited[current.status] !== role)
      return { refused: notGradable(current ?? submission) };
    const evaluations = await repos.evaluations.listForSubmission(submissionId);
    const claim = evaluations.find((e) => e.role === role && sameEvaluator(e.evaluator, scope.actor));
    if (claim?.status !== 'claimed') {
      return {
        refused: new AppError(
          'conflict',
          'Claim the submission first (POST …/claim); then send your evaluation.',
        ),
      };
    }
    if (!isLiveClaim(claim, now)) {
      return {
        refused: new AppError(
          'conflict',
          `Your claim expired at ${claim.claimExpiresAt.toISOString()}; claim the submission again.`,
        ),
      };
    }
    await repos.evaluations.complete(claim.id, { ...work, decision }, now);
    const completed: Evaluation = { ...claim, ...work, decision, status: 'completed', completedAt: now };
    const next = afterEvaluation(
      course.practical,
      rubric,
      completed,
      evaluations.filter((e) => e.id !== claim.id),
    );
    const change =
      next.status === 'ready' ? { status: next.status, result: next.result } : { status: next.status };
    await repos.submissions.update(submissionId, [current.status], change, now);
    await repos.auditTrail.append([
      auditEvent(
        deps,
        submissionId,
        scope.actor,
        'evaluated',
        { role, scores: work.scores, comment: work.comment, decision },
        now,
      ),
      auditEvent(
        deps,
        submissionId,
        scope.actor,
        next.status === 'second_marking'
          ? 'sent_to_second_marking'
          : next.status === 'moderation'
            ? 'sent_to_moderation'
            : 'ready_for_release',
        next.status === 'moderation'
          ? { disagreement: next.disagreement }
          : next.status === 'ready'
            ? { decidedBy: next.result.evaluationId, passed: next.result.decision.passed }
            : {},
        now,
      ),
    ]);
    await repos.outbox.enqueue(
      deps.records.practicalEvaluated(evaluatorActor, learnerActor, current, completed, course),
      now,
    );
    return {
      submission: { ...current, ...change, updatedAt: now } as PracticalSubmission,
      evaluation: completed,
    };
  });
  if ('refused' in outcome && outcome.refused) throw outcome.refused;
  return outcome as { submission: PracticalSubmission; evaluation: Evaluation };
}
