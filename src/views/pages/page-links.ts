/**
 * The URLs of the pages, each carrying the session token in the `session` query parameter: inside
 * an LMS iframe third-party cookies may be refused, so the page URL is what keeps the learner signed
 * in (as ltijs's `ltik`). Pages answer with `Referrer-Policy: no-referrer` and logs redact the
 * parameter. Paths are relative to the tool's base path, so that scripts and styles stay same-origin.
 */
export class PageLinks {
  constructor(
    /** The path PUBLIC_URL is mounted on, without a trailing slash ('' at the root). */
    readonly basePath: string,
    readonly token: string,
    /** Changes whenever a file under public/ changes, so assets can be cached for long. */
    private readonly assetVersion: string,
  ) {}

  static basePathOf(publicUrl: string): string {
    return new URL(publicUrl).pathname.replace(/\/+$/, '');
  }

  progress(): string {
    return this.page('/progress');
  }

  course(courseId: string): string {
    return this.page(`/courses/${encodeURIComponent(courseId)}`);
  }

  startAttempt(courseId: string): string {
    return this.page(`/courses/${encodeURIComponent(courseId)}/attempts`);
  }

  learningPath(courseId: string): string {
    return this.page(`/courses/${encodeURIComponent(courseId)}/learning-path`);
  }

  attempt(attemptId: string): string {
    return this.page(`/attempts/${encodeURIComponent(attemptId)}`);
  }

  submitAttempt(attemptId: string): string {
    return this.page(`/attempts/${encodeURIComponent(attemptId)}/submit`);
  }

  /** The practical page; `done` names what was just done there, for the page to confirm it. */
  practical(courseId: string, done?: 'submitted' | 'withdrawn' | 'appealed'): string {
    return this.page(`/courses/${encodeURIComponent(courseId)}/practical`, { done });
  }

  submitPractical(courseId: string): string {
    return this.page(`/courses/${encodeURIComponent(courseId)}/practical/submissions`);
  }

  withdrawSubmission(submissionId: string): string {
    return this.page(`/practical-submissions/${encodeURIComponent(submissionId)}/withdraw`);
  }

  appealSubmission(submissionId: string): string {
    return this.page(`/practical-submissions/${encodeURIComponent(submissionId)}/appeal`);
  }

  evaluatorQueue(filter: { courseId?: string | undefined } = {}): string {
    return this.page('/evaluator/queue', { courseId: filter.courseId });
  }

  /** An evaluator's submission page; `done` names what was just done there, for the page to confirm it. */
  evaluatorSubmission(submissionId: string, done?: 'claimed' | 'evaluated' | 'released'): string {
    return this.page(`/evaluator/submissions/${encodeURIComponent(submissionId)}`, { done });
  }

  claimSubmission(submissionId: string): string {
    return this.page(`/evaluator/submissions/${encodeURIComponent(submissionId)}/claim`);
  }

  evaluateSubmission(submissionId: string): string {
    return this.page(`/evaluator/submissions/${encodeURIComponent(submissionId)}/evaluation`);
  }

  releaseSubmission(submissionId: string): string {
    return this.page(`/evaluator/submissions/${encodeURIComponent(submissionId)}/release`);
  }

  calibration(courseId: string, done?: 'calibrated'): string {
    return this.page(`/evaluator/calibration/${encodeURIComponent(courseId)}`, { done });
  }

  calibrate(courseId: string, referenceId: string): string {
    return this.page(
      `/evaluator/calibration/${encodeURIComponent(courseId)}/${encodeURIComponent(referenceId)}`,
    );
  }

  agreement(courseId?: string): string {
    return this.page('/evaluator/reports/agreement', { courseId });
  }

  /** The content picker a deep linking request lands on; its form posts the choice back here. */
  deepLinking(): string {
    return this.page('/deep-linking');
  }

  /** A page's path without its query, for GET forms (which carry the session in a hidden field). */
  path(url: string): string {
    return url.slice(0, url.indexOf('?'));
  }

  /** The JSON API's root, for the scripts (they send the token as `Authorization: Bearer`). */
  api(): string {
    return `${this.basePath}/api`;
  }

  asset(file: string): string {
    return `${this.basePath}/assets/${file}?v=${this.assetVersion}`;
  }

  private page(path: string, query: Record<string, string | undefined> = {}): string {
    const extra = Object.entries(query)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, value]) => `&${name}=${encodeURIComponent(value)}`)
      .join('');
    return `${this.basePath}${path}?session=${encodeURIComponent(this.token)}${extra}`;
  }
}
