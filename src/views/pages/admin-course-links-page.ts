import { html } from '../html.js';
import { formatDateTime, strings } from '../strings.js';
import { adminLayout } from './admin-layout.js';
import type { AdminLinks } from './admin-links.js';
import { stateBadge } from './state-badge.js';

export interface CourseLinkRowView {
  readonly id: string;
  readonly platformName: string;
  readonly deploymentId: string;
  readonly contextId: string | null;
  readonly resourceLinkId: string;
  readonly title: string | null;
  readonly courseTitle: string | null;
  readonly passbackProblem: string | null;
  readonly lastLaunchAt: string;
}

/** Every resource link learners came through, and whether grades can go back through it (and why not). */
export function adminCourseLinksPage(rows: readonly CourseLinkRowView[], links: AdminLinks): string {
  const text = strings.admin;
  return adminLayout({
    title: text.courseLinksTitle,
    links,
    current: 'courseLinks',
    main: html`<h1>${text.courseLinksTitle}</h1>
<p>${text.courseLinksIntro}</p>
${
  rows.length === 0
    ? html`<p>${text.noCourseLinks}</p>`
    : html`<table class="course-links">
<caption>${text.courseLinksCaption}</caption>
<thead><tr><th scope="col">${text.link}</th><th scope="col">${text.platform}</th><th scope="col">${text.context}</th><th scope="col">${text.course}</th><th scope="col">${text.passback}</th><th scope="col">${text.lastLaunch}</th></tr></thead>
<tbody>
${rows.map(
  (r) => html`<tr data-link="${r.id}">
<th scope="row">${r.title ?? r.resourceLinkId}<br><span class="hint">${r.resourceLinkId}</span></th>
<td>${r.platformName}<br><span class="hint">${r.deploymentId}</span></td>
<td>${r.contextId ?? text.none}</td>
<td>${r.courseTitle ?? text.none}</td>
<td>${r.passbackProblem ? html`${stateBadge('failed', text.notPossible)}<br><span class="plain-text">${r.passbackProblem}</span>` : stateBadge('passed', text.possible)}</td>
<td>${formatDateTime(r.lastLaunchAt)}</td>
</tr>\n`,
)}
</tbody>
</table>`
}`,
  });
}
