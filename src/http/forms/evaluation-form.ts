import type { CriterionScore } from '../../domain/practical/rubric-decision.js';
import { isTimeAnchor } from '../../domain/practical/rubric-decision.js';
import type { FieldError } from '../../views/pages/form-errors.js';
import type { GradingValues } from '../../views/pages/grading-form.js';
import type { RubricView } from '../../views/pages/practical-view.js';
import { strings } from '../../views/strings.js';
import { evaluationInputSchema } from '../schemas/practical-input.js';
import { field } from './form-fields.js';

export type EvaluationFormOutcome =
  | {
      readonly ok: true;
      readonly work: { readonly scores: CriterionScore[]; readonly comment: string | undefined };
    }
  | { readonly ok: false; readonly values: GradingValues; readonly problems: FieldError[] };

/**
 * The grading form: a level for every criterion of the rubric the submission is graded against,
 * optional comments and times. Each problem is named after its field, in the rubric's words; the
 * API's schema then checks what is left (lengths) before the service checks it against the rubric.
 */
export function readEvaluationForm(
  form: Record<string, string | string[]>,
  rubric: RubricView,
): EvaluationFormOutcome {
  const errors = strings.evaluator.errors;
  const values: GradingValues = {
    levels: Object.fromEntries(rubric.criteria.map((c) => [c.id, field(form, `level:${c.id}`)])),
    comments: Object.fromEntries(rubric.criteria.map((c) => [c.id, field(form, `comment:${c.id}`)])),
    anchors: Object.fromEntries(rubric.criteria.map((c) => [c.id, field(form, `at:${c.id}`).trim()])),
    comment: field(form, 'comment'),
  };
  const problems: FieldError[] = [];
  for (const c of rubric.criteria) {
    if (!c.levels.some((l) => l.id === values.levels[c.id]))
      problems.push({ field: `level-${c.id}`, message: errors.level(c.title) });
    if (values.comments[c.id]!.trim().length > 4000)
      problems.push({ field: `comment-${c.id}`, message: errors.comment(c.title) });
    const at = values.anchors[c.id]!;
    if (at !== '' && !isTimeAnchor(at))
      problems.push({ field: `at-${c.id}`, message: errors.anchor(c.title) });
  }
  if (values.comment.trim().length > 8000)
    problems.push({ field: 'overall-comment', message: errors.overall });
  if (problems.length > 0) return { ok: false, values, problems };

  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
  const input = evaluationInputSchema.parse({
    scores: rubric.criteria.map((c) => ({
      criterionId: c.id,
      levelId: values.levels[c.id],
      ...(optional(values.comments[c.id]!) ? { comment: optional(values.comments[c.id]!) } : {}),
      ...(optional(values.anchors[c.id]!) ? { at: optional(values.anchors[c.id]!) } : {}),
    })),
    ...(optional(values.comment) ? { comment: optional(values.comment) } : {}),
  });
  return {
    ok: true,
    work: {
      scores: input.scores.map((s) => ({
        criterionId: s.criterionId,
        levelId: s.levelId,
        comment: s.comment,
        anchor: s.at,
      })),
      comment: input.comment,
    },
  };
}
