import { html, raw } from '../html.js';
import { strings } from '../strings.js';
import type { RubricView } from './practical-view.js';

/**
 * The rubric as a table, criteria by levels: the minimum level of each criterion is said in words
 * (and tagged on its level), with the pass threshold and the rubric's version.
 */
export function rubricTable(rubric: RubricView, headingId: string) {
  const text = strings.practical;
  return html`<section aria-labelledby="${headingId}">
<h2 id="${headingId}">${text.rubric}</h2>
<p>${text.rubricIntro(rubric.passThreshold, rubric.maximum)}</p>
<p class="hint">${text.rubricVersion(rubric.version)}</p>
<table class="rubric">
<caption class="visually-hidden">${text.rubric}</caption>
<thead><tr><th scope="col">${text.criterion}</th><th scope="col">${text.levels}</th></tr></thead>
<tbody>
${rubric.criteria.map((c) => {
  const minimum = c.levels.find((l) => l.id === c.minimumLevel);
  return html`<tr>
<th scope="row">${c.title}
${c.descriptionHtml ? html`<div class="markdown hint">${raw(c.descriptionHtml)}</div>` : ''}
<p class="minimum">${minimum ? text.minimumLevel(minimum.title) : text.noMinimum}</p></th>
<td><ol class="levels">
${c.levels.map(
  (l) =>
    html`<li><strong>${text.levelPoints(l.title, l.points)}</strong>${
      l.id === c.minimumLevel ? html` <span class="tag">(${text.minimumTag})</span>` : ''
    }${l.descriptionHtml ? html`<div class="markdown">${raw(l.descriptionHtml)}</div>` : ''}</li>\n`,
)}
</ol></td>
</tr>`;
})}
</tbody>
</table>
</section>`;
}
