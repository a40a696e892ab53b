import { html, page, type SafeHtml } from '../../views/html.js';
import { devStrings } from './dev-strings.js';

export type DevSection = 'start' | 'gradebook' | 'statements';

export interface DevLayoutInput {
  readonly title: string;
  readonly section: DevSection | undefined;
  /** The platform's root URL path (e.g. /dev). */
  readonly root: string;
  readonly asset: (file: string) => string;
  readonly main: SafeHtml;
  /** Files under public/ to run as module scripts (CSP: script-src 'self', nothing inline). */
  readonly scripts?: readonly string[];
}

/** The frame of the development platform's pages: skip link, its own banner and navigation, one main. */
export function devLayout(input: DevLayoutInput): string {
  const links: [DevSection, string, string][] = [
    ['start', input.root, devStrings.nav.start],
    ['gradebook', `${input.root}/gradebook`, devStrings.nav.gradebook],
    ['statements', `${input.root}/statements`, devStrings.nav.statements],
  ];
  return page(
    `${input.title} · ${devStrings.platformName}`,
    html`<a class="skip-link" href="#main">${devStrings.skipToContent}</a>
<header class="site-header dev-header">
<nav aria-label="${devStrings.navigation}">
<span class="brand">${devStrings.platformName} <span class="dev-badge">${devStrings.badge}</span></span>
${links.map(
  ([section, href, label]) =>
    html`<a href="${href}"${section === input.section ? html` aria-current="page"` : ''}>${label}</a>\n`,
)}</nav>
</header>
<main id="main" tabindex="-1">
${input.main}
</main>`,
    html`<link rel="stylesheet" href="${input.asset('accredit.css')}">
<link rel="stylesheet" href="${input.asset('dev-platform.css')}">
${(input.scripts ?? []).map((file) => html`<script type="module" src="${input.asset(file)}"></script>\n`)}`,
  );
}
