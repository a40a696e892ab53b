const activityProgress = ['Initialized', 'Started', 'InProgress', 'Submitted', 'Completed'];
const gradingProgress = ['FullyGraded', 'Pending', 'PendingManual', 'Failed', 'NotReady'];

/** An AGS 2.0 score as posted to `{lineitem}/scores` (application/vnd.ims.lis.v1.score+json). */
export interface AgsScore {
  readonly userId: string;
  readonly scoreGiven?: number;
  readonly scoreMaximum?: number;
  readonly comment?: string;
  readonly timestamp: string;
  readonly activityProgress: string;
  readonly gradingProgress: string;
}

/** What breaks AGS §3.4 in a score; the tool never sends one with a problem (research/lti.md row 37). */
export function scoreProblems(score: AgsScore): string[] {
  const problems: string[] = [];
  if (!score.userId) problems.push('userId is required');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(score.timestamp))
    problems.push('timestamp must be ISO 8601 with milliseconds and a time zone');
  if (!activityProgress.includes(score.activityProgress))
    problems.push(`activityProgress '${score.activityProgress}' is not an AGS value`);
  if (!gradingProgress.includes(score.gradingProgress))
    problems.push(`gradingProgress '${score.gradingProgress}' is not an AGS value`);
  if (score.scoreGiven !== undefined) {
    if (score.scoreMaximum === undefined) problems.push('scoreMaximum must accompany scoreGiven');
    if (!Number.isFinite(score.scoreGiven) || score.scoreGiven < 0)
      problems.push('scoreGiven must be a number of at least 0');
  }
  if (score.scoreMaximum !== undefined && !(Number.isFinite(score.scoreMaximum) && score.scoreMaximum > 0))
    problems.push('scoreMaximum must be a number above 0');
  return problems;
}
