/** The fixture program's answer key, by option text, for tests that play a learner. */
const key: Record<string, string[]> = {
  'q-single': ['Build'],
  'q-multi': ['Smaller changes', 'Automated tests'],
  'q-tf': ['True'],
  'q-single-2': ['Continuous Integration'],
  's-1': ['True'],
  's-2': ['False'],
};

interface ShownQuestion {
  id: string;
  options: { id: string; html: string }[];
}

export function rightPicks(question: ShownQuestion): string[] {
  return question.options.filter((o) => key[question.id]!.includes(o.html)).map((o) => o.id);
}

export function wrongPicks(question: ShownQuestion): string[] {
  return [question.options.find((o) => !key[question.id]!.includes(o.html))!.id];
}
