import { html } from '../../views/html.js';
import { devLayout } from './dev-layout.js';
import { devStrings } from './dev-strings.js';

export interface LaunchingPageInput {
  readonly personaName: string;
  readonly redirectUri: string;
  readonly idToken: string;
  readonly state: string;
  readonly root: string;
  readonly asset: (file: string) => string;
}

/**
 * The authorization endpoint's answer (OIDC form_post response mode): a form that posts the signed
 * id_token and the state to the tool's redirect URI. public/dev-platform.js submits it at once; without
 * scripts, the person presses the button.
 */
export function launchingPage(input: LaunchingPageInput): string {
  const text = devStrings.launching;
  return devLayout({
    title: text.title,
    section: undefined,
    root: input.root,
    asset: input.asset,
    scripts: ['dev-platform.js'],
    main: html`<h1>${text.heading(input.personaName)}</h1>
<form method="post" action="${input.redirectUri}" data-auto-submit>
<input type="hidden" name="id_token" value="${input.idToken}">
<input type="hidden" name="state" value="${input.state}">
<p>${text.text}</p>
<p><button class="button primary" type="submit">${text.continue}</button></p>
</form>`,
  });
}
