import { html, page, type SafeHtml } from '../html.js';
import { strings } from '../strings.js';
import type { PageLinks } from './page-links.js';

export interface LayoutInput {
  readonly title: string;
  readonly links: PageLinks;
  readonly main: SafeHtml;
  /** Files under public/ to run as module scripts (CSP: script-src 'self', nothing inline). */
  readonly scripts?: readonly string[];
  /** The banner's links after the brand; the learner's progress unless given (evaluator pages add theirs). */
  readonly navigation?: readonly NavigationLink[];
}

export interface NavigationLink {
  readonly href: string;
  readonly label: string;
  readonly current?: boolean;
}

/**
 * The frame of every learner page: a skip link, a banner with the way back to the progress page,
 * one main landmark. The session token is in a meta tag, where the scripts read it.
 */
export function layout({ title, links, main, scripts = [], navigation }: LayoutInput): string {
  const nav = navigation ?? [{ href: links.progress(), label: strings.yourProgress }];
  return page(
    title,
    html`<a class="skip-link" href="#main">${strings.skipToContent}</a>
<header class="site-header">
<nav aria-label="${strings.siteNavigation}">
<span class="brand">${strings.appName}</span>
${nav.map((link) => html`<a href="${link.href}"${link.current ? html` aria-current="page"` : ''}>${link.label}</a>\n`)}
</nav>
</header>
<main id="main" tabindex="-1">
${main}
</main>`,
    html`<meta name="accredit-session" content="${links.token}">
<link rel="stylesheet" href="${links.asset('accredit.css')}">
${scripts.map((file) => html`<script type="module" src="${links.asset(file)}"></script>\n`)}`,
  );
}
