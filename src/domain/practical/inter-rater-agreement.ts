/** Agreement between two raters over the same items, one category label per item and rater. */
export interface Agreement {
  readonly items: number;
  /** Share of items both raters put in the same category, 0–1. */
  readonly percentAgreement: number;
  /**
   * Cohen's kappa: agreement beyond chance, (po − pe) / (1 − pe). Undefined with no items; 1 when
   * both raters used one and the same category throughout (pe = 1, perfect but uninformative).
   */
  readonly kappa: number | undefined;
}

export function agreement(pairs: readonly (readonly [string, string])[]): Agreement {
  const n = pairs.length;
  if (n === 0) return { items: 0, percentAgreement: 0, kappa: undefined };
  const observed = pairs.filter(([a, b]) => a === b).length / n;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  for (const [a, b] of pairs) {
    countA.set(a, (countA.get(a) ?? 0) + 1);
    countB.set(b, (countB.get(b) ?? 0) + 1);
  }
  let expected = 0;
  for (const [category, a] of countA) expected += (a / n) * ((countB.get(category) ?? 0) / n);
  const kappa = expected === 1 ? 1 : (observed - expected) / (1 - expected);
  return { items: n, percentAgreement: round(observed), kappa: round(kappa) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
