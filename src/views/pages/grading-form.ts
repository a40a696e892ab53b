import { html, raw } from '../html.js';
import { strings } from '../strings.js';
import { errorSummary, type FormProblems, fieldAttributes, fieldError } from './form-errors.js';
import type { PageLinks } from './page-links.js';
import type { EvaluationRoleWord, RubricView } from './practical-view.js';

export interface GradingValues {
  readonly levels: Readonly<Record<string, string>>;
  readonly comments: Readonly<Record<string, string>>;
  readonly anchors: Readonly<Record<string, string>>;
  readonly comment: string;
}

export const emptyGradingValues: GradingValues = { levels: {}, comments: {}, anchors: {}, comment: '' };

/**
 * The rubric as a form: per criterion a fieldset whose legend names it, a radio per level (the
 * minimum said in words), a comment and an optional time in the recording; an overall comment.
 * Problems the server found come back next to their field and in a summary that takes the focus.
 */
export function gradingForm(input: {
  readonly submissionId: string;
  readonly role: EvaluationRoleWord;
  readonly rubric: RubricView;
  readonly values: GradingValues;
  readonly problems: FormProblems | undefined;
  readonly links: PageLinks;
}) {
  const text = strings.evaluator;
  const { rubric, values, problems } = input;
  return html`<section aria-labelledby="grading" class="grading">
<h2 id="grading">${text.gradingForm}</h2>
${errorSummary(problems)}
<p>${text.gradingRole(text.awaiting[input.role])} ${strings.practical.rubricIntro(rubric.passThreshold, rubric.maximum)}</p>
<p class="hint">${text.rubricVersion(rubric.version)}</p>
<form method="post" action="${input.links.evaluateSubmission(input.submissionId)}" novalidate>
${rubric.criteria.map((c) => {
  const minimum = c.levels.find((l) => l.id === c.minimumLevel);
  const levelError = fieldError(problems, `level-${c.id}`);
  const describedBy = [`criterion-${c.id}-hint`, levelError.value ? `level-${c.id}-error` : undefined]
    .filter(Boolean)
    .join(' ');
  return html`<fieldset class="criterion" data-criterion="${c.id}" aria-describedby="${describedBy}">
<legend>${c.title}</legend>
${c.descriptionHtml ? html`<div class="markdown hint">${raw(c.descriptionHtml)}</div>` : ''}
<p class="hint" id="criterion-${c.id}-hint">${text.chooseLevel} ${minimum ? text.minimum(minimum.title) : strings.practical.noMinimum}</p>
${levelError}
<div class="options">
${c.levels.map(
  (l, i) =>
    html`<label class="option"><input type="radio" name="level:${c.id}" id="${i === 0 ? `level-${c.id}` : `level-${c.id}-${l.id}`}" value="${l.id}"${values.levels[c.id] === l.id ? raw(' checked') : ''}> <span><strong>${strings.practical.levelPoints(l.title, l.points)}</strong>${
      l.id === c.minimumLevel ? html` <span class="tag">(${strings.practical.minimumTag})</span>` : ''
    }${l.descriptionHtml ? html`<span class="markdown level-description">${raw(l.descriptionHtml)}</span>` : ''}</span></label>\n`,
)}
</div>
<div class="field"><label for="comment-${c.id}">${text.criterionComment(c.title)} <span class="hint">${strings.form.optional}</span></label>
${fieldError(problems, `comment-${c.id}`)}
<textarea id="comment-${c.id}" name="comment:${c.id}" rows="3" maxlength="4000"${fieldAttributes(problems, `comment-${c.id}`)}>${values.comments[c.id] ?? ''}</textarea></div>
<div class="field"><label for="at-${c.id}">${text.anchor(c.title)} <span class="hint">${strings.form.optional}</span></label>
<p class="hint" id="at-${c.id}-hint">${text.anchorHint}</p>
${fieldError(problems, `at-${c.id}`)}
<input type="text" id="at-${c.id}" name="at:${c.id}" class="short" maxlength="10" autocomplete="off" value="${values.anchors[c.id] ?? ''}"${fieldAttributes(problems, `at-${c.id}`, `at-${c.id}-hint`)}></div>
</fieldset>`;
})}
<div class="field"><label for="overall-comment">${text.overallComment} <span class="hint">${strings.form.optional}</span></label>
${fieldError(problems, 'overall-comment')}
<textarea id="overall-comment" name="comment" rows="5" maxlength="8000"${fieldAttributes(problems, 'overall-comment')}>${values.comment}</textarea></div>
<p><button type="submit" class="button primary">${text.record}</button></p>
</form>
</section>`;
}
