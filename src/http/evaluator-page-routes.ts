import { evaluatorQueuePageHandler } from './handlers/page-evaluator-queue.js';
import {
  agreementPageHandler,
  calibratePageHandler,
  calibrationPageHandler,
} from './handlers/page-evaluator-reports.js';
import {
  claimPageHandler,
  evaluatePageHandler,
  evaluatorSubmissionPageHandler,
  releasePageHandler,
} from './handlers/page-evaluator-submission.js';
import type { Route } from './routes.js';

const session = '(HTML page for evaluators; the launch session token is in the `session` query parameter)';

/**
 * The evaluator's pages, over the same services as /api/evaluator. `public` to the route table's
 * guards because the session comes in the URL: each handler checks it and the evaluator scope (403).
 */
export const evaluatorPageRoutes: readonly Route[] = [
  {
    method: 'get',
    path: '/evaluator/queue',
    access: 'page',
    summary: `The grading queue, filtered by courseId, status and minWaitingHours ${session}`,
    handler: evaluatorQueuePageHandler,
  },
  {
    method: 'get',
    path: '/evaluator/submissions/:submissionId',
    access: 'page',
    summary: `A submission: evidence, grading form, release, evaluations, audit trail ${session}`,
    handler: evaluatorSubmissionPageHandler,
  },
  {
    method: 'post',
    path: '/evaluator/submissions/:submissionId/claim',
    access: 'page',
    summary: `Claim a submission, then grade it on its page (303) ${session}`,
    handler: claimPageHandler,
  },
  {
    method: 'post',
    path: '/evaluator/submissions/:submissionId/evaluation',
    access: 'page',
    summary: `The grading form: record the evaluation (303; 422 with the problems by field) ${session}`,
    handler: evaluatePageHandler,
  },
  {
    method: 'post',
    path: '/evaluator/submissions/:submissionId/release',
    access: 'page',
    summary: `Release a decided result to the learner (303) ${session}`,
    handler: releasePageHandler,
  },
  {
    method: 'get',
    path: '/evaluator/calibration/:courseId',
    access: 'page',
    summary: `A course's reference submissions and how close your scores came ${session}`,
    handler: calibrationPageHandler,
  },
  {
    method: 'post',
    path: '/evaluator/calibration/:courseId/:referenceId',
    access: 'page',
    summary: `Score a reference submission, then back to the calibration page (303) ${session}`,
    handler: calibratePageHandler,
  },
  {
    method: 'get',
    path: '/evaluator/reports/agreement',
    access: 'page',
    summary: `Percent agreement and Cohen's kappa per criterion on double-marked submissions ${session}`,
    handler: agreementPageHandler,
  },
];
