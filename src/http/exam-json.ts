import type { Course, Question } from '../domain/content/program.js';
import { type Attempt, type AttemptItem, shownOptionIds } from '../domain/exam/attempt.js';
import type { ExamStatus } from '../domain/exam/exam-status.js';
import { isFullyCorrect, scoreItem } from '../domain/exam/scoring.js';
import { renderInlineMarkdown, renderMarkdown } from '../views/markdown.js';

/**
 * The learner's view of an attempt. Before submission it carries the questions as shown and the
 * learner's own picks, nothing else: no key, no correctness, no score. After submission, what the
 * exam's review policy allows.
 */
export function attemptJson(attempt: Attempt, course: Course, now: Date) {
  const questions = new Map(course.questions.map((q) => [q.id, q]));
  const base = {
    id: attempt.id,
    courseId: attempt.courseId,
    contentVersion: attempt.contentVersion,
    status: attempt.status,
    startedAt: attempt.startedAt.toISOString(),
    deadline: attempt.deadline.toISOString(),
    total: attempt.items.length,
    answered: attempt.items.filter((i) => (attempt.responses[i.questionId]?.selected.length ?? 0) > 0).length,
  };
  if (attempt.status === 'in_progress') {
    return {
      ...base,
      secondsLeft: Math.max(0, Math.floor((attempt.deadline.getTime() - now.getTime()) / 1000)),
      questions: attempt.items.map((item, i) =>
        shownQuestion(questions.get(item.questionId)!, item, attempt, i),
      ),
    };
  }
  const review = course.exam.review;
  const result = attempt.result!;
  return {
    ...base,
    submittedAt: attempt.submittedAt?.toISOString(),
    submittedBy: attempt.submittedBy,
    review,
    result:
      review === 'none'
        ? { passed: result.passed }
        : {
            passed: result.passed,
            score: result.score,
            maxScore: result.maxScore,
            percent: result.percent,
            passingScore: result.passingScore,
          },
    ...(review === 'responses' || review === 'full'
      ? {
          questions: attempt.items.map((item, i) => {
            const question = questions.get(item.questionId)!;
            const response = attempt.responses[item.questionId];
            const shown = shownQuestion(question, item, attempt, i);
            return {
              ...shown,
              correct: isFullyCorrect(question, item, response),
              earned: scoreItem(question, item, response),
              ...(review === 'full' ? { key: keyOf(question, item) } : {}),
            };
          }),
        }
      : {}),
  };
}

function shownQuestion(question: Question, item: AttemptItem, attempt: Attempt, index: number) {
  const ids = shownOptionIds(question, item);
  return {
    number: index + 1,
    id: question.id,
    type: question.type,
    points: question.points,
    stemHtml: renderMarkdown(question.stem),
    options:
      question.type === 'true-false'
        ? [
            { id: 'true', html: 'True' },
            { id: 'false', html: 'False' },
          ]
        : item.optionOrder.map((contentIndex, position) => ({
            id: ids[position]!,
            html: renderInlineMarkdown(question.options[contentIndex]!.text),
          })),
    selected: attempt.responses[question.id]?.selected ?? [],
  };
}

/** The answer key and feedback of one item, for a `full` review after submission only. */
function keyOf(question: Question, item: AttemptItem) {
  if (question.type === 'true-false') {
    const feedback = question.feedback[String(question.answer) as 'true' | 'false'];
    return {
      correctOptions: [String(question.answer)],
      feedbackHtml: feedback ? renderMarkdown(feedback) : null,
    };
  }
  const ids = shownOptionIds(question, item);
  return {
    correctOptions: item.optionOrder.flatMap((contentIndex, position) =>
      question.options[contentIndex]!.correct ? [ids[position]!] : [],
    ),
    optionFeedback: item.optionOrder.map((contentIndex, position) => {
      const feedback = question.options[contentIndex]!.feedback;
      return { id: ids[position]!, feedbackHtml: feedback ? renderMarkdown(feedback) : null };
    }),
  };
}

/** Where the learner stands on a course's exam, and the practical behind it. */
export function examStatusJson(course: Course, status: ExamStatus) {
  const exam = course.exam;
  return {
    questionsPerAttempt: exam.questionsPerAttempt,
    passingScore: exam.passingScore,
    timeLimitMinutes: exam.timeLimitMinutes,
    attemptLimit: exam.attemptLimit ?? null,
    retakeCooldownHours: exam.retakeCooldownHours,
    remediation: exam.remediation,
    review: exam.review,
    state: status.state,
    attemptsUsed: status.attemptsUsed,
    attemptsLeft: status.attemptsLeft ?? null,
    openAttemptId: status.openAttemptId ?? null,
    lastAttemptId: status.lastAttemptId ?? null,
    lastResult:
      status.lastResult && exam.review !== 'none'
        ? { passed: status.lastResult.passed, percent: status.lastResult.percent }
        : status.lastResult
          ? { passed: status.lastResult.passed }
          : null,
    canStart: status.start.allowed,
    ...(status.start.allowed
      ? {}
      : { blockedBy: status.start.reason, opensAt: status.start.opensAt?.toISOString() ?? null }),
  };
}

export function practicalJson(course: Course, status: ExamStatus) {
  if (!status.practicalOpen) {
    return {
      status: 'locked',
      message: `Pass the written exam of ${course.title} first: the practical assessment opens to learners who passed it.`,
    };
  }
  return {
    status: 'open',
    title: course.practical.title,
    instructionsHtml: renderMarkdown(course.practical.instructions),
    evidence: course.practical.evidence,
  };
}
