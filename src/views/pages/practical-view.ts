import type { AuditEvent } from '../../domain/practical/audit-event.js';
import type { EvaluationRole, SubmissionStatus } from '../../domain/practical/submission.js';

/**
 * The practical as the pages show it: the shapes of the API's JSON (src/http/practical-json.ts and
 * the evaluator handlers' evaluatorView), which decide what each person may see.
 */
export interface RubricView {
  readonly version: string;
  readonly passThreshold: number;
  readonly maximum: number;
  readonly criteria: readonly {
    readonly id: string;
    readonly title: string;
    /** Sanitised Markdown. */
    readonly descriptionHtml: string | null;
    readonly minimumLevel: string | null;
    readonly levels: readonly {
      readonly id: string;
      readonly title: string;
      readonly points: number;
      readonly descriptionHtml: string | null;
    }[];
  }[];
}

export interface EvidenceView {
  readonly links: readonly { readonly url: string; readonly title: string | undefined }[];
  /** The learner's own words: shown as escaped text, never as markup. */
  readonly notes: string | null;
}

export interface ScoredCriterionView {
  readonly criterionId: string;
  readonly title: string;
  readonly level: { readonly id: string; readonly title: string; readonly points: number } | null;
  readonly belowMinimum: boolean;
  readonly comment: string | null;
  readonly at: string | null;
}

export type SubmissionStatusWord = SubmissionStatus;

export interface LearnerSubmissionView {
  readonly id: string;
  readonly number: number;
  readonly status: SubmissionStatusWord;
  readonly submittedAt: string;
  readonly evidence: EvidenceView;
  readonly result: {
    readonly passed: boolean;
    readonly total: number;
    readonly maximum: number;
    readonly passThreshold: number;
    readonly belowMinimum: readonly string[];
    readonly rubricVersion: string;
    readonly criteria: readonly ScoredCriterionView[];
    readonly comment: string | null;
    readonly releasedAt: string | null;
  } | null;
  readonly appeal: {
    readonly appealedAt: string | null;
    readonly reason: string | null;
    readonly possibleUntil: string | null;
  };
}

export type EvaluationRoleWord = EvaluationRole;

export interface EvaluationView {
  readonly id: string;
  readonly role: EvaluationRoleWord;
  readonly evaluator: { readonly subject: string; readonly name: string | null };
  readonly status: 'claimed' | 'completed';
  readonly rubricVersion: string;
  readonly claimExpiresAt: string | null;
  readonly completedAt: string | null;
  /** Present only when this evaluator may see the scores (their own, or once decided). */
  readonly criteria?: readonly ScoredCriterionView[];
  readonly comment?: string | null;
  readonly decision?:
    | {
        readonly total: number;
        readonly maximum: number;
        readonly passThreshold: number;
        readonly passed: boolean;
      }
    | undefined;
}

export interface EvaluatorSubmissionView {
  readonly id: string;
  readonly courseId: string;
  readonly courseTitle: string;
  readonly learner: { readonly subject: string; readonly name: string | null };
  readonly number: number;
  readonly status: SubmissionStatusWord;
  readonly awaiting: EvaluationRoleWord | 'release' | null;
  readonly submittedAt: string;
  readonly evidence: EvidenceView;
  readonly instructionsHtml: string;
  readonly rubric: RubricView;
  readonly appeal: { readonly appealedAt: string; readonly reason: string | null } | null;
  readonly result: {
    readonly rubricVersion: string;
    readonly decision: {
      readonly total: number;
      readonly maximum: number;
      readonly passThreshold: number;
      readonly passed: boolean;
    };
  } | null;
  readonly evaluations: readonly EvaluationView[];
}

export interface AuditEventView {
  readonly at: string;
  readonly actor: { readonly subject: string; readonly name: string | null };
  readonly action: AuditEvent['action'];
  readonly details: Readonly<Record<string, unknown>>;
}
