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
  /** A hash of the rubric alone: a grade shows the version it was given against. */
  readonly version: string;
  /** Total points needed to pass. */
  readonly passThreshold: number;
  readonly criteria: readonly RubricCriterion[];
}

export interface EvidenceLink {
  readonly url: string;
  readonly title: string | undefined;
}

/** A reference submission with the levels the program agreed on: evaluators calibrate against it. */
export interface CalibrationReference {
  readonly id: string;
  readonly title: string;
  readonly evidence: { readonly links: readonly EvidenceLink[]; readonly notes: string | undefined };
  readonly agreedLevels: Readonly<Record<string, string>>;
}

export type EvidenceKind = 'recording' | 'document' | 'notes';

export interface PracticalAssessment {
  readonly title: string;
  readonly instructions: string;
  readonly evidence: readonly EvidenceKind[];
  readonly rubric: Rubric;
  /** Two independent evaluations per submission; a disagreement goes to a moderator. */
  readonly doubleMarking: boolean;
  /** How many levels apart two evaluations may be on a criterion before moderation. */
  readonly moderationGap: number;
  /** Days after release during which the learner may appeal; 0 for none. */
  readonly appealWindowDays: number;
  readonly calibration: readonly CalibrationReference[];
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
