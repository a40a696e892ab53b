import { practicalSubmittedGrade } from '../../domain/grade-passback/stage-grade.js';
import { type Evidence, hasPassed, type PracticalSubmission } from '../../domain/practical/submission.js';
import { AppError } from '../../errors.js';
import { type Actor, auditEvent, learnerOf, type PracticalDeps } from './practical-deps.js';
import { lockedMessage, practicalStanding } from './practical-standing.js';

/**
 * The learner hands in evidence for a course's practical. It opens once the written exam is passed;
 * one submission counts at a time (withdraw it to change it, until grading starts); after a failed
 * result the learner may submit again. The submission, its audit event, the `submitted` statement
 * and the gradebook's "waiting for an evaluator" go in one transaction.
 */
export async function submitEvidence(
  deps: PracticalDeps,
  actor: Actor,
  courseId: string,
  evidence: Evidence,
  from: { linkId: string | undefined; contextId: string | undefined },
): Promise<PracticalSubmission> {
  const learner = learnerOf(actor);
  const standing = await practicalStanding(deps, learner, courseId);
  const { course } = standing;
  if (!standing.writtenPassed) throw new AppError('forbidden', lockedMessage(course));
  if (standing.submissions.some(hasPassed))
    throw new AppError(
      'conflict',
      `You have passed the ${course.title} practical already; nothing more to submit.`,
    );
  if (standing.current) {
    throw new AppError(
      'conflict',
      standing.current.status === 'submitted'
        ? `Your submission ${standing.current.number} is waiting for an evaluator; withdraw it first to submit different evidence.`
        : `Your submission ${standing.current.number} is being graded; you can submit again only if it does not pass.`,
    );
  }
  checkEvidenceKinds(course.practical.evidence, evidence, course.title);

  const now = deps.clock.now();
  const link = from.linkId ? await deps.storage.courseLinks.findById(from.linkId) : undefined;
  const submission: PracticalSubmission = {
    id: deps.ids.uuid(),
    learner,
    learnerName: actor.name,
    courseId,
    contentVersion: deps.programs.current.version,
    rubricVersion: course.practical.rubric.version,
    linkId: link && (link.courseId === undefined || link.courseId === courseId) ? link.id : undefined,
    contextId: from.contextId,
    number: standing.submissions.length + 1,
    evidence,
    status: 'submitted',
    submittedAt: now,
    result: undefined,
    releasedAt: undefined,
    appealedAt: undefined,
    appealReason: undefined,
    updatedAt: now,
  };
  const recordActor = { issuer: actor.issuer, subject: actor.subject };
  const outcome = await deps.storage.transaction(async (repos) => {
    if ((await repos.submissions.insert(submission)) === 'duplicate') return 'duplicate';
    await repos.auditTrail.append([
      auditEvent(deps, submission.id, actor, 'submitted', { number: submission.number, evidence }, now),
    ]);
    await repos.outbox.enqueue(deps.records.practicalSubmitted(recordActor, submission, course), now);
    await repos.outbox.enqueue(
      await deps.records.gradeChanged(
        repos,
        learner,
        submission.linkId,
        practicalSubmittedGrade(submission, course),
        course,
      ),
      now,
    );
    return 'inserted';
  });
  if (outcome === 'duplicate')
    throw new AppError(
      'conflict',
      'Another submission of yours arrived at the same moment; reload to see it.',
    );
  return submission;
}

function checkEvidenceKinds(accepted: readonly string[], evidence: Evidence, courseTitle: string): void {
  const takesLinks = accepted.includes('recording') || accepted.includes('document');
  if (evidence.links.length > 0 && !takesLinks) {
    throw new AppError(
      'invalid_response',
      `The ${courseTitle} practical takes ${accepted.join(', ')}, not links; send your evidence as notes.`,
    );
  }
  if (evidence.notes !== undefined && !accepted.includes('notes')) {
    throw new AppError(
      'invalid_response',
      `The ${courseTitle} practical takes ${accepted.join(', ')}, not notes; send links to your evidence.`,
    );
  }
}
