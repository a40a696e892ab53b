import { html, raw, type SafeHtml } from '../html.js';
import { strings } from '../strings.js';

/** A problem with one field of a posted form, named by the field's id. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** What the server found wrong with a posted form: per field, and what belongs to no field. */
export interface FormProblems {
  readonly fields: readonly FieldError[];
  readonly general?: string | undefined;
}

export function hasProblems(problems: FormProblems | undefined): problems is FormProblems {
  return problems !== undefined && (problems.fields.length > 0 || problems.general !== undefined);
}

/**
 * The error summary at the top of a form sent back: focused on load (autofocus, and public/forms.js
 * where autofocus is not honoured, as in a cross-origin iframe), each problem a link to its field.
 */
export function errorSummary(problems: FormProblems | undefined, id = 'error-summary'): SafeHtml {
  if (!hasProblems(problems)) return raw('');
  return html`<div class="error-summary" id="${id}" tabindex="-1" role="alert" aria-labelledby="${id}-title" data-error-summary autofocus>
<h2 id="${id}-title">${strings.form.problemTitle}</h2>
${problems.general ? html`<p>${problems.general}</p>` : ''}
${
  problems.fields.length > 0
    ? html`<p>${strings.form.problemIntro}</p>
<ul>
${problems.fields.map((f) => html`<li><a href="#${f.field}" data-field="${f.field}">${f.message}</a></li>\n`)}
</ul>`
    : ''
}
</div>`;
}

export function errorOf(problems: FormProblems | undefined, field: string): string | undefined {
  return problems?.fields.find((f) => f.field === field)?.message;
}

/** The message shown next to a field, with an id its input points at (aria-describedby). */
export function fieldError(problems: FormProblems | undefined, field: string): SafeHtml {
  const message = errorOf(problems, field);
  return message
    ? html`<p class="field-error" id="${field}-error"><span class="visually-hidden">${strings.form.error}</span> ${message}</p>`
    : raw('');
}

/** aria-invalid and aria-describedby (the hint, then the error) for a field's input. */
export function fieldAttributes(
  problems: FormProblems | undefined,
  field: string,
  hintId?: string,
): SafeHtml {
  const invalid = errorOf(problems, field) !== undefined;
  const describedBy = [hintId, invalid ? `${field}-error` : undefined].filter(Boolean).join(' ');
  return html`${invalid ? raw(' aria-invalid="true"') : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}`;
}
