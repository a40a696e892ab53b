/** The accreditation program as loaded from CONTENT_DIR: plain data, validated before it gets here. */

export const audiences = [
  'Strategic Account Leader',
  'Account Executive',
  'Solution Architect',
  'Customer Success Manager',
  'Partner',
] as const;
export type Audience = (typeof audiences)[number];

export interface Accreditation {
  readonly id: string;
  readonly title: string;
  readonly audience: Audience;
  readonly description: string | undefined;
  readonly courseIds: readonly string[];
  readonly badgeValidForMonths: number;
}

export type ReviewPolicy = 'none' | 'score' | 'responses' | 'full';

export interface WrittenExam {
  readonly questionsPerAttempt: number;
  /** Percent of the points drawn. */
  readonly passingScore: number;
  readonly timeLimitMinutes: number;
  readonly attemptLimit: number | undefined;
  readonly retakeCooldownHours: number;
  /** After a failed attempt, the learner revisits the learning path before the next one. */
  readonly remediation: boolean;
  readonly review: ReviewPolicy;
}

export interface Option {
  readonly text: string;
  readonly correct: boolean;
  readonly feedback: string | undefined;
}

interface QuestionBase {
  readonly id: string;
  readonly stem: string;
  readonly points: number;
  readonly competencies: readonly string[];
}

export interface ChoiceQuestion extends QuestionBase {
  readonly type: 'single-choice' | 'multiple-response';
  readonly options: readonly Option[];
}

export interface TrueFalseQuestion extends QuestionBase {
  readonly type: 'true-false';
  readonly answer: boolean;
  readonly feedback: { readonly true: string | undefined; readonly false: string | undefined };
}

export type Question = ChoiceQuestion | TrueFalseQuestion;

export interface RubricLevel {
  readonly id: string;
  readonly title: string;
  readonly points: number;
  readonly description: string | undefined;
}

export interface RubricCriterion {
  readonly id: string;
  readonly title: string;
  readonly description: string | undefined;
  /** Below this level the practical fails whatever the total. */
  readonly minimumLevel: string | undefined;
  readonly levels: readonly RubricLevel[];
}

export interface Rubric {
  readonly passThreshold: number;
  readonly criteria: readonly RubricCriterion[];
}

export interface PracticalAssessment {
  readonly title: string;
  readonly instructions: string;
  readonly evidence: readonly ('recording' | 'document' | 'notes')[];
  readonly rubric: Rubric;
}

export interface Course {
  readonly id: string;
  readonly title: string;
  readonly summary: string | undefined;
  readonly learningPath: string;
  readonly exam: WrittenExam;
  readonly questions: readonly Question[];
  readonly practical: PracticalAssessment;
}

export interface Program {
  /** A hash of everything loaded: attempts are pinned to it. */
  readonly version: string;
  readonly accreditations: readonly Accreditation[];
  readonly courses: readonly Course[];
}

export function findCourse(program: Program, courseId: string): Course | undefined {
  return program.courses.find((c) => c.id === courseId);
}

export function accreditationsOf(program: Program, courseId: string): Accreditation[] {
  return program.accreditations.filter((a) => a.courseIds.includes(courseId));
}
