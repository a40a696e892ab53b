import { expect } from 'chai';
import type { ApiAnswer, LearnerApi } from '../support/learner-api.js';
import type { rightPicks } from './exam-answers.js';

interface Question {
  id: string;
  options: { id: string; html: string }[];
}

/**
 * Takes a course's written exam through the API: starts an attempt, answers every question with
 * `pick`, submits; answers the submitted attempt as the API returned it.
 */
export async function takeExam(
  api: LearnerApi,
  courseId: string,
  pick: typeof rightPicks,
): Promise<ApiAnswer['body']> {
  const started = await api.call('POST', `/api/courses/${courseId}/attempts`);
  expect(started.status, started.text).to.equal(201);
  const attempt = started.body as { id: string; questions: Question[] };
  for (const q of attempt.questions) {
    const saved = await api.call('PUT', `/api/attempts/${attempt.id}/responses/${q.id}`, {
      selected: pick(q),
    });
    expect(saved.status, saved.text).to.equal(200);
  }
  const submitted = await api.call('POST', `/api/attempts/${attempt.id}/submit`);
  expect(submitted.status, submitted.text).to.equal(200);
  return submitted.body;
}
