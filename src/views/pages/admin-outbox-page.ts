import { html } from '../html.js';
import { formatDateTime, strings } from '../strings.js';
import { adminLayout } from './admin-layout.js';
import type { AdminLinks } from './admin-links.js';

type Target = 'xapi' | 'ags';
type Status = 'pending' | 'delivered' | 'dead';

export interface OutboxPageView {
  readonly lrsConfigured: boolean;
  readonly counts: readonly {
    readonly target: Target;
    readonly status: Status;
    readonly count: number;
    readonly oldest: string | null;
  }[];
  /** Minutes the oldest pending entry has waited, if any is pending. */
  readonly oldestPendingMinutes: number | undefined;
  readonly dead: readonly {
    readonly id: string;
    readonly target: Target;
    readonly kind: string;
    readonly tries: number;
    readonly lastError: string | null;
    readonly createdAt: string;
  }[];
  readonly retried?: number | undefined;
}

/** Delivery to the LRS and the LMS: counts by target and status, the oldest pending, dead entries to retry. */
export function adminOutboxPage(view: OutboxPageView, links: AdminLinks): string {
  const text = strings.admin;
  return adminLayout({
    title: text.outboxTitle,
    links,
    current: 'outbox',
    main: html`<h1>${text.outboxTitle}</h1>
${view.retried !== undefined ? html`<p class="notice" role="status">${text.retried(view.retried)}</p>` : ''}
<p>${text.outboxIntro}</p>
${view.lrsConfigured ? '' : html`<p class="notice">${text.lrsMissing}</p>`}
<p class="oldest-pending">${view.oldestPendingMinutes === undefined ? text.nothingPending : text.oldestPending(text.age(view.oldestPendingMinutes))}</p>
${
  view.counts.length === 0
    ? html`<p>${text.empty}</p>`
    : html`<table class="outbox-counts">
<caption>${text.countsCaption}</caption>
<thead><tr><th scope="col">${text.target}</th><th scope="col">${strings.evaluator.status}</th><th scope="col">${text.count}</th><th scope="col">${text.oldest}</th></tr></thead>
<tbody>
${view.counts.map(
  (c) =>
    html`<tr data-target="${c.target}" data-status="${c.status}"><th scope="row">${text.targets[c.target]}</th><td>${text.outboxStatuses[c.status]}</td><td>${c.count}</td><td>${c.oldest ? formatDateTime(c.oldest) : text.none}</td></tr>\n`,
)}
</tbody>
</table>`
}
<section aria-labelledby="dead">
<h2 id="dead">${text.deadTitle}</h2>
<p>${text.deadIntro}</p>
${
  view.dead.length === 0
    ? html`<p>${text.noDead}</p>`
    : html`<form method="post" action="${links.retryOutbox()}">
<input type="hidden" name="all" value="dead">
<p><button type="submit" class="button">${text.retryAll}</button></p>
</form>
<table class="dead-entries">
<caption class="visually-hidden">${text.deadCaption}</caption>
<thead><tr><th scope="col">${text.entry}</th><th scope="col">${text.target}</th><th scope="col">${text.kind}</th><th scope="col">${text.tries}</th><th scope="col">${text.lastError}</th><th scope="col"><span class="visually-hidden">${text.retry}</span></th></tr></thead>
<tbody>
${view.dead.map(
  (e) => html`<tr data-entry="${e.id}">
<th scope="row"><code>${e.id}</code><br><span class="hint">${text.created} ${formatDateTime(e.createdAt)}</span></th>
<td>${text.targets[e.target]}</td>
<td>${e.kind}</td>
<td>${e.tries}</td>
<td class="plain-text">${e.lastError ?? text.none}</td>
<td><form method="post" action="${links.retryOutbox()}"><input type="hidden" name="id" value="${e.id}"><button type="submit" class="button">${text.retry}<span class="visually-hidden"> ${text.retryLabel(e.id)}</span></button></form></td>
</tr>\n`,
)}
</tbody>
</table>`
}
</section>`,
  });
}
