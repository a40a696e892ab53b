import type { CalibrationReference, Course } from '../../domain/content/program.js';
import { type CalibrationCloseness, closeness } from '../../domain/practical/calibration.js';
import { scoreProblems } from '../../domain/practical/rubric-decision.js';
import { AppError } from '../../errors.js';
import type { CalibrationRun } from '../../ports/storage.js';
import type { EvaluatorScope } from './evaluator-scope.js';
import type { PracticalDeps } from './practical-deps.js';

/** The course's reference submissions and how close the evaluator came on each, for the current rubric. */
export async function calibrationStatus(
  deps: PracticalDeps,
  scope: EvaluatorScope,
  courseId: string,
): Promise<{
  course: Course;
  references: readonly CalibrationReference[];
  runs: CalibrationRun[];
  calibrated: boolean;
}> {
  const course = deps.programs.course(courseId);
  const version = course.practical.rubric.version;
  const runs = (await deps.storage.calibrations.listFor(scope.actor, courseId)).filter(
    (r) => r.rubricVersion === version,
  );
  const done = new Set(runs.map((r) => r.referenceId));
  return {
    course,
    references: course.practical.calibration,
    runs,
    calibrated: course.practical.calibration.every((r) => done.has(r.id)),
  };
}

/** The evaluator scores a reference submission; the tool answers how close that is to the agreed levels. */
export async function calibrate(
  deps: PracticalDeps,
  scope: EvaluatorScope,
  courseId: string,
  referenceId: string,
  levels: Readonly<Record<string, string>>,
): Promise<CalibrationCloseness> {
  const course = deps.programs.course(courseId);
  const reference = course.practical.calibration.find((r) => r.id === referenceId);
  if (!reference) {
    throw new AppError(
      'not_found',
      `The ${course.title} practical has no reference submission '${referenceId}' (references: ${course.practical.calibration.map((r) => r.id).join(', ') || 'none'}).`,
    );
  }
  const { rubric } = course.practical;
  const scores = Object.entries(levels).map(([criterionId, levelId]) => ({
    criterionId,
    levelId,
    comment: undefined,
    anchor: undefined,
  }));
  const problems = scoreProblems(rubric, scores);
  if (problems.length > 0)
    throw new AppError(
      'invalid_response',
      `The calibration does not fit the rubric: ${problems.join('; ')}.`,
      { problems },
    );
  const result = closeness(rubric, reference, levels);
  await deps.storage.calibrations.record({
    id: deps.ids.uuid(),
    evaluator: { platformId: scope.actor.platformId, subject: scope.actor.subject },
    courseId,
    referenceId,
    rubricVersion: rubric.version,
    levels,
    closeness: result,
    at: deps.clock.now(),
  });
  return result;
}
