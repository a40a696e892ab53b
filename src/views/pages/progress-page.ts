import type { ExamState } from '../../domain/exam/exam-status.js';
import type { PracticalState } from '../../domain/practical/practical-state.js';
import { html } from '../html.js';
import { strings } from '../strings.js';
import { layout } from './layout.js';
import type { PageLinks } from './page-links.js';
import { stateBadge } from './state-badge.js';

export interface ProgressView {
  readonly accreditations: readonly {
    readonly id: string;
    readonly title: string;
    readonly audience: string;
    readonly courses: readonly {
      readonly id: string;
      readonly title: string;
      readonly written: ExamState;
      readonly practical: PracticalState;
      readonly certified: boolean;
    }[];
  }[];
}

/** The learner's standing: accreditations → courses → written exam and practical state. */
export function progressPage(view: ProgressView, links: PageLinks): string {
  const sections = view.accreditations.map(
    (accreditation) => html`<section aria-labelledby="accreditation-${accreditation.id}">
<h2 id="accreditation-${accreditation.id}">${accreditation.title}</h2>
<p>${strings.progress.audience(accreditation.audience)}</p>
<table>
<caption class="visually-hidden">${strings.progress.caption(accreditation.title)}</caption>
<thead><tr><th scope="col">${strings.progress.course}</th><th scope="col">${strings.progress.written}</th><th scope="col">${strings.progress.practical}</th><th scope="col">${strings.progress.certified}</th></tr></thead>
<tbody>
${accreditation.courses.map(
  (course) => html`<tr>
<th scope="row"><a href="${links.course(course.id)}">${course.title}</a></th>
<td>${stateBadge(course.written, strings.examState[course.written])}</td>
<td>${stateBadge(course.practical, strings.practicalState[course.practical])}</td>
<td>${course.certified ? stateBadge('certified', strings.progress.isCertified) : strings.progress.notCertified}</td>
</tr>`,
)}
</tbody>
</table>
</section>`,
  );
  return layout({
    title: strings.progress.title,
    links,
    main: html`<h1>${strings.progress.title}</h1>
<p>${strings.progress.intro}</p>
${sections.length > 0 ? sections : html`<p>${strings.progress.none}</p>`}`,
  });
}
