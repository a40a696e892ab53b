import { html, page, raw, type SafeHtml } from '../html.js';
import { strings } from '../strings.js';
import type { AdminLinks } from './admin-links.js';
import { errorSummary, type FormProblems } from './form-errors.js';

export type AdminSection = 'platforms' | 'outbox' | 'courseLinks' | 'content';

/** The frame of the admin pages: a skip link, the admin navigation (once signed in), one main landmark. */
export function adminLayout(input: {
  readonly title: string;
  readonly links: AdminLinks;
  readonly main: SafeHtml;
  readonly current?: AdminSection;
  readonly scripts?: readonly string[];
}): string {
  const { links } = input;
  const text = strings.admin;
  const items: [AdminSection, string, string][] = links.token
    ? [
        ['platforms', links.platforms(), text.platformsNav],
        ['outbox', links.outbox(), text.outboxNav],
        ['courseLinks', links.courseLinks(), text.courseLinksNav],
        ['content', links.content(), text.contentNav],
      ]
    : [];
  return page(
    input.title,
    html`<a class="skip-link" href="#main">${strings.skipToContent}</a>
<header class="site-header">
<nav aria-label="${text.navigation}">
<span class="brand">${text.appName}</span>
${items.map(([section, href, label]) => html`<a href="${href}"${section === input.current ? raw(' aria-current="page"') : ''}>${label}</a>\n`)}
</nav>
</header>
<main id="main" tabindex="-1">
${input.main}
</main>`,
    html`<link rel="stylesheet" href="${links.asset('accredit.css')}">
${(input.scripts ?? []).map((file) => html`<script type="module" src="${links.asset(file)}"></script>\n`)}`,
  );
}

/** The sign-in form; with a problem (no session, a wrong token) it comes back with the problem said. */
export function adminSignInPage(links: AdminLinks, problem?: string): string {
  const text = strings.admin;
  const problems: FormProblems | undefined = problem
    ? { fields: [{ field: 'admin-token', message: problem }] }
    : undefined;
  return adminLayout({
    title: text.signInTitle,
    links,
    scripts: problem ? ['forms.js'] : [],
    main: html`<h1>${text.signInTitle}</h1>
${errorSummary(problems)}
<p>${text.signInIntro}</p>
<form method="post" action="${links.signInAction()}" novalidate>
<div class="field"><label for="admin-token">${text.token}</label>
<input type="password" id="admin-token" name="token" autocomplete="current-password" spellcheck="false" required${problem ? html` aria-invalid="true" aria-describedby="error-summary"` : ''}></div>
<p><button type="submit" class="button primary">${text.signIn}</button></p>
</form>`,
  });
}

/** What an admin page shows when it cannot do what was asked. */
export function adminErrorPage(links: AdminLinks, message: string): string {
  return adminLayout({
    title: strings.error.title,
    links,
    main: html`<h1>${strings.error.title}</h1>
<p role="alert">${message}</p>
<p><a href="${links.platforms()}">${strings.error.toAdmin}</a></p>`,
  });
}
