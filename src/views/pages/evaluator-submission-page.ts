import { html, raw, type SafeHtml } from '../html.js';
import { formatDateTime, strings } from '../strings.js';
import { evaluatorNavigation } from './evaluator-navigation.js';
import type { FormProblems } from './form-errors.js';
import { type GradingValues, gradingForm } from './grading-form.js';
import { layout } from './layout.js';
import type { PageLinks } from './page-links.js';
import { evidenceList } from './practical-page.js';
import type {
  AuditEventView,
  EvaluationRoleWord,
  EvaluationView,
  EvaluatorSubmissionView,
} from './practical-view.js';
import { rubricTable } from './rubric-view.js';
import { stateBadge } from './state-badge.js';

export interface EvaluatorSubmissionPageView {
  readonly submission: EvaluatorSubmissionView;
  /** The evaluation this evaluator holds a live claim on, for the role the submission awaits. */
  readonly myClaim: { readonly role: EvaluationRoleWord; readonly until: string } | null;
  readonly canClaim: boolean;
  /** The course has reference submissions this evaluator has not scored yet. */
  readonly calibrationNeeded: boolean;
  readonly audit: readonly AuditEventView[];
  readonly notice?: { readonly text: string; readonly problem: boolean } | undefined;
  readonly gradingForm?: { readonly values: GradingValues; readonly problems: FormProblems } | undefined;
}

/**
 * A submission as an evaluator works on it: evidence and notes, the instructions, then what can be
 * done now (claim, the grading form, release), the evaluations they may see, and the audit trail.
 */
export function evaluatorSubmissionPage(view: EvaluatorSubmissionPageView, links: PageLinks): string {
  const text = strings.evaluator;
  const s = view.submission;
  const learner = s.learner.name ?? s.learner.subject;
  const title = text.submissionTitle(s.courseTitle, learner, s.number);
  const grading = view.myClaim
    ? gradingForm({
        submissionId: s.id,
        role: view.myClaim.role,
        rubric: s.rubric,
        values: view.gradingForm?.values ?? { levels: {}, comments: {}, anchors: {}, comment: '' },
        problems: view.gradingForm?.problems,
        links,
      })
    : undefined;
  return layout({
    title,
    links,
    navigation: evaluatorNavigation(links),
    scripts: view.gradingForm ? ['forms.js'] : [],
    main: html`<h1>${title}</h1>
${view.notice ? html`<p class="notice${view.notice.problem ? ' problem' : ''}" role="${view.notice.problem ? 'alert' : 'status'}">${view.notice.text}</p>` : ''}
<p><strong>${text.status}:</strong> <span class="submission-status" data-status="${s.status}">${text.statuses[s.status]}</span>${
      s.awaiting ? html` · ${text.waitingFor(text.awaiting[s.awaiting])}` : ''
    } · ${strings.practical.submittedAt(formatDateTime(s.submittedAt))}</p>
${s.appeal ? html`<p class="notice">${text.appealReason(s.appeal.reason ?? '')}</p>` : ''}
${view.calibrationNeeded ? html`<p class="notice">${text.notCalibrated} <a href="${links.calibration(s.courseId)}">${text.calibrateCourse(s.courseTitle)}</a></p>` : ''}
<section aria-labelledby="evidence">
<h2 id="evidence">${strings.practical.submissionNumber(s.number)}</h2>
${evidenceList(s.evidence, 'evaluator')}
<details class="instructions"><summary>${text.instructions}</summary><div class="markdown">${raw(s.instructionsHtml)}</div></details>
</section>
${actions(view, links)}
${grading ?? rubricTable(s.rubric, 'rubric')}
${evaluationsSection(view.submission.evaluations)}
${auditSection(view)}
<p><a href="${links.evaluatorQueue()}">${text.toQueue}</a></p>`,
  });
}

function actions(view: EvaluatorSubmissionPageView, links: PageLinks): SafeHtml {
  const text = strings.evaluator;
  const s = view.submission;
  const parts: SafeHtml[] = [];
  if (view.myClaim) parts.push(html`<p>${text.youHoldClaim(formatDateTime(view.myClaim.until))}</p>`);
  else if (view.canClaim) {
    parts.push(html`<form method="post" action="${links.claimSubmission(s.id)}">
<p>${text.claimIntro}</p>
<button type="submit" class="button primary">${text.claimButton}</button>
</form>`);
  }
  if (s.result) {
    const d = s.result.decision;
    const state = d.passed ? 'passed' : 'failed';
    parts.push(
      html`<p>${stateBadge(state, d.passed ? strings.practical.passed : strings.practical.failed)} · ${text.decision(d.passed, d.total, d.maximum, d.passThreshold)} <span class="hint">${text.rubricVersion(s.result.rubricVersion)}</span></p>`,
    );
  }
  if (s.awaiting === 'release') {
    parts.push(html`<form method="post" action="${links.releaseSubmission(s.id)}">
<p>${text.releaseIntro}</p>
<button type="submit" class="button primary">${text.release}</button>
</form>`);
  }
  if (parts.length === 0) return raw('');
  return html`<section aria-labelledby="next-step" class="next-step">
<h2 id="next-step" class="visually-hidden">${text.action}</h2>
${parts}
</section>`;
}

function evaluationsSection(evaluations: readonly EvaluationView[]) {
  const text = strings.evaluator;
  return html`<section aria-labelledby="evaluations">
<h2 id="evaluations">${text.evaluations}</h2>
${
  evaluations.length === 0
    ? html`<p>${text.noEvaluations}</p>`
    : evaluations.map(
        (e) => html`<article class="evaluation" aria-labelledby="evaluation-${e.id}">
<h3 id="evaluation-${e.id}">${text.role[e.role]} <span class="hint">${text.by(e.evaluator.name ?? e.evaluator.subject)}, ${
          e.status === 'claimed' && e.claimExpiresAt
            ? text.claimedUntil(formatDateTime(e.claimExpiresAt))
            : e.completedAt
              ? text.completedAt(formatDateTime(e.completedAt))
              : ''
        }</span></h3>
${
  e.criteria
    ? html`${e.decision ? html`<p>${text.decision(e.decision.passed, e.decision.total, e.decision.maximum, e.decision.passThreshold)}</p>` : ''}
<ul>
${e.criteria.map(
  (c) =>
    html`<li><strong>${c.title}</strong>: ${c.level ? strings.practical.levelPoints(c.level.title, c.level.points) : ''}${
      c.belowMinimum ? html` (${strings.practical.belowMinimumTag})` : ''
    }${c.at ? html` · ${strings.practical.at(c.at)}` : ''}${c.comment ? html` · <span class="plain-text">${c.comment}</span>` : ''}</li>\n`,
)}
</ul>
${e.comment ? html`<p class="plain-text">${e.comment}</p>` : ''}`
    : e.status === 'completed'
      ? html`<p class="hint">${text.scoresHidden}</p>`
      : ''
}
</article>`,
      )
}
</section>`;
}

function auditSection(view: EvaluatorSubmissionPageView) {
  const text = strings.evaluator;
  // The trail names scores and disagreements: they show only where the evaluations' scores do.
  const scoresVisible = view.submission.evaluations.every((e) => e.status !== 'completed' || e.criteria);
  return html`<section aria-labelledby="audit">
<h2 id="audit">${text.audit}</h2>
<table class="audit">
<caption class="visually-hidden">${text.auditCaption}</caption>
<thead><tr><th scope="col">${text.when}</th><th scope="col">${text.who}</th><th scope="col">${text.what}</th><th scope="col">${text.details}</th></tr></thead>
<tbody>
${view.audit.map(
  (e) => html`<tr data-action="${e.action}">
<td>${formatDateTime(e.at)}</td>
<td>${e.actor.name ?? e.actor.subject}</td>
<td>${text.actions[e.action]}</td>
<td>${auditDetails(e, scoresVisible)}</td>
</tr>\n`,
)}
</tbody>
</table>
</section>`;
}

const roleWords = (role: unknown) =>
  typeof role === 'string' && role in strings.evaluator.role
    ? strings.evaluator.role[role as EvaluationRoleWord]
    : '';

function auditDetails(e: AuditEventView, scoresVisible: boolean): string {
  const text = strings.evaluator;
  const d = e.details;
  switch (e.action) {
    case 'submitted':
      return typeof d.number === 'number' ? text.auditSubmitted(d.number) : '';
    case 'claimed':
      return typeof d.until === 'string' && typeof d.role === 'string' && d.role in text.awaiting
        ? text.auditClaimed(text.awaiting[d.role as EvaluationRoleWord], formatDateTime(d.until))
        : '';
    case 'evaluated': {
      if (!scoresVisible) return `${roleWords(d.role)}: ${text.auditHidden}`;
      const decision = d.decision as { total?: number; maximum?: number; passed?: boolean } | undefined;
      return decision?.total !== undefined && decision.maximum !== undefined
        ? text.auditEvaluated(roleWords(d.role), decision.total, decision.maximum, decision.passed === true)
        : roleWords(d.role);
    }
    case 'sent_to_moderation':
      return scoresVisible && typeof d.disagreement === 'string' ? d.disagreement : text.auditHidden;
    case 'ready_for_release':
    case 'released':
      return typeof d.passed === 'boolean' && (scoresVisible || e.action === 'released')
        ? text.auditPassed(d.passed)
        : '';
    case 'appealed':
      return typeof d.reason === 'string' ? d.reason : '';
    default:
      return '';
  }
}
