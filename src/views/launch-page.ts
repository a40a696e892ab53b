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
  if (launch.messageType === 'LtiDeepLinkingRequest') {
    return onwardLanding(launch, session, role, links, {
      note: text.deepLinking,
      href: links.deepLinking(),
      label: text.continueToPicker,
    });
  }
  if (role === 'evaluator') {
    return onwardLanding(launch, session, role, links, {
      href: links.evaluatorQueue({ courseId: courseTitle ? launch.courseId : undefined }),
      label: text.continueToQueue,
    });
  }
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
 * A launch that goes straight on somewhere else: evaluators (Instructor, TeachingAssistant…) to the
 * grading queue, narrowed to the course the launch named when there is one (their own progress
 * stays a link away in the pages' banner); a deep linking request to the content picker (the
 * launch handler has refused learners).
 */
function onwardLanding(
  launch: LaunchContext,
  session: { token: string; expiresAt: Date },
  role: 'learner' | 'evaluator' | 'admin',
  links: PageLinks,
  onward: { readonly note?: string; readonly href: string; readonly label: string },
): string {
  const text = strings.launch;
  return page(
    text.title,
    html`<main id="main">
<h1>${text.welcome(launch.name)}</h1>
<p><span data-role="${role}">${text.signedInAs[role]}</span>${launch.context?.title ? text.inContext(launch.context.title) : ''}.</p>
${onward.note ? html`<p>${onward.note}</p>` : ''}
<p><a id="continue" class="button primary" data-follow href="${onward.href}">${onward.label}</a></p>
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
