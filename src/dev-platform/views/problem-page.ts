import { html } from '../../views/html.js';
import { devLayout } from './dev-layout.js';
import { devStrings } from './dev-strings.js';

/** What the platform says when it refuses a request: every problem, and the way back. */
export function problemPage(input: {
  problems: readonly string[];
  root: string;
  asset: (file: string) => string;
}): string {
  const text = devStrings.problem;
  return devLayout({
    title: text.title,
    section: undefined,
    root: input.root,
    asset: input.asset,
    main: html`<h1>${text.heading}</h1>
<div role="alert">
<p>${text.intro}</p>
<ul class="problems">
${input.problems.map((p) => html`<li>${p}</li>\n`)}</ul>
</div>
<p><a href="${input.root}">${text.back}</a></p>`,
  });
}
