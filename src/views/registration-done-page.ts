import { html, page } from './html.js';

/** The end of dynamic registration: tells the platform's window to close the registration frame. */
export function registrationDonePage(scriptNonce: string): string {
  return page(
    'Registered',
    html`<main><h1>Accredit is registered</h1><p>You can close this window.</p></main>
<script nonce="${scriptNonce}">(window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');</script>`,
  );
}
