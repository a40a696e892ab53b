/** Everything wrong with the program's files, one line each: `file: path: what is wrong`. */
export class ContentError extends Error {
  override readonly name = 'ContentError';

  constructor(readonly problems: readonly string[]) {
    super(
      `The program content is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems
        .map((p) => `  ${p}`)
        .join('\n')}`,
    );
  }
}

/** `questions[3].options` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out === '' ? String(key) : `${out}.${String(key)}`;
  }, '');
}
