import { html } from '../html.js';
import { strings } from '../strings.js';
import { evaluatorNavigation } from './evaluator-navigation.js';
import { layout } from './layout.js';
import type { PageLinks } from './page-links.js';

interface AgreementView {
  readonly items: number;
  readonly percentAgreement: number;
  readonly kappa: number | undefined;
}

export interface AgreementPageView {
  readonly courseId: string | undefined;
  readonly courses: readonly { readonly id: string; readonly title: string }[];
  readonly doubleMarked: number;
  readonly decisions: AgreementView;
  readonly criteria: readonly ({ readonly criterionId: string; readonly title: string } & AgreementView)[];
}

/** Inter-rater agreement on double-marked submissions: percent agreement and Cohen's kappa. */
export function agreementPage(view: AgreementPageView, links: PageLinks): string {
  const text = strings.evaluator;
  const row = (label: string, a: AgreementView) =>
    html`<tr><th scope="row">${label}</th><td>${a.items}</td><td>${text.percent(a.percentAgreement)}</td><td>${
      a.kappa === undefined ? text.noKappa : a.kappa.toFixed(2)
    }</td></tr>\n`;
  return layout({
    title: text.agreementTitle,
    links,
    navigation: evaluatorNavigation(links, 'agreement'),
    main: html`<h1>${text.agreementTitle}</h1>
<p>${text.agreementIntro}</p>
<form method="get" action="${links.path(links.agreement())}" class="filters">
<input type="hidden" name="session" value="${links.token}">
<div class="field"><label for="agreement-course">${text.course}</label>
<select id="agreement-course" name="courseId">
<option value="">${text.allCourses}</option>
${view.courses.map((c) => html`<option value="${c.id}"${c.id === view.courseId ? html` selected` : ''}>${c.title}</option>\n`)}
</select></div>
<div class="field"><button type="submit" class="button">${text.applyFilters}</button></div>
</form>
<p>${text.doubleMarked(view.doubleMarked)}</p>
${
  view.doubleMarked === 0
    ? html`<p class="notice">${text.noPairs}</p>`
    : html`<table class="agreement">
<caption>${text.agreementCaption}</caption>
<thead><tr><th scope="col">${strings.practical.criterion}</th><th scope="col">${text.items}</th><th scope="col">${text.percentAgreement}</th><th scope="col">${text.kappa}</th></tr></thead>
<tbody>
${view.criteria.map((c) => row(c.title, c))}
${row(text.decisionRow, view.decisions)}
</tbody>
</table>`
}`,
  });
}
