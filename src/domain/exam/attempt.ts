import type { Course, Question } from '../content/program.js';
import { seededRandom, shuffled } from './seeded-random.js';

export interface Learner {
  readonly platformId: string;
  readonly subject: string;
}

/** One drawn question: its id, and the order its options are shown in (indexes into the content's options). */
export interface AttemptItem {
  readonly questionId: string;
  readonly optionOrder: readonly number[];
}

/** A learner's answer to one item: the shown option ids they picked (`a`, `b`… or `true` / `false`). */
export interface Response {
  readonly selected: readonly string[];
  readonly savedAt: Date;
}

export interface AttemptResult {
  readonly score: number;
  readonly maxScore: number;
  /** 0–100, rounded to two decimals. */
  readonly percent: number;
  readonly passed: boolean;
  readonly passingScore: number;
}

export type AttemptStatus = 'in_progress' | 'submitted';

export interface Attempt {
  readonly id: string;
  readonly learner: Learner;
  readonly courseId: string;
  /** The course link the attempt was started through: where its grade goes back to. */
  readonly linkId: string | undefined;
  readonly contentVersion: string;
  readonly seed: string;
  readonly items: readonly AttemptItem[];
  readonly responses: Readonly<Record<string, Response>>;
  readonly status: AttemptStatus;
  readonly startedAt: Date;
  readonly deadline: Date;
  readonly submittedAt: Date | undefined;
  /** Who ended it: the learner, or the clock (the deadline passed). */
  readonly submittedBy: 'learner' | 'timeout' | undefined;
  readonly result: AttemptResult | undefined;
}

/** Draws a new attempt: questions and option orders follow from the seed alone. */
export function drawAttempt(input: {
  id: string;
  learner: Learner;
  course: Course;
  linkId?: string | undefined;
  contentVersion: string;
  seed: string;
  now: Date;
}): Attempt {
  const random = seededRandom(input.seed);
  const { exam } = input.course;
  const drawn = shuffled(input.course.questions, random).slice(0, exam.questionsPerAttempt);
  return {
    id: input.id,
    learner: input.learner,
    courseId: input.course.id,
    linkId: input.linkId,
    contentVersion: input.contentVersion,
    seed: input.seed,
    items: drawn.map((q) => ({ questionId: q.id, optionOrder: optionOrder(q, random) })),
    responses: {},
    status: 'in_progress',
    startedAt: input.now,
    deadline: new Date(input.now.getTime() + exam.timeLimitMinutes * 60_000),
    submittedAt: undefined,
    submittedBy: undefined,
    result: undefined,
  };
}

function optionOrder(question: Question, random: () => number): number[] {
  if (question.type === 'true-false') return [];
  return shuffled(
    question.options.map((_, i) => i),
    random,
  );
}

/** The ids a learner sees for an item's options, in the order shown. */
export function shownOptionIds(question: Question, item: AttemptItem): string[] {
  if (question.type === 'true-false') return ['true', 'false'];
  return item.optionOrder.map((_, position) => String.fromCharCode(97 + position));
}

/** The content option index behind a shown option id, or undefined when there is no such option. */
export function optionIndex(question: Question, item: AttemptItem, shownId: string): number | undefined {
  if (question.type === 'true-false') return undefined;
  const position = shownId.length === 1 ? shownId.charCodeAt(0) - 97 : -1;
  return position >= 0 && position < item.optionOrder.length ? item.optionOrder[position] : undefined;
}

export function isOverdue(attempt: Attempt, now: Date): boolean {
  return attempt.status === 'in_progress' && attempt.deadline.getTime() <= now.getTime();
}
