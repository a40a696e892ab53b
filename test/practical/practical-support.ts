import { expect } from 'chai';
import { rightPicks } from '../exam/exam-answers.js';
import { type LearnerApi, launchAs } from '../support/learner-api.js';
import type { LtiFixture } from '../support/lti-fixture.js';
import { roles } from '../support/test-platform.js';

interface Question {
  id: string;
  options: { id: string; html: string }[];
}

/** Takes and passes a course's written exam through the API. */
export async function passWritten(api: LearnerApi, courseId: string): Promise<void> {
  const started = await api.call('POST', `/api/courses/${courseId}/attempts`);
  expect(started.status, started.text).to.equal(201);
  const attempt = started.body as unknown as { id: string; questions: Question[] };
  for (const q of attempt.questions) {
    const saved = await api.call('PUT', `/api/attempts/${attempt.id}/responses/${q.id}`, {
      selected: rightPicks(q),
    });
    expect(saved.status, saved.text).to.equal(200);
  }
  const submitted = await api.call('POST', `/api/attempts/${attempt.id}/submit`);
  expect(submitted.status, submitted.text).to.equal(200);
  expect((submitted.body as { result?: { passed?: boolean } }).result?.passed).to.equal(true);
}

/** A learner launched into a course from an LMS context, with grade passback. */
export function learner(fixture: LtiFixture, sub: string, context: string, courseId: string) {
  return launchAs(fixture, {
    sub,
    name: `Learner ${sub}`,
    custom: { course: courseId },
    context: { id: context, title: 'Field Enablement' },
    ags: true,
  });
}

/** An Instructor (an evaluator) of an LMS context. */
export function evaluator(fixture: LtiFixture, sub: string, context: string) {
  return launchAs(fixture, {
    sub,
    name: `Evaluator ${sub}`,
    roles: [roles.instructor],
    context: { id: context, title: 'Field Enablement' },
  });
}

export const link = (n: number) => ({
  url: `https://drive.example.com/recordings/${n}.mp4`,
  title: `Call ${n}`,
});
