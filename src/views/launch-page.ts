import type { LaunchContext } from '../domain/launch-context.js';
import { html, page } from './html.js';

/**
 * Where a launch lands. The session token travels in the page (a meta tag the scripts read and send
 * as `Authorization: Bearer`), never in a URL that could reach logs or a Referer header.
 */
export function launchPage(launch: LaunchContext, session: { token: string; expiresAt: Date }): string {
  const who = launch.name ?? 'there';
  const destination = launch.courseId
    ? html`<p>You opened the course <strong>${launch.courseId}</strong>.</p>`
    : html`<p>This is your progress across the accreditations.</p>`;
  const role = launch.roles.includes('evaluator')
    ? 'evaluator'
    : launch.roles.includes('admin')
      ? 'admin'
      : 'learner';
  return page(
    'Welcome',
    html`<main>
<h1>Welcome, ${who}</h1>
<p>You are signed in as a${role === 'admin' ? 'n' : ''} <span data-role="${role}">${role}</span>${launch.context?.title ? html` in ${launch.context.title}` : ''}.</p>
${destination}
</main>`,
    html`<meta name="accredit-session" content="${session.token}">
<meta name="accredit-session-expires" content="${session.expiresAt.toISOString()}">`,
  );
}
