import type { LaunchContext } from '../domain/launch-context.js';
import { html, page, raw } from './html.js';
import type { PageLinks } from './pages/page-links.js';
import { strings } from './strings.js';

/**
 * Where a launch lands. The session token is in a meta tag (scripts send it as
 * `Authorization: Bearer`) and in the link onwards (pages carry it in their URL, since cookies may
 * be refused inside an LMS iframe); public/launch.js follows that link at once, unless the page has
 * something to say first (a course that does not exist).
 */
export function launchPage(
  launch: LaunchContext,
  session: { token: string; expiresAt: Date },
  courseTitle: string | undefined,
  links: PageLinks,
): string {
  const text = strings.launch;
  const role = launch.roles.includes('evaluator')
    ? 'evaluator'
    : launch.roles.includes('admin')
      ? 'admin'
      : 'learner';
  if (launch.messageType === 'LtiDeepLinkingRequest') return deepLinkingLanding(launch, session, role, links);
  if (role === 'evaluator') return evaluatorLanding(launch, session, courseTitle, links);
  const destination = !launch.courseId
    ? html`<p>${text.toProgress}</p>`
    : courseTitle
      ? html`<p data-course="${launch.courseId}">${text.openedCourse} <strong>${courseTitle}</strong>.</p>`
      : html`<p role="alert">${text.unknownCourse(launch.courseId)}</p>`;
  const onwards =
    launch.courseId && courseTitle
      ? html`<a id="continue" class="button primary" data-follow href="${links.course(launch.courseId)}">${text.continueToCourse(courseTitle)}</a>`
      : html`<a id="continue" class="button primary"${launch.courseId ? '' : raw(' data-follow')} href="${links.progress()}">${text.continueToProgress}</a>`;
  return page(
    text.title,
    html`<main id="main">
<h1>${text.welcome(launch.name)}</h1>
<p><span data-role="${role}">${text.signedInAs[role]}</span>${launch.context?.title ? text.inContext(launch.context.title) : ''}.</p>
${destination}
<p>${onwards}</p>
</main>`,
    head(session, links),
  );
}

/**
 * Evaluators (Instructor, TeachingAssistant…) go on to the grading queue, narrowed to the course
 * the launch named when there is one; their own progress stays a link away in the pages' banner.
 */
function evaluatorLanding(
  launch: LaunchContext,
  session: { token: string; expiresAt: Date },
  courseTitle: string | undefined,
  links: PageLinks,
): string {
  const text = strings.launch;
  return page(
    text.title,
    html`<main id="main">
<h1>${text.welcome(launch.name)}</h1>
<p><span data-role="evaluator">${text.signedInAs.evaluator}</span>${launch.context?.title ? text.inContext(launch.context.title) : ''}.</p>
<p><a id="continue" class="button primary" data-follow href="${links.evaluatorQueue({ courseId: courseTitle ? launch.courseId : undefined })}">${text.continueToQueue}</a></p>
</main>`,
    head(session, links),
  );
}

/** A deep linking request goes on to the content picker (the launch handler has refused learners). */
function deepLinkingLanding(
  launch: LaunchContext,
  session: { token: string; expiresAt: Date },
  role: 'learner' | 'evaluator' | 'admin',
  links: PageLinks,
): string {
  const text = strings.launch;
  return page(
    text.title,
    html`<main id="main">
<h1>${text.welcome(launch.name)}</h1>
<p><span data-role="${role}">${text.signedInAs[role]}</span>${launch.context?.title ? text.inContext(launch.context.title) : ''}.</p>
<p>${text.deepLinking}</p>
<p><a id="continue" class="button primary" data-follow href="${links.deepLinking()}">${text.continueToPicker}</a></p>
</main>`,
    head(session, links),
  );
}

function head(session: { token: string; expiresAt: Date }, links: PageLinks) {
  return html`<meta name="accredit-session" content="${session.token}">
<meta name="accredit-session-expires" content="${session.expiresAt.toISOString()}">
<link rel="stylesheet" href="${links.asset('accredit.css')}">
<script type="module" src="${links.asset('launch.js')}"></script>`;
}
