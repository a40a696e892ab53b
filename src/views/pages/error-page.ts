import { html, page } from '../html.js';
import { strings } from '../strings.js';
import type { PageLinks } from './page-links.js';

/**
 * What a page shows when it cannot do what was asked: the error's own message (AppError messages
 * are written for people), and a way on. Without a valid session there is no way on but a new launch.
 */
export function errorPage(input: {
  readonly message: string;
  readonly sessionProblem: boolean;
  readonly links: PageLinks | undefined;
  readonly assetHref: string;
}): string {
  const title = input.sessionProblem ? strings.error.sessionTitle : strings.error.title;
  return page(
    title,
    html`<main id="main">
<h1>${title}</h1>
<p role="alert">${input.message}</p>
${input.sessionProblem ? html`<p>${strings.error.relaunch}</p>` : ''}
${input.links && !input.sessionProblem ? html`<p><a href="${input.links.progress()}">${strings.error.toProgress}</a></p>` : ''}
</main>`,
    html`<link rel="stylesheet" href="${input.assetHref}">`,
  );
}
