import type { ExamState } from '../../domain/exam/exam-status.js';
import type { PracticalState } from '../../domain/practical/practical-state.js';
import { html, raw } from '../html.js';
import { formatDateTime, strings } from '../strings.js';
import { layout } from './layout.js';
import type { PageLinks } from './page-links.js';
import { stateBadge } from './state-badge.js';

export interface CourseView {
  readonly id: string;
  readonly title: string;
  /** Sanitised Markdown. */
  readonly summaryHtml: string | null;
  readonly exam: {
    readonly questionsPerAttempt: number;
    readonly passingScore: number;
    readonly timeLimitMinutes: number;
    readonly state: ExamState;
    readonly attemptsLeft: number | null;
    readonly openAttemptId: string | null;
    readonly lastAttemptId: string | null;
    readonly lastResult: { readonly passed: boolean; readonly percent?: number } | null;
    readonly canStart: boolean;
    readonly blockedBy?: 'passed' | 'attempt_limit' | 'cooldown' | 'remediation';
    readonly opensAt?: string | null;
  };
  readonly practical:
    | { readonly status: 'locked' }
    | {
        readonly status: Exclude<PracticalState, 'locked'>;
        readonly title: string;
        readonly instructionsHtml: string;
      };
  /** When the learner was certified for the course (both stages passed), if they are. */
  readonly certifiedAt: string | null;
}

/** A course: its written exam (start or resume), the learning path, and the practical behind the exam. */
export function coursePage(view: CourseView, links: PageLinks): string {
  const { exam, practical } = view;
  const text = strings.course;
  return layout({
    title: view.title,
    links,
    main: html`<h1>${view.title}</h1>
${view.summaryHtml ? html`<div class="markdown">${raw(view.summaryHtml)}</div>` : ''}
<section aria-labelledby="written-exam">
<h2 id="written-exam">${text.writtenExam}</h2>
<p>${text.yourStanding}: ${stateBadge(exam.state, strings.examState[exam.state])}</p>
<dl class="facts" aria-label="${text.facts}">
<div><dt>${text.questions}</dt><dd>${exam.questionsPerAttempt}</dd></div>
<div><dt>${text.timeLimit}</dt><dd>${text.minutes(exam.timeLimitMinutes)}</dd></div>
<div><dt>${text.passingScore}</dt><dd>${text.percent(exam.passingScore)}</dd></div>
<div><dt>${text.attemptsLeft}</dt><dd>${exam.attemptsLeft ?? text.unlimited}</dd></div>
</dl>
${
  exam.lastResult && exam.lastAttemptId
    ? html`<p>${text.lastResult(exam.lastResult.percent)}: ${stateBadge(
        exam.lastResult.passed ? 'passed' : 'failed',
        strings.examState[exam.lastResult.passed ? 'passed' : 'failed'],
      )}. <a href="${links.attempt(exam.lastAttemptId)}">${text.seeLastAttempt}</a></p>`
    : ''
}
${exam.canStart ? startForm(view, links) : html`<p class="notice">${blockedReason(exam)}</p>`}
</section>
<section aria-labelledby="learning-path">
<h2 id="learning-path">${text.learningPath}</h2>
<p>${text.learningPathIntro}</p>
<p><a href="${links.learningPath(view.id)}" target="_blank" rel="noopener noreferrer">${text.openLearningPath} <span class="hint">${text.newTab}</span></a></p>
</section>
<section aria-labelledby="practical">
<h2 id="practical">${text.practical}</h2>
<p>${stateBadge(practical.status, strings.practicalState[practical.status])}</p>
${
  practical.status !== 'locked'
    ? html`<h3>${practical.title}</h3>
<div class="markdown">${raw(practical.instructionsHtml)}</div>
<p><a class="button" href="${links.practical(view.id)}">${text.openPractical}</a></p>`
    : ''
}
${view.certifiedAt ? html`<p class="notice certified">${stateBadge('certified', strings.progress.isCertified)} ${text.certified(view.title, formatDateTime(view.certifiedAt))}</p>` : ''}
</section>`,
  });
}

function startForm(view: CourseView, links: PageLinks) {
  const resume = view.exam.openAttemptId !== null;
  return html`<form method="post" action="${links.startAttempt(view.id)}">
${resume ? '' : html`<p>${strings.course.startHint(view.exam.timeLimitMinutes)}</p>`}
<button type="submit" class="button primary">${resume ? strings.course.resume : strings.course.start}</button>
</form>`;
}

function blockedReason(exam: CourseView['exam']): string {
  const blocked = strings.course.blocked;
  switch (exam.blockedBy) {
    case 'cooldown':
      return blocked.cooldown(formatDateTime(exam.opensAt ?? ''));
    case 'attempt_limit':
      return blocked.attempt_limit;
    case 'remediation':
      return blocked.remediation;
    default:
      return blocked.passed;
  }
}
