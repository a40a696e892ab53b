import type { Course } from '../domain/content/program.js';
import type { AuditEvent } from '../domain/practical/audit-event.js';
import type { Evaluation } from '../domain/practical/evaluation.js';
import type { PracticalSubmission } from '../domain/practical/submission.js';
import { renderMarkdown } from '../views/markdown.js';

/** The rubric as learners and evaluators read it: criteria, levels, minimums, the threshold, its version. */
export function rubricJson(course: Course) {
  const { rubric } = course.practical;
  return {
    version: rubric.version,
    passThreshold: rubric.passThreshold,
    maximum: rubric.criteria.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.points)), 0),
    criteria: rubric.criteria.map((c) => ({
      id: c.id,
      title: c.title,
      descriptionHtml: c.description ? renderMarkdown(c.description) : null,
      minimumLevel: c.minimumLevel ?? null,
      levels: c.levels.map((l) => ({
        id: l.id,
        title: l.title,
        points: l.points,
        descriptionHtml: l.description ? renderMarkdown(l.description) : null,
      })),
    })),
  };
}

/** An evaluation's scores with the rubric's words: what the learner is shown once released. */
export function scoredCriteria(course: Course, evaluation: Evaluation) {
  return course.practical.rubric.criteria.map((c) => {
    const score = evaluation.scores.find((s) => s.criterionId === c.id);
    const level = c.levels.find((l) => l.id === score?.levelId);
    return {
      criterionId: c.id,
      title: c.title,
      level: level ? { id: level.id, title: level.title, points: level.points } : null,
      belowMinimum: evaluation.decision?.belowMinimum.includes(c.id) ?? false,
      comment: score?.comment ?? null,
      at: score?.anchor ?? null,
    };
  });
}

/** A submission as its learner sees it: the result only once released, never evaluators' work in progress. */
export function learnerSubmissionJson(
  submission: PracticalSubmission,
  course: Course,
  deciding: Evaluation | undefined,
  now: Date,
) {
  const released = submission.status === 'released' || submission.status === 'appealed';
  const appealCloses =
    submission.releasedAt && course.practical.appealWindowDays > 0
      ? new Date(submission.releasedAt.getTime() + course.practical.appealWindowDays * 86_400_000)
      : undefined;
  return {
    id: submission.id,
    courseId: submission.courseId,
    number: submission.number,
    status: submission.status,
    submittedAt: submission.submittedAt.toISOString(),
    evidence: { links: submission.evidence.links, notes: submission.evidence.notes ?? null },
    result:
      released && submission.result && deciding
        ? {
            passed: submission.result.decision.passed,
            total: submission.result.decision.total,
            maximum: submission.result.decision.maximum,
            passThreshold: submission.result.decision.passThreshold,
            belowMinimum: submission.result.decision.belowMinimum,
            rubricVersion: submission.result.rubricVersion,
            criteria: scoredCriteria(course, deciding),
            comment: deciding.comment ?? null,
            releasedAt: submission.releasedAt?.toISOString() ?? null,
          }
        : null,
    appeal: {
      appealedAt: submission.appealedAt?.toISOString() ?? null,
      reason: submission.appealReason ?? null,
      possibleUntil:
        submission.status === 'released' && !submission.appealedAt && appealCloses && appealCloses > now
          ? appealCloses.toISOString()
          : null,
    },
  };
}

export function evaluationJson(course: Course, evaluation: Evaluation, withScores: boolean) {
  return {
    id: evaluation.id,
    role: evaluation.role,
    evaluator: { subject: evaluation.evaluator.subject, name: evaluation.evaluator.name ?? null },
    status: evaluation.status,
    rubricVersion: evaluation.rubricVersion,
    claimedAt: evaluation.claimedAt.toISOString(),
    claimExpiresAt: evaluation.status === 'claimed' ? evaluation.claimExpiresAt.toISOString() : null,
    completedAt: evaluation.completedAt?.toISOString() ?? null,
    ...(withScores && evaluation.status === 'completed'
      ? {
          criteria: scoredCriteria(course, evaluation),
          comment: evaluation.comment ?? null,
          decision: evaluation.decision,
        }
      : {}),
  };
}

export function auditJson(event: AuditEvent) {
  return {
    at: event.at.toISOString(),
    actor: { subject: event.actor.subject, name: event.actor.name ?? null },
    action: event.action,
    details: event.details,
  };
}
