import type { RequestHandler } from 'express';
import { sameEvaluator } from '../../domain/practical/evaluation.js';
import type { SubmissionStatus } from '../../domain/practical/submission.js';
import { AppError } from '../../errors.js';
import { calibrationStatus } from '../../services/practical/calibrate-evaluator.js';
import { gradingQueue, queueStatuses } from '../../services/practical/grading-queue.js';
import { evaluatorQueuePage } from '../../views/pages/evaluator-queue-page.js';
import { queryValue } from '../forms/form-fields.js';
import { practicalDeps } from '../service-deps.js';
import type { ToolContext } from '../tool-context.js';
import { evaluatorPage } from './evaluator-page-handler.js';

/** GET /evaluator/queue?courseId=&status=&minWaitingHours=: the grading queue, filtered. */
export function evaluatorQueuePageHandler(tool: ToolContext): RequestHandler {
  return evaluatorPage(tool, async (req, { scope, links }) => {
    const courseId = queryValue(req.query.courseId);
    const status = queryValue(req.query.status);
    const hoursText = queryValue(req.query.minWaitingHours);
    const { courses } = tool.programs.current;
    if (courseId !== undefined && !courses.some((c) => c.id === courseId))
      throw new AppError('invalid_request', `There is no course '${courseId}'.`);
    if (status !== undefined && !queueStatuses.includes(status as SubmissionStatus))
      throw new AppError('invalid_request', `The status must be one of ${queueStatuses.join(', ')}.`);
    const hours = hoursText === undefined ? undefined : Number(hoursText);
    if (hours !== undefined && !(Number.isFinite(hours) && hours >= 0))
      throw new AppError('invalid_request', 'The waiting time must be a number of hours of at least 0.');
    const deps = practicalDeps(tool);
    const entries = await gradingQueue(deps, scope, {
      courseId,
      status: status as SubmissionStatus | undefined,
      minWaitingHours: hours,
    });
    const calibration = [];
    for (const course of courses.filter((c) => c.practical.calibration.length > 0)) {
      const standing = await calibrationStatus(deps, scope, course.id);
      calibration.push({ courseId: course.id, title: course.title, needed: !standing.calibrated });
    }
    const titleOf = (id: string) => courses.find((c) => c.id === id)?.title ?? id;
    const html = evaluatorQueuePage(
      {
        filter: { courseId, status, minWaitingHours: hoursText },
        courses: courses.map((c) => ({ id: c.id, title: c.title })),
        statuses: queueStatuses,
        entries: entries.map((e) => ({
          id: e.submission.id,
          courseTitle: titleOf(e.submission.courseId),
          learner: { subject: e.submission.learner.subject, name: e.submission.learnerName ?? null },
          number: e.submission.number,
          status: e.submission.status,
          awaiting: e.awaiting,
          waitingMinutes: e.waitingMinutes,
          claim: e.claim
            ? {
                by: e.claim.evaluator.name ?? null,
                until: e.claim.claimExpiresAt.toISOString(),
                mine: sameEvaluator(e.claim.evaluator, scope.actor),
              }
            : null,
          canTake: e.canTake,
        })),
        calibration,
      },
      links,
    );
    return { html };
  });
}
