import type { ReviewPolicy } from '../../domain/content/program.js';
import { strings } from '../strings.js';

/**
 * An attempt as the learner may see it: the shape of the API's attempt JSON (src/http/exam-json.ts),
 * which decides what is shown before submission (no key) and after (the exam's review policy).
 */
export interface ShownOption {
  readonly id: string;
  /** Sanitised inline Markdown. */
  readonly html: string;
}

export interface ShownQuestion {
  readonly number: number;
  readonly id: string;
  readonly type: 'single-choice' | 'multiple-response' | 'true-false';
  readonly points: number;
  /** Sanitised Markdown. */
  readonly stemHtml: string;
  readonly options: readonly ShownOption[];
  readonly selected: readonly string[];
}

export interface OpenAttemptView {
  readonly id: string;
  readonly courseId: string;
  readonly deadline: string;
  readonly secondsLeft: number;
  readonly total: number;
  readonly answered: number;
  readonly questions: readonly ShownQuestion[];
}

export interface ReviewedQuestion extends ShownQuestion {
  readonly correct: boolean;
  readonly earned: number;
  readonly key?: {
    readonly correctOptions: readonly string[];
    readonly feedbackHtml?: string | null;
    readonly optionFeedback?: readonly { readonly id: string; readonly feedbackHtml: string | null }[];
  };
}

export interface SubmittedAttemptView {
  readonly id: string;
  readonly courseId: string;
  readonly submittedAt?: string | undefined;
  readonly submittedBy?: 'learner' | 'timeout' | undefined;
  readonly review: ReviewPolicy;
  readonly result: {
    readonly passed: boolean;
    readonly score?: number;
    readonly maxScore?: number;
    readonly percent?: number;
    readonly passingScore?: number;
  };
  readonly questions?: readonly ReviewedQuestion[];
}

/** The words of an option: true/false options are named by the pages' strings, others by the content. */
export function optionLabel(question: ShownQuestion, option: ShownOption): string | undefined {
  if (question.type !== 'true-false') return undefined;
  return option.id === 'true' ? strings.exam.true : strings.exam.false;
}
