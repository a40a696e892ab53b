import type { Rubric, RubricCriterion } from '../content/program.js';

/** One criterion judged: the level chosen, and optionally why and where in the recording. */
export interface CriterionScore {
  readonly criterionId: string;
  readonly levelId: string;
  readonly comment: string | undefined;
  /** A time in the recording the comment refers to, `m:ss` or `h:mm:ss`. */
  readonly anchor: string | undefined;
}

/** What a set of criterion levels means under a rubric. */
export interface RubricDecision {
  readonly total: number;
  readonly maximum: number;
  /** total ÷ maximum, 0–100, two decimals: what goes to the gradebook. */
  readonly percent: number;
  readonly passThreshold: number;
  /** Criteria scored below their minimum level: any one fails the practical, whatever the total. */
  readonly belowMinimum: readonly string[];
  readonly passed: boolean;
}

/**
 * The non-compensatory rule: a practical passes when the total reaches the threshold AND every
 * criterion with a minimum level reached it. Levels must be valid (see scoreProblems).
 */
export function decide(rubric: Rubric, scores: readonly CriterionScore[]): RubricDecision {
  let total = 0;
  let maximum = 0;
  const belowMinimum: string[] = [];
  for (const criterion of rubric.criteria) {
    maximum += Math.max(...criterion.levels.map((l) => l.points));
    const chosen = levelOf(criterion, scores.find((s) => s.criterionId === criterion.id)?.levelId);
    total += chosen?.points ?? 0;
    const minimum = levelOf(criterion, criterion.minimumLevel);
    if (minimum && (!chosen || chosen.points < minimum.points)) belowMinimum.push(criterion.id);
  }
  return {
    total,
    maximum,
    percent: maximum === 0 ? 0 : Math.round((total / maximum) * 10000) / 100,
    passThreshold: rubric.passThreshold,
    belowMinimum,
    passed: total >= rubric.passThreshold && belowMinimum.length === 0,
  };
}

const anchorPattern = /^(?:\d{1,2}:)?[0-5]?\d:[0-5]\d$/;

/** A time in a recording as evaluators anchor comments to it: `m:ss` or `h:mm:ss`. */
export function isTimeAnchor(value: string): boolean {
  return anchorPattern.test(value);
}

/** Why scores cannot be taken under the rubric, each naming the criterion or level; empty when fine. */
export function scoreProblems(rubric: Rubric, scores: readonly CriterionScore[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const score of scores) {
    const criterion = rubric.criteria.find((c) => c.id === score.criterionId);
    if (!criterion) {
      problems.push(
        `the rubric has no criterion '${score.criterionId}' (criteria: ${rubric.criteria.map((c) => c.id).join(', ')})`,
      );
      continue;
    }
    if (seen.has(criterion.id)) problems.push(`criterion '${criterion.id}' is scored twice`);
    seen.add(criterion.id);
    if (!levelOf(criterion, score.levelId)) {
      problems.push(
        `criterion '${criterion.id}' has no level '${score.levelId}' (levels: ${criterion.levels.map((l) => l.id).join(', ')})`,
      );
    }
    if (score.anchor !== undefined && !isTimeAnchor(score.anchor)) {
      problems.push(`the time '${score.anchor}' for criterion '${criterion.id}' is not m:ss or h:mm:ss`);
    }
  }
  const missing = rubric.criteria.filter((c) => !seen.has(c.id)).map((c) => c.id);
  if (missing.length > 0) problems.push(`every criterion needs a level; missing: ${missing.join(', ')}`);
  return problems;
}

export function levelOf(criterion: RubricCriterion, levelId: string | undefined) {
  return levelId === undefined ? undefined : criterion.levels.find((l) => l.id === levelId);
}

/** A level's position in its criterion (0 = lowest), for comparing two evaluations. */
export function levelRank(criterion: RubricCriterion, levelId: string): number {
  return criterion.levels.findIndex((l) => l.id === levelId);
}
