import { html, raw } from '../html.js';
import { formatDateTime, strings } from '../strings.js';
import { adminLayout } from './admin-layout.js';
import type { AdminLinks } from './admin-links.js';
import { errorSummary, type FormProblems, fieldAttributes, fieldError } from './form-errors.js';

export interface PlatformRowView {
  readonly id: string;
  readonly name: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly deploymentIds: readonly string[];
  readonly acceptNewDeployments: boolean;
  readonly createdAt: string;
}

export interface PlatformFormValues {
  readonly issuer: string;
  readonly clientId: string;
  readonly name: string;
  readonly authLoginUrl: string;
  readonly accessTokenUrl: string;
  readonly jwksUrl: string;
  readonly tokenAudience: string;
  /** One per line. */
  readonly deploymentIds: string;
  readonly acceptNewDeployments: boolean;
}

/** The register form's text fields, in order, with their labels. */
export const platformFields = {
  name: strings.admin.name,
  issuer: strings.admin.issuer,
  clientId: strings.admin.clientId,
  authLoginUrl: strings.admin.authLoginUrl,
  accessTokenUrl: strings.admin.accessTokenUrl,
  jwksUrl: strings.admin.jwksUrl,
  tokenAudience: strings.admin.tokenAudience,
  deploymentIds: strings.admin.deploymentIds,
  acceptNewDeployments: strings.admin.acceptNewDeployments,
} as const;

const emptyValues: PlatformFormValues = {
  issuer: '',
  clientId: '',
  name: '',
  authLoginUrl: '',
  accessTokenUrl: '',
  jwksUrl: '',
  tokenAudience: '',
  deploymentIds: '',
  acceptNewDeployments: false,
};

/** The registered platforms, each with a way to remove it, and the form that registers one. */
export function adminPlatformsPage(
  view: {
    readonly platforms: readonly PlatformRowView[];
    readonly notice?: string | undefined;
    readonly form?: { readonly values: PlatformFormValues; readonly problems: FormProblems };
  },
  links: AdminLinks,
): string {
  const text = strings.admin;
  return adminLayout({
    title: text.platformsTitle,
    links,
    current: 'platforms',
    scripts: view.form ? ['forms.js'] : [],
    main: html`<h1>${text.platformsTitle}</h1>
${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
<p>${text.platformsIntro}</p>
${
  view.platforms.length === 0
    ? html`<p>${text.noPlatforms}</p>`
    : html`<table class="platforms">
<caption>${text.platformsCaption}</caption>
<thead><tr><th scope="col">${text.name}</th><th scope="col">${text.issuer}</th><th scope="col">${text.clientId}</th><th scope="col">${text.deployments}</th><th scope="col">${text.registered}</th><th scope="col"><span class="visually-hidden">${text.remove}</span></th></tr></thead>
<tbody>
${view.platforms.map(
  (p) => html`<tr data-platform="${p.id}">
<th scope="row">${p.name}</th>
<td class="url">${p.issuer}</td>
<td>${p.clientId}</td>
<td>${p.deploymentIds.length > 0 ? p.deploymentIds.join(', ') : text.noDeployments}${p.acceptNewDeployments ? html`<br><span class="hint">${text.acceptsNew}</span>` : ''}</td>
<td>${formatDateTime(p.createdAt)}</td>
<td><a href="${links.removePlatform(p.id)}">${text.remove}<span class="visually-hidden"> ${p.name}</span></a></td>
</tr>\n`,
)}
</tbody>
</table>`
}
${registerForm(view.form?.values ?? emptyValues, view.form?.problems, links)}`,
  });
}

function registerForm(values: PlatformFormValues, problems: FormProblems | undefined, links: AdminLinks) {
  const text = strings.admin;
  const input = (name: keyof PlatformFormValues, type: 'url' | 'text', hint?: string, optional = false) => {
    const id = `platform-${name}`;
    return html`<div class="field"><label for="${id}">${platformFields[name]}${optional ? html` <span class="hint">${strings.form.optional}</span>` : ''}</label>
${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}
${fieldError(problems, id)}
<input type="${type}" id="${id}" name="${name}" value="${String(values[name])}" autocomplete="off" spellcheck="false"${optional ? '' : raw(' required')}${fieldAttributes(problems, id, hint ? `${id}-hint` : undefined)}></div>`;
  };
  return html`<section aria-labelledby="register">
<h2 id="register">${text.registerTitle}</h2>
${errorSummary(problems)}
<p>${text.registerIntro}</p>
<form method="post" action="${links.registerPlatform()}" novalidate class="platform-form">
${input('name', 'text')}
${input('issuer', 'url')}
${input('clientId', 'text')}
${input('authLoginUrl', 'url')}
${input('accessTokenUrl', 'url')}
${input('jwksUrl', 'url')}
${input('tokenAudience', 'text', text.tokenAudienceHint, true)}
<div class="field"><label for="platform-deploymentIds">${text.deploymentIds} <span class="hint">${strings.form.optional}</span></label>
<p class="hint" id="platform-deploymentIds-hint">${text.deploymentIdsHint}</p>
${fieldError(problems, 'platform-deploymentIds')}
<textarea id="platform-deploymentIds" name="deploymentIds" rows="3" spellcheck="false"${fieldAttributes(problems, 'platform-deploymentIds', 'platform-deploymentIds-hint')}>${values.deploymentIds}</textarea></div>
<div class="field checkbox"><input type="checkbox" id="platform-acceptNewDeployments" name="acceptNewDeployments" value="yes"${values.acceptNewDeployments ? raw(' checked') : ''}>
<label for="platform-acceptNewDeployments">${text.acceptNewDeployments}</label></div>
<p><button type="submit" class="button primary">${text.register}</button></p>
</form>
</section>`;
}

/** Removing a platform asks first, on a page of its own (it works without scripts). */
export function adminRemovePlatformPage(platform: PlatformRowView, links: AdminLinks): string {
  const text = strings.admin;
  return adminLayout({
    title: text.removeTitle(platform.name),
    links,
    current: 'platforms',
    main: html`<h1>${text.removeTitle(platform.name)}</h1>
<dl class="facts">
<div><dt>${text.issuer}</dt><dd class="url">${platform.issuer}</dd></div>
<div><dt>${text.clientId}</dt><dd>${platform.clientId}</dd></div>
</dl>
<p class="notice">${text.removeWarning}</p>
<form method="post" action="${links.removePlatform(platform.id)}" class="dialog-actions">
<a class="button" href="${links.platforms()}">${text.cancel}</a>
<button type="submit" class="button danger">${text.removeConfirm}</button>
</form>`,
  });
}
