import { attemptPageHandler } from './handlers/page-attempt.js';
import { coursePageHandler } from './handlers/page-course.js';
import { deepLinkingPickerHandler, deepLinkingResponseHandler } from './handlers/page-deep-linking.js';
import { learningPathPageHandler } from './handlers/page-learning-path.js';
import { practicalPageHandler } from './handlers/page-practical.js';
import {
  appealPageHandler,
  submitPracticalPageHandler,
  withdrawPageHandler,
} from './handlers/page-practical-actions.js';
import { progressPageHandler } from './handlers/page-progress.js';
import { startAttemptPageHandler } from './handlers/page-start-attempt.js';
import { submitAttemptPageHandler } from './handlers/page-submit-attempt.js';
import type { Route } from './routes.js';

const session = '(HTML page; the launch session token is in the `session` query parameter)';

/**
 * The learner's pages. They are `page` routes: no guard of the route table because their session comes in
 * the URL, not the Authorization header: each handler checks it (see handlers/page-handler.ts).
 */
export const pageRoutes: readonly Route[] = [
  {
    method: 'get',
    path: '/progress',
    access: 'page',
    summary: `The learner's progress across accreditations and courses ${session}`,
    handler: progressPageHandler,
  },
  {
    method: 'get',
    path: '/courses/:courseId',
    access: 'page',
    summary: `A course: written exam, learning path, practical ${session}`,
    handler: coursePageHandler,
  },
  {
    method: 'post',
    path: '/courses/:courseId/attempts',
    access: 'page',
    summary: `Start or resume the written exam, then go to it (303) ${session}`,
    handler: startAttemptPageHandler,
  },
  {
    method: 'get',
    path: '/courses/:courseId/learning-path',
    access: 'page',
    summary: `Record a visit to the learning path and go there (303) ${session}`,
    handler: learningPathPageHandler,
  },
  {
    method: 'get',
    path: '/attempts/:attemptId',
    access: 'page',
    summary: `The exam while open; the result and review once submitted ${session}`,
    handler: attemptPageHandler,
  },
  {
    method: 'post',
    path: '/attempts/:attemptId/submit',
    access: 'page',
    summary: `The exam form: save changed answers, submit, go to the result (303) ${session}`,
    handler: submitAttemptPageHandler,
  },
  {
    method: 'get',
    path: '/courses/:courseId/practical',
    access: 'page',
    summary: `The practical: instructions, rubric, evidence form, status, result, appeal ${session}`,
    handler: practicalPageHandler,
  },
  {
    method: 'post',
    path: '/courses/:courseId/practical/submissions',
    access: 'page',
    summary: `The evidence form: submit, then back to the practical (303; 422 with the problems) ${session}`,
    handler: submitPracticalPageHandler,
  },
  {
    method: 'post',
    path: '/practical-submissions/:submissionId/withdraw',
    access: 'page',
    summary: `Withdraw an own submission until grading starts, then back to the practical (303) ${session}`,
    handler: withdrawPageHandler,
  },
  {
    method: 'post',
    path: '/practical-submissions/:submissionId/appeal',
    access: 'page',
    summary: `Appeal a released result within its window, then back to the practical (303) ${session}`,
    handler: appealPageHandler,
  },
  {
    method: 'get',
    path: '/deep-linking',
    access: 'page',
    summary: `The content picker of a deep linking launch (instructors and admins) ${session}`,
    handler: deepLinkingPickerHandler,
  },
  {
    method: 'post',
    path: '/deep-linking',
    access: 'page',
    summary: `The picker's choice: a page that posts the signed LtiDeepLinkingResponse to the platform's return URL (422 when nothing is chosen; 400 for a choice outside the program or the request's settings; 403 unless the session is a deep linking launch's) ${session}`,
    handler: deepLinkingResponseHandler,
  },
];
