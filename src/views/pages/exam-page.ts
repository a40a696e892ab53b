import { html, raw } from '../html.js';
import { strings } from '../strings.js';
import { type OpenAttemptView, optionLabel, type ShownQuestion } from './attempt-view.js';
import { jsonData } from './json-data.js';
import { layout } from './layout.js';
import type { PageLinks } from './page-links.js';

/**
 * The exam in progress. Without scripts it is one form with every question, posted on submit. The
 * script (public/exam.js) shows one question at a time, saves each answer as it changes, keeps the
 * flags, runs the timer from the server's seconds left, and asks before submitting.
 */
export function examPage(view: OpenAttemptView, courseTitle: string, links: PageLinks): string {
  const text = strings.exam;
  return layout({
    title: text.title(courseTitle),
    links,
    scripts: ['exam.js'],
    main: html`<h1>${text.title(courseTitle)}</h1>
<div class="exam-status">
<p class="timer"><span id="timer-label">${text.timeLeft}</span>: <span id="timer" role="timer" aria-labelledby="timer-label" data-seconds-left="${view.secondsLeft}">${clock(view.secondsLeft)}</span></p>
<p id="timer-announcement" class="visually-hidden" aria-live="polite" aria-atomic="true"></p>
<p class="progress"><label for="answered-progress">${text.progressLabel}</label>
<progress id="answered-progress" max="${view.total}" value="${view.answered}">${text.answeredOf(view.answered, view.total)}</progress>
<span id="answered-count">${text.answeredOf(view.answered, view.total)}</span></p>
<p id="save-state" class="save-state" role="status" data-state="idle">${text.savedOnSubmit}</p>
</div>
<noscript><p class="notice">${text.noScript}</p></noscript>
<nav class="question-nav" aria-label="${text.questionNavigation}">
<ol>
${view.questions.map(
  (
    q,
    i,
  ) => html`<li><a href="#question-${q.number}" data-question-index="${i}">${text.questionNumber(q.number)}
<span class="nav-state"><span data-nav="answered">${q.selected.length > 0 ? text.answered : text.notAnswered}</span><span data-nav="flagged" hidden>, ${text.flagged}</span></span></a></li>`,
)}
</ol>
</nav>
<form id="exam-form" method="post" action="${links.submitAttempt(view.id)}" data-attempt-id="${view.id}" data-api="${links.api()}" data-result-url="${links.attempt(view.id)}">
${view.questions.map((q) => questionSection(q, view.total))}
<div class="pager" hidden>
<button type="button" class="button" data-pager="previous">${text.previous}</button>
<button type="button" class="button" data-pager="next">${text.next}</button>
</div>
<p class="submit-row"><button type="submit" class="button primary" id="submit-exam">${text.submit}</button></p>
</form>
<dialog id="confirm-submit" aria-labelledby="confirm-title" aria-describedby="confirm-summary">
<h2 id="confirm-title">${text.confirmTitle}</h2>
<div id="confirm-summary">
<p data-confirm="answered"></p>
<p data-confirm="unanswered" hidden></p>
<p data-confirm="flagged" hidden></p>
<p>${text.confirmWarning}</p>
</div>
<p class="dialog-actions">
<button type="button" class="button" data-confirm="cancel" autofocus>${text.confirmCancel}</button>
<button type="button" class="button primary" data-confirm="submit">${text.confirmSubmit}</button>
</p>
</dialog>
${jsonData('exam-strings', strings.examClient)}`,
  });
}

function questionSection(q: ShownQuestion, total: number) {
  const id = `question-${q.number}`;
  const inputType = q.type === 'multiple-response' ? 'checkbox' : 'radio';
  return html`<section id="${id}" class="question" data-question-id="${q.id}" aria-labelledby="${id}-title">
<h2 id="${id}-title" tabindex="-1">${strings.exam.questionOf(q.number, total)} <span class="points">(${strings.exam.points(q.points)})</span></h2>
<fieldset aria-labelledby="${id}-stem" aria-describedby="${id}-hint">
<div id="${id}-stem" class="markdown stem">${raw(q.stemHtml)}</div>
<p id="${id}-hint" class="hint">${q.type === 'multiple-response' ? strings.exam.chooseAll : strings.exam.chooseOne}</p>
<div class="options">
${q.options.map(
  (
    option,
  ) => html`<label class="option"><input type="${inputType}" name="answer:${q.id}" value="${option.id}"${q.selected.includes(option.id) ? raw(' checked') : ''}> <span>${optionLabel(q, option) ?? raw(option.html)}</span></label>
`,
)}
</div>
</fieldset>
<p><button type="button" class="button flag" aria-pressed="false" hidden>${strings.exam.flag}</button></p>
</section>`;
}

/** m:ss, as the timer shows it before the script takes over. */
function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
