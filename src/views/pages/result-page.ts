import { html, raw } from '../html.js';
import { formatDateTime, strings } from '../strings.js';
import { optionLabel, type ReviewedQuestion, type SubmittedAttemptView } from './attempt-view.js';
import { layout } from './layout.js';
import type { PageLinks } from './page-links.js';
import { stateBadge } from './state-badge.js';

/**
 * A submitted attempt: the verdict, and as much as the exam's review policy lets the API say
 * (the score; the learner's answers marked right or wrong; the key and feedback). A pass leads on
 * to the practical from the verdict, not only from below a long review.
 */
export function resultPage(view: SubmittedAttemptView, courseTitle: string, links: PageLinks): string {
  const text = strings.result;
  const { result } = view;
  const verdict = result.passed ? 'passed' : 'failed';
  return layout({
    title: text.title(courseTitle),
    links,
    main: html`<h1>${text.title(courseTitle)}</h1>
<section class="verdict verdict-${verdict}" aria-labelledby="verdict">
<h2 id="verdict">${stateBadge(verdict, result.passed ? text.passed : text.failed)}</h2>
<p>${text.verdict(result.passed)}</p>
${
  result.percent !== undefined && result.passingScore !== undefined
    ? html`<p>${text.score(result.percent, result.passingScore)}${
        result.score !== undefined && result.maxScore !== undefined
          ? html` ${text.points(result.score, result.maxScore)}`
          : ''
      }</p>`
    : html`<p>${text.noReview}</p>`
}
${view.submittedBy === 'timeout' ? html`<p>${text.byTimeout}</p>` : ''}
${view.submittedAt ? html`<p>${text.submittedAt(formatDateTime(view.submittedAt))}</p>` : ''}
${result.passed ? html`<p class="next-step">${text.practicalOpen} <a href="${links.practical(view.courseId)}">${text.toPractical}</a></p>` : ''}
</section>
${
  view.questions && view.questions.length > 0
    ? html`<section aria-labelledby="review">
<h2 id="review">${text.review}</h2>
${view.questions.map((q) => reviewedQuestion(q, view.questions!.length))}
</section>`
    : ''
}
<p><a href="${links.course(view.courseId)}">${text.toCourse}</a></p>`,
  });
}

function reviewedQuestion(q: ReviewedQuestion, total: number) {
  const text = strings.result;
  const outcome = q.correct ? 'passed' : 'failed';
  const outcomeWords = q.correct ? text.correct : q.earned > 0 ? text.partlyCorrect : text.incorrect;
  const key = q.key;
  const feedbackOf = (optionId: string) => key?.optionFeedback?.find((f) => f.id === optionId)?.feedbackHtml;
  return html`<article class="reviewed-question" aria-labelledby="review-${q.number}">
<h3 id="review-${q.number}">${strings.exam.questionOf(q.number, total)}</h3>
<div class="markdown stem">${raw(q.stemHtml)}</div>
<p>${stateBadge(outcome, outcomeWords)} · ${text.earned(q.earned, q.points)}</p>
${q.selected.length === 0 ? html`<p>${text.noAnswer}</p>` : ''}
<ul class="reviewed-options">
${q.options.map((option) => {
  const picked = q.selected.includes(option.id);
  const right = key?.correctOptions.includes(option.id) ?? false;
  const feedback = picked ? feedbackOf(option.id) : undefined;
  return html`<li class="${picked ? 'picked' : ''}">${optionLabel(q, option) ?? raw(option.html)}${
    picked ? html` <strong class="tag">(${text.picked})</strong>` : ''
  }${right ? html` <strong class="tag">(${text.right})</strong>` : ''}${
    feedback ? html`<div class="feedback markdown">${raw(feedback)}</div>` : ''
  }</li>`;
})}
</ul>
${key?.feedbackHtml ? html`<div class="feedback"><h4>${text.feedback}</h4><div class="markdown">${raw(key.feedbackHtml)}</div></div>` : ''}
</article>`;
}
