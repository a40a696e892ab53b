/** The canonical text of a lookup: the same fields in any order give the same key. */
export function lookupKey(lookup: Readonly<Record<string, string>>): string {
  const sorted = Object.keys(lookup)
    .sort()
    .map((k) => [k, lookup[k]]);
  return JSON.stringify(Object.fromEntries(sorted));
}
