import {
  getAgreementReport,
  getAudit,
  getCalibration,
  getQueue,
  getSubmissionForEvaluator,
  postCalibration,
  postClaim,
  postRelease,
  putEvaluation,
} from './handlers/evaluator-handlers.js';
import {
  getOwnSubmission,
  getPractical,
  postAppeal,
  postSubmission,
  postWithdraw,
} from './handlers/practical-learner-handlers.js';
import type { Route } from './routes.js';
import {
  appealInputSchema,
  calibrationInputSchema,
  evaluationInputSchema,
  evidenceInputSchema,
} from './schemas/practical-input.js';

/** The practical assessment: the learner's side, then the evaluator's. */
export const practicalRoutes: readonly Route[] = [
  {
    method: 'get',
    path: '/api/courses/:courseId/practical',
    access: 'session',
    summary: "A course's practical: instructions, rubric, the learner's submissions and certification",
    handler: getPractical,
  },
  {
    method: 'post',
    path: '/api/courses/:courseId/practical/submissions',
    access: 'session',
    summary: 'Submit evidence for the practical (opens once the written exam is passed)',
    body: () => evidenceInputSchema,
    handler: postSubmission,
  },
  {
    method: 'get',
    path: '/api/practical-submissions/:submissionId',
    access: 'session',
    summary: 'An own practical submission, with its result once released',
    handler: getOwnSubmission,
  },
  {
    method: 'post',
    path: '/api/practical-submissions/:submissionId/withdraw',
    access: 'session',
    summary: 'Withdraw an own submission, until grading starts',
    handler: postWithdraw,
  },
  {
    method: 'post',
    path: '/api/practical-submissions/:submissionId/appeal',
    access: 'session',
    summary: 'Appeal a released result within the appeal window',
    body: () => appealInputSchema,
    handler: postAppeal,
  },
  {
    method: 'get',
    path: '/api/evaluator/queue',
    access: 'session',
    summary:
      'Evaluators: submissions to grade or release, oldest first (filters courseId, status, minWaitingHours)',
    handler: getQueue,
  },
  {
    method: 'get',
    path: '/api/evaluator/submissions/:submissionId',
    access: 'session',
    summary: 'Evaluators: a submission with its evidence, rubric and evaluations',
    handler: getSubmissionForEvaluator,
  },
  {
    method: 'post',
    path: '/api/evaluator/submissions/:submissionId/claim',
    access: 'session',
    summary: 'Evaluators: claim a submission for the evaluation it waits for (409 when another holds it)',
    handler: postClaim,
  },
  {
    method: 'put',
    path: '/api/evaluator/submissions/:submissionId/evaluation',
    access: 'session',
    summary: 'Evaluators: score each criterion by level, with comments; the rubric decides',
    body: () => evaluationInputSchema,
    handler: putEvaluation,
  },
  {
    method: 'post',
    path: '/api/evaluator/submissions/:submissionId/release',
    access: 'session',
    summary:
      'Evaluators: release a decided result to the learner (certifies the course when both stages passed)',
    handler: postRelease,
  },
  {
    method: 'get',
    path: '/api/evaluator/submissions/:submissionId/audit',
    access: 'session',
    summary: 'Evaluators: the audit trail of a submission',
    handler: getAudit,
  },
  {
    method: 'get',
    path: '/api/evaluator/calibration/:courseId',
    access: 'session',
    summary: "Evaluators: a course's reference submissions and how close your scores came",
    handler: getCalibration,
  },
  {
    method: 'post',
    path: '/api/evaluator/calibration/:courseId/:referenceId',
    access: 'session',
    summary: 'Evaluators: score a reference submission; answers how close to the agreed levels',
    body: () => calibrationInputSchema,
    handler: postCalibration,
  },
  {
    method: 'get',
    path: '/api/evaluator/reports/agreement',
    access: 'session',
    summary:
      "Evaluators: inter-rater agreement (percent and Cohen's kappa per criterion) on double-marked submissions",
    handler: getAgreementReport,
  },
];
