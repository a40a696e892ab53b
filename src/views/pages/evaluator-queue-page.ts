import { html } from '../html.js';
import { formatDateTime, strings } from '../strings.js';
import { evaluatorNavigation } from './evaluator-navigation.js';
import { layout } from './layout.js';
import type { PageLinks } from './page-links.js';
import type { EvaluationRoleWord, SubmissionStatusWord } from './practical-view.js';

export interface QueueEntryView {
  readonly id: string;
  readonly courseTitle: string;
  readonly learner: { readonly subject: string; readonly name: string | null };
  readonly number: number;
  readonly status: SubmissionStatusWord;
  readonly awaiting: EvaluationRoleWord | 'release';
  readonly waitingMinutes: number;
  readonly claim: { readonly by: string | null; readonly until: string; readonly mine: boolean } | null;
  readonly canTake: boolean;
}

export interface QueuePageView {
  readonly filter: {
    readonly courseId: string | undefined;
    readonly status: string | undefined;
    readonly minWaitingHours: string | undefined;
  };
  readonly courses: readonly { readonly id: string; readonly title: string }[];
  readonly statuses: readonly SubmissionStatusWord[];
  readonly entries: readonly QueueEntryView[];
  /** Courses with reference submissions, and whether this evaluator still has to calibrate on them. */
  readonly calibration: readonly {
    readonly courseId: string;
    readonly title: string;
    readonly needed: boolean;
  }[];
}

/** The grading queue: filters as a GET form (it works without scripts), then one row per submission. */
export function evaluatorQueuePage(view: QueuePageView, links: PageLinks): string {
  const text = strings.evaluator;
  const { filter } = view;
  return layout({
    title: text.queue,
    links,
    navigation: evaluatorNavigation(links, 'queue'),
    main: html`<h1>${text.queue}</h1>
<p>${text.queueIntro}</p>
<form method="get" action="${links.path(links.evaluatorQueue())}" class="filters" aria-labelledby="filters-title">
<h2 id="filters-title" class="visually-hidden">${text.filters}</h2>
<input type="hidden" name="session" value="${links.token}">
<div class="field"><label for="filter-course">${text.course}</label>
<select id="filter-course" name="courseId">
<option value="">${text.allCourses}</option>
${view.courses.map((c) => html`<option value="${c.id}"${c.id === filter.courseId ? html` selected` : ''}>${c.title}</option>\n`)}
</select></div>
<div class="field"><label for="filter-status">${text.status}</label>
<select id="filter-status" name="status">
<option value="">${text.allStatuses}</option>
${view.statuses.map((s) => html`<option value="${s}"${s === filter.status ? html` selected` : ''}>${text.statuses[s]}</option>\n`)}
</select></div>
<div class="field"><label for="filter-hours">${text.minWaitingHours}</label>
<input type="number" id="filter-hours" name="minWaitingHours" min="0" step="1" inputmode="numeric" class="short" value="${filter.minWaitingHours ?? ''}"></div>
<div class="field"><button type="submit" class="button">${text.applyFilters}</button></div>
</form>
${
  view.entries.length === 0
    ? html`<p class="notice" role="status">${text.empty}</p>`
    : html`<table class="queue">
<caption>${text.queueCaption(view.entries.length)}</caption>
<thead><tr><th scope="col">${text.learner}</th><th scope="col">${text.course}</th><th scope="col">${text.status}</th><th scope="col">${text.waiting}</th><th scope="col">${text.claim}</th><th scope="col">${text.action}</th></tr></thead>
<tbody>
${view.entries.map((e) => entryRow(e, links))}
</tbody>
</table>`
}
${
  view.calibration.length > 0
    ? html`<section aria-labelledby="calibration">
<h2 id="calibration">${text.calibration}</h2>
<p>${text.calibrationIntro}</p>
<ul>
${view.calibration.map(
  (c) =>
    html`<li><a href="${links.calibration(c.courseId)}">${text.calibrateCourse(c.title)}</a>: ${c.needed ? text.notCalibrated : text.calibrated}</li>\n`,
)}
</ul>
</section>`
    : ''
}`,
  });
}

function entryRow(e: QueueEntryView, links: PageLinks) {
  const text = strings.evaluator;
  const learner = e.learner.name ?? e.learner.subject;
  const claim = e.claim
    ? e.claim.mine
      ? text.claimedByYou(formatDateTime(e.claim.until))
      : text.claimedBy(e.claim.by ?? text.someone, formatDateTime(e.claim.until))
    : text.unclaimed;
  const about = html`<span class="visually-hidden"> ${text.claimLabel(learner, e.number)}</span>`;
  const action =
    e.awaiting === 'release'
      ? html`<a href="${links.evaluatorSubmission(e.id)}">${text.review}${about}</a>`
      : e.claim?.mine
        ? html`<a href="${links.evaluatorSubmission(e.id)}">${text.continueGrading}${about}</a>`
        : e.claim || !e.canTake
          ? html`${e.canTake ? '' : html`<span class="hint">${text.notForYou}</span> `}<a href="${links.evaluatorSubmission(e.id)}">${text.open}${about}</a>`
          : html`<form method="post" action="${links.claimSubmission(e.id)}"><button type="submit" class="button">${text.claimButton}${about}</button></form>`;
  return html`<tr data-submission="${e.id}">
<th scope="row"><a href="${links.evaluatorSubmission(e.id)}">${learner}</a><br><span class="hint">${strings.practical.submissionNumber(e.number)}</span></th>
<td>${e.courseTitle}</td>
<td>${text.statuses[e.status]}<br><span class="hint">${text.waitingFor(text.awaiting[e.awaiting])}</span></td>
<td>${text.duration(e.waitingMinutes)}</td>
<td>${claim}</td>
<td>${action}</td>
</tr>\n`;
}
