import { html } from '../../views/html.js';
import type { Gradebook, LineItem } from '../gradebook.js';
import { fullName, personaBySubject } from '../personas.js';
import { devLayout } from './dev-layout.js';
import { devStrings } from './dev-strings.js';

/** GET /dev/gradebook: every line item the tool created, with each person's newest score. */
export function gradebookPage(input: {
  gradebook: Gradebook;
  root: string;
  asset: (file: string) => string;
}): string {
  const text = devStrings.gradebook;
  const items = input.gradebook.lineItems();
  return devLayout({
    title: text.title,
    section: 'gradebook',
    root: input.root,
    asset: input.asset,
    main: html`<h1>${text.title}</h1>
<p>${text.intro}</p>
${items.length === 0 ? html`<p class="notice">${text.empty}</p>` : items.map((item, i) => lineItemSection(input.gradebook, item, i))}`,
  });
}

function lineItemSection(gradebook: Gradebook, item: LineItem, index: number) {
  const text = devStrings.gradebook;
  const headingId = `line-item-${index + 1}`;
  const users = gradebook.usersOf(item.id);
  return html`<section class="line-item" aria-labelledby="${headingId}" data-line-item="${item.id}">
<h2 id="${headingId}">${item.label}</h2>
<dl class="facts">
<div><dt>${text.lineItemFacts.tag}</dt><dd><code>${item.tag ?? '—'}</code></dd></div>
<div><dt>${text.lineItemFacts.resource}</dt><dd><code>${item.resourceId ?? '—'}</code></dd></div>
<div><dt>${text.lineItemFacts.link}</dt><dd><code>${item.resourceLinkId ?? '—'}</code></dd></div>
<div><dt>${text.lineItemFacts.maximum}</dt><dd>${item.scoreMaximum}</dd></div>
</dl>
${
  users.length === 0
    ? html`<p>${text.noScores}</p>`
    : html`<div class="table-scroll"><table>
<caption class="visually-hidden">${text.caption(item.label)}</caption>
<thead><tr><th scope="col">${text.person}</th><th scope="col">${text.score}</th><th scope="col">${text.activity}</th><th scope="col">${text.grading}</th><th scope="col">${text.comment}</th><th scope="col">${text.timestamp}</th><th scope="col">${text.received}</th></tr></thead>
<tbody>
${users.map((userId) => {
  const score = gradebook.grade(item.id, userId)!;
  const persona = personaBySubject(userId);
  return html`<tr data-user="${userId}">
<th scope="row">${persona ? fullName(persona) : userId}</th>
<td class="score">${score.scoreGiven === undefined ? text.noScoreGiven : text.scoreOf(score.scoreGiven, score.scoreMaximum)}</td>
<td class="activity-progress">${score.activityProgress}</td>
<td class="grading-progress">${score.gradingProgress}</td>
<td class="comment">${score.comment ?? ''}</td>
<td><time datetime="${score.timestamp}">${score.timestamp}</time></td>
<td>${gradebook.scoresOf(item.id, userId).length}</td>
</tr>
`;
})}</tbody>
</table></div>`
}
</section>
`;
}
