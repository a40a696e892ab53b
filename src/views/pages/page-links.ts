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

  /** The JSON API's root, for the scripts (they send the token as `Authorization: Bearer`). */
  api(): string {
    return `${this.basePath}/api`;
  }

  asset(file: string): string {
    return `${this.basePath}/assets/${file}?v=${this.assetVersion}`;
  }

  private page(path: string): string {
    return `${this.basePath}${path}?session=${encodeURIComponent(this.token)}`;
  }
}
