import type { Accreditation, Course } from './program.js';

export interface ContentProblem {
  /** Where in the file, e.g. `questions[3]`. */
  readonly path: string;
  readonly message: string;
}

/** The rules a course must follow beyond the shape of its file. */
export function courseProblems(course: Course): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Map<string, number>();
  course.questions.forEach((q, i) => {
    const first = seen.get(q.id);
    if (first !== undefined) {
      problems.push({
        path: `questions[${i}].id`,
        message: `duplicate question id '${q.id}' (also questions[${first}])`,
      });
    } else {
      seen.set(q.id, i);
    }
    if (q.type === 'single-choice') {
      const correct = q.options.filter((o) => o.correct).length;
      if (correct !== 1) {
        problems.push({
          path: `questions[${i}]`,
          message: `a single-choice question needs exactly one correct option (it has ${correct})`,
        });
      }
    }
    if (q.type === 'multiple-response' && !q.options.some((o) => o.correct)) {
      problems.push({
        path: `questions[${i}]`,
        message: 'a multiple-response question needs at least one correct option',
      });
    }
  });
  if (course.exam.questionsPerAttempt > course.questions.length) {
    problems.push({
      path: 'exam.questionsPerAttempt',
      message: `draws ${course.exam.questionsPerAttempt} questions but the pool has ${course.questions.length}`,
    });
  }
  problems.push(...rubricProblems(course));
  return problems;
}

function rubricProblems(course: Course): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { rubric } = course.practical;
  const criterionIds = new Set<string>();
  let maxTotal = 0;
  rubric.criteria.forEach((c, i) => {
    const at = `practical.rubric.criteria[${i}]`;
    if (criterionIds.has(c.id))
      problems.push({ path: `${at}.id`, message: `duplicate criterion id '${c.id}'` });
    criterionIds.add(c.id);
    const levelIds = new Set<string>();
    c.levels.forEach((l, j) => {
      if (levelIds.has(l.id))
        problems.push({ path: `${at}.levels[${j}].id`, message: `duplicate level id '${l.id}'` });
      levelIds.add(l.id);
      const previous = c.levels[j - 1];
      if (previous && l.points <= previous.points) {
        problems.push({
          path: `${at}.levels[${j}].points`,
          message: 'levels must be in ascending order of points',
        });
      }
    });
    if (c.minimumLevel !== undefined && !levelIds.has(c.minimumLevel)) {
      problems.push({
        path: `${at}.minimumLevel`,
        message: `'${c.minimumLevel}' is not one of this criterion's levels (${[...levelIds].join(', ')})`,
      });
    }
    maxTotal += Math.max(...c.levels.map((l) => l.points));
  });
  course.practical.calibration.forEach((reference, i) => {
    for (const criterion of rubric.criteria) {
      const level = reference.agreedLevels[criterion.id];
      if (level === undefined) {
        problems.push({
          path: `practical.calibration[${i}].agreedLevels`,
          message: `needs a level for criterion '${criterion.id}'`,
        });
      } else if (!criterion.levels.some((l) => l.id === level)) {
        problems.push({
          path: `practical.calibration[${i}].agreedLevels.${criterion.id}`,
          message: `'${level}' is not one of this criterion's levels (${criterion.levels.map((l) => l.id).join(', ')})`,
        });
      }
    }
    for (const named of Object.keys(reference.agreedLevels)) {
      if (!criterionIds.has(named)) {
        problems.push({
          path: `practical.calibration[${i}].agreedLevels.${named}`,
          message: `there is no criterion '${named}' in the rubric`,
        });
      }
    }
  });
  if (rubric.passThreshold > maxTotal) {
    problems.push({
      path: 'practical.rubric.passThreshold',
      message: `${rubric.passThreshold} is more than the ${maxTotal} points the rubric can give`,
    });
  }
  return problems;
}

/** The rules an accreditation must follow given the courses loaded. */
export function accreditationProblems(
  accreditation: Accreditation,
  courseIds: ReadonlySet<string>,
): ContentProblem[] {
  return accreditation.courseIds.flatMap((id, i) =>
    courseIds.has(id)
      ? []
      : [
          {
            path: `courses[${i}]`,
            message: `there is no course '${id}' (courses: ${[...courseIds].join(', ') || 'none'})`,
          },
        ],
  );
}
