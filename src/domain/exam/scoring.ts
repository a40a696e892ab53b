import type { Question, WrittenExam } from '../content/program.js';
import { type Attempt, type AttemptItem, type AttemptResult, optionIndex, type Response } from './attempt.js';

/**
 * Points for one item. Single choice and true/false: all or nothing. Multiple response: partial
 * credit, points × max(0, (right picks − wrong picks) ÷ correct options), so ticking every box
 * earns nothing and a wrong pick cancels a right one. Unanswered: 0.
 */
export function scoreItem(question: Question, item: AttemptItem, response: Response | undefined): number {
  if (!response || response.selected.length === 0) return 0;
  if (question.type === 'true-false') {
    return response.selected.length === 1 && response.selected[0] === String(question.answer)
      ? question.points
      : 0;
  }
  const picked = response.selected.map((id) => optionIndex(question, item, id));
  const correct = question.options.filter((o) => o.correct).length;
  if (question.type === 'single-choice') {
    return picked.length === 1 && picked[0] !== undefined && question.options[picked[0]]?.correct
      ? question.points
      : 0;
  }
  const right = picked.filter((i) => i !== undefined && question.options[i]?.correct).length;
  const wrong = picked.length - right;
  return round(question.points * Math.max(0, (right - wrong) / correct));
}

/** True when the item earned all its points. */
export function isFullyCorrect(
  question: Question,
  item: AttemptItem,
  response: Response | undefined,
): boolean {
  return scoreItem(question, item, response) === question.points;
}

export function scoreAttempt(
  attempt: Attempt,
  questions: ReadonlyMap<string, Question>,
  exam: WrittenExam,
): AttemptResult {
  let score = 0;
  let maxScore = 0;
  for (const item of attempt.items) {
    const question = questions.get(item.questionId);
    if (!question)
      throw new Error(`question ${item.questionId} of attempt ${attempt.id} is missing from its content`);
    maxScore += question.points;
    score += scoreItem(question, item, attempt.responses[item.questionId]);
  }
  const percent = maxScore === 0 ? 0 : round((score / maxScore) * 100);
  return {
    score: round(score),
    maxScore,
    percent,
    passed: percent >= exam.passingScore,
    passingScore: exam.passingScore,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
