import type { LaunchContext } from '../domain/launch-context.js';
import { html, page } from './html.js';

/**
 * Where a launch lands. The session token travels in the page (a meta tag the scripts read and send
 * as `Authorization: Bearer`), never in a URL that could reach logs or a Referer header.
 */
export function launchPage(
  launch: LaunchContext,
  session: { token: string; expiresAt: Date },
  courseTitle: string | undefined,
): string {
  const who = launch.name ?? 'there';
  const destination = !launch.courseId
    ? html`<p>This is your progress across the accreditations.</p>`
    : courseTitle
      ? html`<p data-course="${launch.courseId}">You opened the course <strong>${courseTitle}</strong>.</p>`
      : html`<p role="alert">This link points at a course ('${launch.courseId}') that Accredit does not have. Ask the person who placed the link to check its <code>course</code> parameter; meanwhile, here is your progress.</p>`;
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
