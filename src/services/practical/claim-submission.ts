import type { Course } from '../../domain/content/program.js';
import { type Evaluation, isLiveClaim, sameEvaluator } from '../../domain/practical/evaluation.js';
import {
  type EvaluationRole,
  type PracticalSubmission,
  roleAwaited,
} from '../../domain/practical/submission.js';
import { AppError } from '../../errors.js';
import { type EvaluatorScope, requireInScope } from './evaluator-scope.js';
import { auditEvent, type PracticalDeps } from './practical-deps.js';

const roleWords = {
  first: 'the first evaluation',
  second: 'the independent second marking',
  moderator: 'the moderation',
  appeal: 'the appeal',
} as const;

/**
 * An evaluator takes a submission for the evaluation it waits for. The claim holds for
 * EVALUATION_CLAIM_MINUTES; an abandoned one gives way. Of two evaluators claiming at once, one
 * wins and the other gets 409. Second marking, moderation and appeals need someone who has not
 * evaluated it yet; calibration on the course's reference submissions comes first when it has any.
 */
export async function claimSubmission(
  deps: PracticalDeps,
  scope: EvaluatorScope,
  submissionId: string,
): Promise<{ submission: PracticalSubmission; evaluation: Evaluation; created: boolean }> {
  const { submission, role, course } = await gradableSubmission(deps, scope, submissionId);
  const now = deps.clock.now();
  const evaluations = await deps.storage.evaluations.listForSubmission(submissionId);
  const mine = evaluations.find((e) => e.role === role && sameEvaluator(e.evaluator, scope.actor));
  if (mine && isLiveClaim(mine, now)) return { submission, evaluation: mine, created: false };
  if (
    role !== 'first' &&
    evaluations.some((e) => e.status === 'completed' && sameEvaluator(e.evaluator, scope.actor))
  ) {
    throw new AppError(
      'forbidden',
      `You have evaluated this submission already; ${roleWords[role]} needs a different evaluator.`,
    );
  }
  await requireCalibrated(deps, scope, course, submission.rubricVersion);

  const evaluation: Evaluation = {
    id: deps.ids.uuid(),
    submissionId,
    role,
    evaluator: { platformId: scope.actor.platformId, subject: scope.actor.subject, name: scope.actor.name },
    rubricVersion: submission.rubricVersion,
    status: 'claimed',
    claimedAt: now,
    claimExpiresAt: new Date(now.getTime() + deps.settings.claimMinutes * 60_000),
    scores: [],
    comment: undefined,
    decision: undefined,
    completedAt: undefined,
  };
  const claimed = await deps.storage.transaction(async (repos) => {
    const current = await repos.submissions.findByIdForUpdate(submissionId);
    if (!current || roleAwaited[current.status] !== role) return 'changed';
    const outcome = await repos.evaluations.claim(evaluation, now);
    if (outcome === 'claimed') {
      await repos.auditTrail.append([
        auditEvent(
          deps,
          submissionId,
          scope.actor,
          'claimed',
          { role, until: evaluation.claimExpiresAt.toISOString() },
          now,
        ),
      ]);
    }
    return outcome;
  });
  if (claimed === 'changed')
    throw new AppError('conflict', 'The submission changed meanwhile; reload the queue.');
  if (claimed === 'taken') {
    const holder = (await deps.storage.evaluations.listForSubmission(submissionId)).find(
      (e) => e.role === role,
    );
    throw new AppError(
      'conflict',
      holder?.status === 'claimed'
        ? `${holder.evaluator.name ?? 'Another evaluator'} has claimed this submission until ${holder.claimExpiresAt.toISOString()}; pick another one.`
        : `Another evaluator has done ${roleWords[role]} of this submission already.`,
    );
  }
  return { submission, evaluation, created: true };
}

/**
 * The submission, when the evaluator may act on it and it waits for an evaluation: with the role
 * it waits for and the course as it was when submitted (its rubric). 404, 403 or 409 otherwise.
 */
export async function gradableSubmission(
  deps: PracticalDeps,
  scope: EvaluatorScope,
  submissionId: string,
): Promise<{ submission: PracticalSubmission; role: EvaluationRole; course: Course }> {
  const submission = requireInScope(
    scope,
    await deps.storage.submissions.findById(submissionId),
    submissionId,
  );
  const role = roleAwaited[submission.status];
  if (!role) throw notGradable(submission);
  const course = await deps.programs.courseAt(submission.contentVersion, submission.courseId);
  return { submission, role, course };
}

export function notGradable(submission: PracticalSubmission): AppError {
  const why: Record<string, string> = {
    withdrawn: 'was withdrawn by the learner',
    ready: 'is graded and waits to be released',
    released: 'has been graded and released',
  };
  return new AppError(
    'conflict',
    `Submission ${submission.number} ${why[submission.status] ?? `is ${submission.status}`}; there is nothing to grade.`,
  );
}

async function requireCalibrated(
  deps: PracticalDeps,
  scope: EvaluatorScope,
  course: Course,
  rubricVersion: string,
): Promise<void> {
  const references = course.practical.calibration;
  if (references.length === 0) return;
  const runs = await deps.storage.calibrations.listFor(scope.actor, course.id);
  const done = new Set(runs.filter((r) => r.rubricVersion === rubricVersion).map((r) => r.referenceId));
  const missing = references.filter((r) => !done.has(r.id));
  if (missing.length > 0) {
    throw new AppError(
      'forbidden',
      `Calibrate first: score the ${course.title} reference submission${missing.length > 1 ? 's' : ''} ${missing.map((r) => `'${r.id}'`).join(', ')} on the course's calibration page before grading live ones.`,
      { calibration: `/api/evaluator/calibration/${course.id}`, missing: missing.map((r) => r.id) },
    );
  }
}
