import { expect } from 'chai';
import { rightPicks } from '../exam/exam-answers.js';
import { takeExam } from '../exam/take-exam.js';
import { type LearnerApi, launchAs } from '../support/learner-api.js';
import type { LtiFixture } from '../support/lti-fixture.js';
import { roles } from '../support/test-platform.js';

/** Takes and passes a course's written exam through the API. */
export async function passWritten(api: LearnerApi, courseId: string): Promise<void> {
  expect((await takeExam(api, courseId, rightPicks)).result?.passed).to.equal(true);
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
