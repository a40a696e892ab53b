import type { Course } from '../../domain/content/program.js';
import type { Learner } from '../../domain/exam/attempt.js';
import { scoreTimestamp } from '../../domain/grade-passback/score-timestamp.js';
import { type StageGrade, stageLabels } from '../../domain/grade-passback/stage-grade.js';
import type { Ids } from '../../ports/ids.js';
import type { OutboxDraft } from '../../ports/learning-records.js';
import type { Repositories } from '../../ports/storage.js';
import type { GradeDelivery } from './grade-delivery.js';
import { scoreProblems } from './score-rules.js';

/**
 * A stage grade as an AGS score for the learner's course link, or nothing when the link cannot take
 * grades (its reason is kept on the link for the admin). The score's timestamp is when the event
 * happened, moved just past the last one queued for the same line item and user if need be; the
 * ordering key makes the dispatcher send them one after another.
 */
export async function agsGradeDrafts(
  repositories: Repositories,
  ids: Ids,
  learner: Learner,
  linkId: string | undefined,
  grade: StageGrade,
  course: Course,
): Promise<OutboxDraft[]> {
  if (!linkId) return [];
  const link = await repositories.courseLinks.findById(linkId);
  if (!link || link.passbackProblem || !link.gradeService?.lineItemsUrl) return [];
  const tag = `accredit-${grade.stage}`;
  const orderingKey = `ags|${link.id}|${tag}|${learner.subject}`;
  const at = scoreTimestamp(grade.at, await repositories.outbox.lastOrderAt(orderingKey));
  const delivery: GradeDelivery = {
    platformId: link.platformId,
    linkId: link.id,
    lineItemsUrl: link.gradeService.lineItemsUrl,
    lineItem: {
      label: `${course.title}: ${stageLabels[grade.stage]}`,
      scoreMaximum: grade.scoreMaximum,
      resourceLinkId: link.resourceLinkId,
      resourceId: course.id,
      tag,
    },
    score: {
      userId: learner.subject,
      ...(grade.scoreGiven === undefined
        ? {}
        : { scoreGiven: grade.scoreGiven, scoreMaximum: grade.scoreMaximum }),
      activityProgress: grade.activityProgress,
      gradingProgress: grade.gradingProgress,
      comment: grade.comment,
      timestamp: at.toISOString(),
    },
  };
  const problems = scoreProblems(delivery.score);
  if (problems.length > 0)
    throw new Error(`refusing to queue an invalid AGS score (${tag}): ${problems.join('; ')}`);
  return [
    {
      id: ids.uuid(),
      target: 'ags',
      kind: `${grade.stage}-${grade.activityProgress.toLowerCase()}`,
      payload: JSON.stringify(delivery),
      orderingKey,
      orderAt: at,
    },
  ];
}
