import { html } from '../../views/html.js';
import type { Destination } from '../destinations.js';
import type { DevPlatformUrls } from '../dev-platform-urls.js';
import { fullName, type Persona } from '../personas.js';
import { devLayout } from './dev-layout.js';
import { devStrings } from './dev-strings.js';

export interface StartPageInput {
  readonly personas: readonly Persona[];
  readonly destinations: readonly Destination[];
  readonly urls: DevPlatformUrls;
  /** Where the tool's statements go: this platform's LRS, or LRS_ENDPOINT. */
  readonly lrsEndpoint: string | undefined;
  readonly root: string;
  readonly asset: (file: string) => string;
  /** How many links a deep linking response just placed, to confirm it. */
  readonly placed: number | undefined;
}

/** GET /dev: pick a persona and a destination, and launch. Works without scripts. */
export function startPage(input: StartPageInput): string {
  const text = devStrings.start;
  const { urls } = input;
  const facts: [string, string][] = [
    [text.fields.issuer, urls.issuer],
    [text.fields.clientId, urls.clientId],
    [text.fields.deployment, urls.deploymentId],
    [text.fields.authLogin, urls.authorization],
    [text.fields.token, urls.token],
    [text.fields.jwks, urls.jwks],
    ...(input.lrsEndpoint ? [[text.fields.lrs, input.lrsEndpoint] as [string, string]] : []),
  ];
  return devLayout({
    title: text.title,
    section: 'start',
    root: input.root,
    asset: input.asset,
    main: html`<h1>${text.title}</h1>
${input.placed !== undefined ? html`<p class="notice" role="status">${text.placedNotice(input.placed)}</p>` : ''}
<p>${text.intro}</p>
<form method="post" action="${input.root}/launches" class="launch-form">
<fieldset>
<legend>${text.who}</legend>
<div class="options personas">
${input.personas.map(
  (p, i) => html`<label class="option persona">
<input type="radio" name="persona" value="${p.id}" required${i === 0 ? html` checked` : ''}>
<span><strong>${fullName(p)}</strong> <span class="persona-kind">${text.kinds[p.kind]}</span></span>
</label>
`,
)}</div>
</fieldset>
<fieldset>
<legend>${text.where}</legend>
<div class="options destinations">
${input.destinations.map(
  (d, i) => html`<label class="option">
<input type="radio" name="destination" value="${d.id}" required${i === 0 ? html` checked` : ''}>
<span>${d.placed ? text.placedLink(d.title) : d.courseId ? text.course(d.title) : text.progress}</span>
</label>
`,
)}</div>
</fieldset>
<p><button class="button primary" type="submit">${text.launch}</button></p>
</form>
<section aria-labelledby="deep-linking">
<h2 id="deep-linking">${text.deepLinkingTitle}</h2>
<p>${text.deepLinkingIntro}</p>
<form method="post" action="${input.root}/deep-linking" class="deep-linking-form">
<div class="field">
<label for="deep-linking-persona">${text.deepLinkingWho}</label>
<select id="deep-linking-persona" name="persona">
${input.personas
  .filter((p) => p.kind !== 'learner')
  .map(
    (p) => html`<option value="${p.id}">${fullName(p)} (${text.kinds[p.kind]})</option>
`,
  )}</select>
</div>
<p><button class="button" type="submit">${text.deepLinkingButton}</button></p>
</form>
</section>
<section aria-labelledby="walk-through">
<h2 id="walk-through">${text.walkThroughTitle}</h2>
<ol class="walk-through">
${text.walkThrough.map((step) => html`<li>${step}</li>\n`)}</ol>
</section>
<section aria-labelledby="registration">
<h2 id="registration">${text.registrationTitle}</h2>
<p>${text.registrationIntro}</p>
<dl class="facts registration-facts">
${facts.map(([term, value]) => html`<div><dt>${term}</dt><dd><code>${value}</code></dd></div>\n`)}</dl>
</section>`,
  });
}
