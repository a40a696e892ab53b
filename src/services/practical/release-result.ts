import type { Course } from '../../domain/content/program.js';
import { practicalReleasedGrade } from '../../domain/grade-passback/stage-grade.js';
import type { Certification } from '../../domain/practical/certification.js';
import type { PracticalSubmission } from '../../domain/practical/submission.js';
import { AppError } from '../../errors.js';
import type { RecordActor } from '../../ports/learning-records.js';
import type { Repositories } from '../../ports/storage.js';
import { type EvaluatorScope, requireInScope } from './evaluator-scope.js';
import { auditEvent, type PracticalDeps } from './practical-deps.js';

/**
 * An evaluator releases a decided result to the learner. In one transaction: the submission is
 * released, the gradebook gets the rubric score with the deciding evaluator's comment, the LRS
 * hears passed or failed; and when it passed and the written exam did too, the course is certified
 * (with the content version and both results), and an accreditation whose courses are now all
 * certified is earned.
 */
export async function releaseResult(
  deps: PracticalDeps,
  scope: EvaluatorScope,
  submissionId: string,
): Promise<{ submission: PracticalSubmission; certification: Certification | undefined }> {
  const submission = requireInScope(
    scope,
    await deps.storage.submissions.findById(submissionId),
    submissionId,
  );
  if (submission.status !== 'ready') throw notReleasable(submission);
  const course = await deps.programs.courseAt(submission.contentVersion, submission.courseId);
  const learnerActor = await deps.records.actorOf(submission.learner);
  const now = deps.clock.now();

  const outcome = await deps.storage.transaction(async (repos) => {
    const current = await repos.submissions.findByIdForUpdate(submissionId);
    if (current?.status !== 'ready' || !current.result)
      return { refused: notReleasable(current ?? submission) };
    await repos.submissions.update(submissionId, ['ready'], { status: 'released', releasedAt: now }, now);
    const released: PracticalSubmission = { ...current, status: 'released', releasedAt: now, updatedAt: now };
    const deciding = (await repos.evaluations.listForSubmission(submissionId)).find(
      (e) => e.id === current.result!.evaluationId,
    );
    await repos.auditTrail.append([
      auditEvent(
        deps,
        submissionId,
        scope.actor,
        'released',
        { passed: current.result.decision.passed },
        now,
      ),
    ]);
    await repos.outbox.enqueue(deps.records.practicalReleased(learnerActor, released, course, now), now);
    const grade = practicalReleasedGrade(released, deciding?.comment, course, now);
    if (grade) {
      await repos.outbox.enqueue(
        await deps.records.gradeChanged(repos, released.learner, released.linkId, grade, course),
        now,
      );
    }
    const certification = current.result.decision.passed
      ? await certify(deps, repos, released, course, learnerActor, now)
      : undefined;
    return { submission: released, certification };
  });
  if ('refused' in outcome && outcome.refused) throw outcome.refused;
  return outcome as { submission: PracticalSubmission; certification: Certification | undefined };
}

async function certify(
  deps: PracticalDeps,
  repos: Repositories,
  submission: PracticalSubmission,
  course: Course,
  actor: RecordActor,
  now: Date,
): Promise<Certification | undefined> {
  const written = (await repos.attempts.listForLearner(submission.learner, submission.courseId)).find(
    (a) => a.status === 'submitted' && a.result?.passed,
  );
  if (!written?.result || !submission.result) return undefined;
  const certification: Certification = {
    learner: submission.learner,
    courseId: submission.courseId,
    contentVersion: submission.contentVersion,
    writtenAttemptId: written.id,
    written: written.result,
    submissionId: submission.id,
    practical: submission.result,
    certifiedAt: now,
  };
  if (!(await repos.certifications.insertIfAbsent(certification))) return undefined;
  await repos.outbox.enqueue(deps.records.courseCertified(actor, course, now), now);
  const certified = new Set(
    (await repos.certifications.listForLearner(submission.learner)).map((c) => c.courseId),
  );
  for (const accreditation of deps.programs.current.accreditations) {
    if (
      accreditation.courseIds.includes(course.id) &&
      accreditation.courseIds.every((id) => certified.has(id))
    ) {
      await repos.outbox.enqueue(deps.records.accreditationEarned(actor, accreditation, course, now), now);
    }
  }
  return certification;
}

function notReleasable(submission: PracticalSubmission): AppError {
  return new AppError(
    'conflict',
    submission.status === 'released'
      ? `Submission ${submission.number} has been released already.`
      : submission.status === 'withdrawn'
        ? `Submission ${submission.number} was withdrawn by the learner; there is no result to release.`
        : `Submission ${submission.number} is still being graded (${submission.status.replace('_', ' ')}); release it once it is decided.`,
  );
}
