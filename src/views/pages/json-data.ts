import { html, raw, type SafeHtml } from '../html.js';

/**
 * Data for a page's script as a JSON data block: never executed, so CSP's script-src does not
 * apply. `<` is escaped so that no text inside can close the element.
 */
export function jsonData(id: string, value: unknown): SafeHtml {
  const json = JSON.stringify(value).replace(/</g, '\\u003c');
  return html`<script type="application/json" id="${id}">${raw(json)}</script>`;
}
