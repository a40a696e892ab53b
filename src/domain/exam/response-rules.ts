import type { Question } from '../content/program.js';
import { type AttemptItem, optionIndex, shownOptionIds } from './attempt.js';

/** Why a response cannot be saved for this item, or undefined when it can. */
export function responseProblem(
  question: Question,
  item: AttemptItem,
  selected: readonly string[],
): string | undefined {
  const shown = shownOptionIds(question, item);
  const unknown = selected.filter((id) => !shown.includes(id));
  if (unknown.length > 0) {
    return `option${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')} ${unknown.length > 1 ? 'do' : 'does'} not exist in question '${question.id}' (options: ${shown.join(', ')})`;
  }
  if (new Set(selected).size !== selected.length) return 'an option is selected more than once';
  if (question.type !== 'multiple-response' && selected.length > 1) {
    return `question '${question.id}' takes one option at most`;
  }
  if (
    question.type !== 'true-false' &&
    selected.some((id) => optionIndex(question, item, id) === undefined)
  ) {
    return `question '${question.id}' has no such option`;
  }
  return undefined;
}
