import type { CalibrationCloseness } from '../../domain/practical/calibration.js';
import { html, raw } from '../html.js';
import { formatDateTime, strings } from '../strings.js';
import { evaluatorNavigation } from './evaluator-navigation.js';
import { errorSummary, type FormProblems, fieldError } from './form-errors.js';
import { layout } from './layout.js';
import type { PageLinks } from './page-links.js';
import type { RubricView } from './practical-view.js';

export interface CalibrationReferenceView {
  readonly id: string;
  readonly title: string;
  readonly evidence: {
    readonly links: readonly { readonly url: string; readonly title: string | undefined }[];
    /** Sanitised Markdown (reference notes are content). */
    readonly notesHtml: string | null;
  };
  /** The evaluator's latest scoring of it, with how close it came; the agreed levels show only then. */
  readonly last: {
    readonly at: string;
    readonly closeness: CalibrationCloseness;
  } | null;
}

export interface CalibrationPageView {
  readonly courseId: string;
  readonly courseTitle: string;
  readonly rubric: RubricView;
  readonly calibrated: boolean;
  readonly references: readonly CalibrationReferenceView[];
  readonly notice?: string | undefined;
  readonly form?: {
    readonly referenceId: string;
    readonly levels: Readonly<Record<string, string>>;
    readonly problems: FormProblems;
  };
}

/** A course's reference submissions: score each, and see how close you came, criterion by criterion. */
export function calibrationPage(view: CalibrationPageView, links: PageLinks): string {
  const text = strings.evaluator;
  return layout({
    title: text.calibrationTitle(view.courseTitle),
    links,
    navigation: evaluatorNavigation(links),
    scripts: view.form ? ['forms.js'] : [],
    main: html`<h1>${text.calibrationTitle(view.courseTitle)}</h1>
${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
<p>${view.references.length === 0 ? text.noReferences : view.calibrated ? text.calibrated : text.notCalibrated}</p>
<p class="hint">${text.rubricVersion(view.rubric.version)}</p>
${view.references.map((r) => referenceSection(view, r, links))}
<p><a href="${links.evaluatorQueue()}">${text.toQueue}</a></p>`,
  });
}

function referenceSection(view: CalibrationPageView, r: CalibrationReferenceView, links: PageLinks) {
  const text = strings.evaluator;
  const problems = view.form?.referenceId === r.id ? view.form.problems : undefined;
  const chosen = view.form?.referenceId === r.id ? view.form.levels : {};
  const prefix = `ref-${r.id}`;
  const criterion = (id: string) => view.rubric.criteria.find((c) => c.id === id);
  const levelTitle = (criterionId: string, levelId: string) =>
    criterion(criterionId)?.levels.find((l) => l.id === levelId)?.title ?? levelId;
  return html`<section id="reference-${r.id}" aria-labelledby="${prefix}-title" class="reference">
<h2 id="${prefix}-title">${text.reference}: ${r.title}</h2>
<ul class="evidence-links">
${r.evidence.links.map(
  (l) =>
    html`<li><a href="${l.url}" target="_blank" rel="noopener noreferrer">${l.title ?? l.url}</a> <span class="hint">${text.newTab}</span></li>\n`,
)}
</ul>
${r.evidence.notesHtml ? html`<div class="markdown">${raw(r.evidence.notesHtml)}</div>` : ''}
${
  r.last
    ? html`<h3>${text.yourLastScore} <span class="hint">(${formatDateTime(r.last.at)})</span></h3>
<p>${text.closenessSummary(Math.round(r.last.closeness.exact * 100), Math.round(r.last.closeness.withinOne * 100))}</p>
<table class="closeness">
<caption class="visually-hidden">${text.closenessCaption}</caption>
<thead><tr><th scope="col">${strings.practical.criterion}</th><th scope="col">${text.yourLevel}</th><th scope="col">${text.agreedLevel}</th><th scope="col">${text.closeness}</th></tr></thead>
<tbody>
${r.last.closeness.criteria.map(
  (c) =>
    html`<tr><th scope="row">${criterion(c.criterionId)?.title ?? c.criterionId}</th><td>${levelTitle(c.criterionId, c.given)}</td><td>${levelTitle(c.criterionId, c.agreed)}</td><td>${
      c.levelsApart === 0 ? text.exact : c.levelsApart === 1 ? text.withinOne : text.apart(c.levelsApart)
    }</td></tr>\n`,
)}
</tbody>
</table>`
    : ''
}
${errorSummary(problems, `${prefix}-errors`)}
<form method="post" action="${links.calibrate(view.courseId, r.id)}" novalidate>
${view.rubric.criteria.map((c) => {
  const field = `${prefix}-level-${c.id}`;
  const error = fieldError(problems, field);
  return html`<fieldset class="criterion"${error.value ? html` aria-describedby="${field}-error"` : ''}>
<legend>${c.title}</legend>
${error}
<div class="options">
${c.levels.map(
  (l, i) =>
    html`<label class="option"><input type="radio" name="level:${c.id}" id="${i === 0 ? field : `${field}-${l.id}`}" value="${l.id}"${chosen[c.id] === l.id ? raw(' checked') : ''}> <span>${strings.practical.levelPoints(l.title, l.points)}</span></label>\n`,
)}
</div>
</fieldset>`;
})}
<p><button type="submit" class="button">${r.last ? text.scoreAgain : text.scoreReference}</button></p>
</form>
</section>`;
}
