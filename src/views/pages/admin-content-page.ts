import type { Program } from '../../domain/content/program.js';
import { html } from '../html.js';
import { strings } from '../strings.js';
import { adminLayout } from './admin-layout.js';
import type { AdminLinks } from './admin-links.js';

/**
 * The program in force. Broken content never gets this far (the tool refuses to start, naming the
 * file and path), so the page says how to check files before a restart instead of listing errors.
 */
export function adminContentPage(program: Program, links: AdminLinks): string {
  const text = strings.admin;
  const titleOf = (id: string) => program.courses.find((c) => c.id === id)?.title ?? id;
  return adminLayout({
    title: text.contentTitle,
    links,
    current: 'content',
    main: html`<h1>${text.contentTitle}</h1>
<p>${text.contentIntro}</p>
<p>${text.contentCheck}</p>
<pre><code>${text.contentCommand}</code></pre>
<p class="hint">${text.contentCommandDir}</p>
<dl class="facts"><div><dt>${text.version}</dt><dd><code class="content-version">${program.version}</code></dd></div></dl>
<section aria-labelledby="accreditations">
<h2 id="accreditations">${text.accreditations}</h2>
<table>
<caption class="visually-hidden">${text.accreditations}</caption>
<thead><tr><th scope="col">${text.name}</th><th scope="col">${text.audience}</th><th scope="col">${text.courses}</th><th scope="col">${text.badgeValidity}</th></tr></thead>
<tbody>
${program.accreditations.map(
  (a) =>
    html`<tr><th scope="row">${a.title}<br><span class="hint">${a.id}</span></th><td>${a.audience}</td><td>${a.courseIds.map(titleOf).join(', ')}</td><td>${text.months(a.badgeValidForMonths)}</td></tr>\n`,
)}
</tbody>
</table>
</section>
<section aria-labelledby="courses">
<h2 id="courses">${text.courses}</h2>
<table>
<caption class="visually-hidden">${text.courses}</caption>
<thead><tr><th scope="col">${text.course}</th><th scope="col">${text.questions}</th><th scope="col">${text.passingScore}</th><th scope="col">${text.practical}</th><th scope="col">${text.rubricVersion}</th><th scope="col">${text.marking}</th><th scope="col">${text.references}</th><th scope="col">${text.appealDays}</th></tr></thead>
<tbody>
${program.courses.map(
  (c) => html`<tr><th scope="row">${c.title}<br><span class="hint">${c.id}</span></th>
<td>${text.questionCount(c.questions.length, c.exam.questionsPerAttempt)}</td>
<td>${strings.course.percent(c.exam.passingScore)}</td>
<td>${c.practical.title}</td>
<td><code>${c.practical.rubric.version}</code></td>
<td>${c.practical.doubleMarking ? text.doubleMarking : text.singleMarking}</td>
<td>${c.practical.calibration.length}</td>
<td>${text.days(c.practical.appealWindowDays)}</td></tr>\n`,
)}
</tbody>
</table>
</section>`,
  });
}
