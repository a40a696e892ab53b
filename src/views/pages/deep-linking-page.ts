import type { Placement } from '../../domain/deep-linking.js';
import { html } from '../html.js';
import { strings } from '../strings.js';
import { errorSummary, type FormProblems } from './form-errors.js';
import { layout } from './layout.js';
import type { PageLinks } from './page-links.js';

export interface PickerView {
  /** The platform's suggested title for what is placed (deep_linking_settings.title). */
  readonly platformTitle: string | undefined;
  /** Why nothing can be placed through this request; the page then offers only the way back. */
  readonly refusal: string | undefined;
  readonly multiple: boolean;
  readonly lineItems: boolean;
  readonly options: readonly {
    /** Posted as `item`: `progress` or `course:<id>`. */
    readonly item: string;
    readonly label: string;
    readonly detail: string | undefined;
    /** The title field's value: the default, or what was posted back with a problem. */
    readonly title: string;
    readonly checked: boolean;
  }[];
  readonly maxTitleLength: number;
  readonly problems?: FormProblems;
}

/**
 * The content picker a deep linking request lands on: the progress page and the program's courses,
 * one or several as the platform accepts, each with the link's title. Posts to itself; works
 * without scripts.
 */
export function deepLinkingPickerPage(view: PickerView, links: PageLinks): string {
  const text = strings.deepLinking;
  const action = links.deepLinking();
  const type = view.multiple ? 'checkbox' : 'radio';
  const form = view.refusal
    ? html`<p class="notice problem" role="alert">${text.cannotPlace} ${view.refusal}</p>
<form method="post" action="${action}">
<p><button class="button" type="submit" name="action" value="cancel">${text.returnCancel}</button></p>
</form>`
    : html`<form method="post" action="${action}" class="deep-linking-form">
${errorSummary(view.problems)}
<fieldset>
<legend>${view.multiple ? text.legendSeveral : text.legendOne}</legend>
${view.lineItems ? html`<p class="hint">${text.lineItem}</p>` : ''}
<div class="placements">
${view.options.map(
  (option, i) => html`<div class="placement" data-item="${option.item}">
<div class="field checkbox">
<input type="${type}" id="item-${i + 1}" name="item" value="${option.item}"${option.checked ? html` checked` : ''}${view.multiple ? '' : html` required`}>
<label for="item-${i + 1}">${option.label}</label>
</div>
${option.detail ? html`<p class="hint">${option.detail}</p>` : ''}
<div class="field">
<label for="title-${i + 1}">${text.titleLabel}<span class="visually-hidden">${text.titleFor(option.label)}</span></label>
<input type="text" id="title-${i + 1}" name="title:${option.item}" value="${option.title}" maxlength="${view.maxTitleLength}">
</div>
</div>
`,
)}</div>
<p class="hint">${text.titleHint}</p>
</fieldset>
<p class="submit-row"><button class="button primary" type="submit" name="action" value="place">${text.place}</button>
<button class="button" type="submit" name="action" value="cancel" formnovalidate>${text.cancel}</button></p>
</form>`;
  return layout({
    title: text.title,
    links,
    navigation: [],
    scripts: view.problems ? ['forms.js'] : [],
    main: html`<h1>${text.title}</h1>
${view.platformTitle ? html`<p>${text.platformAsks(view.platformTitle)}</p>` : ''}
<p>${text.intro}</p>
${form}`,
  });
}

/**
 * The signed response on its way back (Deep Linking 2.0 §4.5: an auto-posted form with the `JWT`
 * field) to the return URL the request carried. public/deep-linking.js submits it at once; without
 * scripts, the button does.
 */
export function deepLinkingReturnPage(
  input: { returnUrl: string; jwt: string; placements: readonly Placement[] },
  links: PageLinks,
): string {
  const text = strings.deepLinking;
  return layout({
    title: text.sendingTitle,
    links,
    navigation: [],
    scripts: ['deep-linking.js'],
    main: html`<h1>${text.sendingTitle}</h1>
<p>${input.placements.length > 0 ? text.sending : text.sendingNothing}</p>
${
  input.placements.length > 0
    ? html`<p>${text.placedList}</p>
<ul class="placed">
${input.placements.map((p) => html`<li>${p.title}</li>\n`)}</ul>`
    : ''
}
<form method="post" action="${input.returnUrl}" data-auto-submit>
<input type="hidden" name="JWT" value="${input.jwt}">
<p><button class="button primary" type="submit">${text.continue}</button></p>
</form>`,
  });
}
