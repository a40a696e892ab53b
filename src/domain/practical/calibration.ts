import type { CalibrationReference, Rubric } from '../content/program.js';
import { levelRank } from './rubric-decision.js';

/** How close an evaluator came to the agreed levels of a reference submission. */
export interface CalibrationCloseness {
  readonly criteria: readonly {
    readonly criterionId: string;
    readonly agreed: string;
    readonly given: string;
    /** Levels between the evaluator's choice and the agreed one: 0 is exact. */
    readonly levelsApart: number;
  }[];
  /** Share of criteria scored exactly as agreed, 0–1. */
  readonly exact: number;
  /** Share of criteria within one level of the agreed one, 0–1. */
  readonly withinOne: number;
}

export function closeness(
  rubric: Rubric,
  reference: CalibrationReference,
  given: Readonly<Record<string, string>>,
): CalibrationCloseness {
  const criteria = rubric.criteria.map((c) => {
    const agreed = reference.agreedLevels[c.id]!;
    const chosen = given[c.id]!;
    return {
      criterionId: c.id,
      agreed,
      given: chosen,
      levelsApart: Math.abs(levelRank(c, agreed) - levelRank(c, chosen)),
    };
  });
  const share = (ok: (apart: number) => boolean) =>
    criteria.length === 0
      ? 1
      : Math.round((criteria.filter((c) => ok(c.levelsApart)).length / criteria.length) * 1000) / 1000;
  return { criteria, exact: share((d) => d === 0), withinOne: share((d) => d <= 1) };
}
