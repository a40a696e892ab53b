import { html, raw, type SafeHtml } from '../html.js';
import { formatDateTime, strings } from '../strings.js';
import { errorSummary, type FormProblems, fieldAttributes, fieldError } from './form-errors.js';
import { layout } from './layout.js';
import type { PageLinks } from './page-links.js';
import type { EvidenceView, LearnerSubmissionView, RubricView } from './practical-view.js';
import { rubricTable } from './rubric-view.js';
import { stateBadge } from './state-badge.js';

/** How many link rows the evidence form offers (the API takes up to 10). */
export const evidenceLinkRows = 3;

export interface EvidenceFormValues {
  readonly links: readonly { readonly url: string; readonly title: string }[];
  readonly notes: string;
}

export interface PracticalPageView {
  readonly courseId: string;
  readonly courseTitle: string;
  readonly title: string;
  readonly open: boolean;
  /** Sanitised Markdown. */
  readonly instructionsHtml: string;
  readonly evidenceKinds: readonly ('recording' | 'document' | 'notes')[];
  readonly rubric: RubricView;
  /** The submission the learner stands on: the one that counts, else the latest. */
  readonly shown: LearnerSubmissionView | null;
  readonly earlier: readonly LearnerSubmissionView[];
  readonly canWithdraw: boolean;
  readonly canSubmit: boolean;
  readonly certifiedAt: string | null;
  readonly notice?: string | undefined;
  readonly evidenceForm?: { readonly values: EvidenceFormValues; readonly problems: FormProblems };
  readonly appealForm?: { readonly reason: string; readonly problems: FormProblems };
}

/**
 * The learner's practical: instructions, where their submission stands (withdraw while allowed),
 * the released result with per-criterion levels, comments and time anchors, the appeal form within
 * its window, the evidence form when they may submit, and the rubric it is graded against.
 */
export function practicalPage(view: PracticalPageView, links: PageLinks): string {
  const text = strings.practical;
  return layout({
    title: text.title(view.courseTitle),
    links,
    scripts: view.evidenceForm || view.appealForm ? ['forms.js'] : [],
    main: html`<h1>${text.title(view.courseTitle)}</h1>
${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
${view.certifiedAt ? html`<p class="notice certified">${stateBadge('certified', strings.progress.isCertified)} ${text.certified(view.courseTitle, formatDateTime(view.certifiedAt))}</p>` : ''}
${view.open ? '' : html`<p class="notice">${text.locked} <a href="${links.course(view.courseId)}">${text.toCourse}</a></p>`}
<section aria-labelledby="instructions">
<h2 id="instructions">${view.title}</h2>
<div class="markdown">${raw(view.instructionsHtml)}</div>
</section>
${view.shown ? submissionSection(view, view.shown, links) : ''}
${view.canSubmit ? evidenceForm(view, links) : ''}
${rubricTable(view.rubric, 'rubric')}
${
  view.earlier.length > 0
    ? html`<section aria-labelledby="earlier">
<h2 id="earlier">${text.earlier}</h2>
<ul>
${view.earlier.map(
  (s) =>
    html`<li>${text.submissionNumber(s.number)}: ${s.result ? stateBadge(s.result.passed ? 'passed' : 'failed', s.result.passed ? text.passed : text.failed) : text.statuses[s.status]} · ${text.submittedAt(formatDateTime(s.submittedAt))}</li>\n`,
)}
</ul>
</section>`
    : ''
}
<p><a href="${links.course(view.courseId)}">${text.toCourse}</a></p>`,
  });
}

function submissionSection(view: PracticalPageView, s: LearnerSubmissionView, links: PageLinks): SafeHtml {
  const text = strings.practical;
  return html`<section aria-labelledby="submission">
<h2 id="submission">${text.status}</h2>
<p><strong>${text.submissionNumber(s.number)}</strong>: <span class="submission-status" data-status="${s.status}">${text.statuses[s.status]}</span>. ${text.submittedAt(formatDateTime(s.submittedAt))}</p>
${evidenceList(s.evidence, 'learner')}
${
  view.canWithdraw
    ? html`<form method="post" action="${links.withdrawSubmission(s.id)}">
<p class="hint">${text.withdrawHint}</p>
<button type="submit" class="button">${text.withdraw}</button>
</form>`
    : ''
}
</section>
${s.result ? resultSection(s.result) : ''}
${s.appeal.appealedAt ? html`<p class="notice">${text.appealed(formatDateTime(s.appeal.appealedAt))}</p>` : ''}
${s.appeal.possibleUntil ? appealForm(view, s, s.appeal.possibleUntil, links) : ''}`;
}

/** Evidence links (opened in a new tab, without the page's URL as Referer) and the learner's notes. */
export function evidenceList(evidence: EvidenceView, reader: 'learner' | 'evaluator'): SafeHtml {
  const [evidenceHeading, notesHeading] =
    reader === 'learner'
      ? [strings.practical.yourEvidence, strings.practical.yourNotes]
      : [strings.evaluator.evidence, strings.evaluator.learnerNotes];
  return html`<h3>${evidenceHeading}</h3>
${
  evidence.links.length > 0
    ? html`<ul class="evidence-links">
${evidence.links.map(
  (l) =>
    html`<li><a href="${l.url}" target="_blank" rel="noopener noreferrer">${l.title ?? l.url}</a> <span class="hint">${strings.evaluator.newTab}</span>${l.title ? html`<br><span class="hint url">${l.url}</span>` : ''}</li>\n`,
)}
</ul>`
    : html`<p>${strings.evaluator.noLinks}</p>`
}
${
  evidence.notes
    ? html`<h3>${notesHeading}</h3><p class="plain-text">${evidence.notes}</p>`
    : reader === 'evaluator'
      ? html`<h3>${notesHeading}</h3><p>${strings.evaluator.noNotes}</p>`
      : ''
}`;
}

function resultSection(result: NonNullable<LearnerSubmissionView['result']>) {
  const text = strings.practical;
  const verdict = result.passed ? 'passed' : 'failed';
  const below = result.criteria.filter((c) => c.belowMinimum).map((c) => c.title);
  return html`<section class="verdict verdict-${verdict}" aria-labelledby="result">
<h2 id="result">${text.result}</h2>
<p>${stateBadge(verdict, result.passed ? text.passed : text.failed)} · ${text.verdict(result.passed)}</p>
<p>${text.total(result.total, result.maximum, result.passThreshold)}</p>
${below.length > 0 ? html`<p>${text.belowMinimum(below.join(', '))}</p>` : ''}
<p class="hint">${text.gradedAgainst(result.rubricVersion)}${result.releasedAt ? html` ${text.releasedAt(formatDateTime(result.releasedAt))}` : ''}</p>
<table class="scores">
<caption>${text.criteriaCaption}</caption>
<thead><tr><th scope="col">${text.criterion}</th><th scope="col">${text.level}</th><th scope="col">${text.comment}</th></tr></thead>
<tbody>
${result.criteria.map(
  (c) => html`<tr data-criterion="${c.criterionId}">
<th scope="row">${c.title}</th>
<td>${c.level ? text.levelPoints(c.level.title, c.level.points) : ''}${c.belowMinimum ? html` <strong class="tag">(${text.belowMinimumTag})</strong>` : ''}</td>
<td>${c.at ? html`<span class="anchor">${text.at(c.at)}</span> ` : ''}${c.comment ? html`<span class="plain-text">${c.comment}</span>` : html`<span class="hint">${text.noComment}</span>`}</td>
</tr>`,
)}
</tbody>
</table>
${result.comment ? html`<h3>${text.overallComment}</h3><p class="plain-text overall-comment">${result.comment}</p>` : ''}
</section>`;
}

function evidenceForm(view: PracticalPageView, links: PageLinks) {
  const text = strings.practical;
  const form = view.evidenceForm;
  const problems = form?.problems;
  const takesLinks = view.evidenceKinds.includes('recording') || view.evidenceKinds.includes('document');
  const takesNotes = view.evidenceKinds.includes('notes');
  const rows = Array.from(
    { length: evidenceLinkRows },
    (_, i) => form?.values.links[i] ?? { url: '', title: '' },
  );
  const again = view.shown !== null;
  return html`<section aria-labelledby="submit-evidence">
<h2 id="submit-evidence">${again ? text.submitAgainTitle : text.submitTitle}</h2>
${errorSummary(problems)}
<p>${text.submitIntro}</p>
<form method="post" action="${links.submitPractical(view.courseId)}" novalidate>
${
  takesLinks
    ? html`<fieldset class="link-rows">
<legend>${text.linksLegend}</legend>
<p class="hint" id="link-url-hint">${text.linkUrlHint}</p>
${rows.map((row, i) => {
  const n = i + 1;
  return html`<div class="link-row">
<div class="field"><label for="link-url-${n}">${text.linkUrl(n)}${n > 1 ? html` <span class="hint">${strings.form.optional}</span>` : ''}</label>
${fieldError(problems, `link-url-${n}`)}
<input type="url" id="link-url-${n}" name="link-url-${n}" value="${row.url}" maxlength="2000" inputmode="url" autocomplete="off"${fieldAttributes(problems, `link-url-${n}`, 'link-url-hint')}></div>
<div class="field"><label for="link-title-${n}">${text.linkTitle(n)} <span class="hint">${strings.form.optional}</span></label>
${fieldError(problems, `link-title-${n}`)}
<input type="text" id="link-title-${n}" name="link-title-${n}" value="${row.title}" maxlength="200" autocomplete="off"${fieldAttributes(problems, `link-title-${n}`)}></div>
</div>`;
})}
</fieldset>`
    : ''
}
${
  takesNotes
    ? html`<div class="field"><label for="notes">${text.notes}${takesLinks ? html` <span class="hint">${strings.form.optional}</span>` : ''}</label>
<p class="hint" id="notes-hint">${text.notesHint}</p>
${fieldError(problems, 'notes')}
<textarea id="notes" name="notes" rows="6" maxlength="10000"${fieldAttributes(problems, 'notes', 'notes-hint')}>${form?.values.notes ?? ''}</textarea></div>`
    : ''
}
<p><button type="submit" class="button primary">${text.submit}</button></p>
</form>
</section>`;
}

function appealForm(view: PracticalPageView, s: LearnerSubmissionView, until: string, links: PageLinks) {
  const text = strings.practical;
  const problems = view.appealForm?.problems;
  return html`<section aria-labelledby="appeal">
<h2 id="appeal">${text.appeal}</h2>
${errorSummary(problems, 'appeal-errors')}
<p>${text.appealIntro(formatDateTime(until))}</p>
<form method="post" action="${links.appealSubmission(s.id)}" novalidate>
<div class="field"><label for="reason">${text.appealReason}</label>
${fieldError(problems, 'reason')}
<textarea id="reason" name="reason" rows="4" maxlength="2000"${fieldAttributes(problems, 'reason')}>${view.appealForm?.reason ?? ''}</textarea></div>
<p><button type="submit" class="button">${text.appealSubmit}</button></p>
</form>
</section>`;
}
