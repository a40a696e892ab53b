/**
 * The admin pages' URLs. Signed-in pages carry the admin page session (never ADMIN_TOKEN itself)
 * in the `session` query parameter, as the learner pages carry theirs: no cookie a script could
 * read, `no-store` answers, no Referer, and the request logs redact the parameter.
 */
export class AdminLinks {
  constructor(
    readonly basePath: string,
    /** The admin page session; undefined before sign-in. */
    readonly token: string | undefined,
    private readonly assetVersion: string,
  ) {}

  signIn(): string {
    return `${this.basePath}/admin`;
  }

  signInAction(): string {
    return `${this.basePath}/admin/sign-in`;
  }

  platforms(notice: { registered?: string; removed?: string } = {}): string {
    return this.page('/admin/platforms', notice);
  }

  registerPlatform(): string {
    return this.page('/admin/platforms');
  }

  /** GET: the confirmation; POST: the removal. */
  removePlatform(id: string): string {
    return this.page(`/admin/platforms/${encodeURIComponent(id)}/remove`);
  }

  outbox(retried?: number): string {
    return this.page('/admin/outbox', { retried: retried === undefined ? undefined : String(retried) });
  }

  retryOutbox(): string {
    return this.page('/admin/outbox/retry');
  }

  courseLinks(): string {
    return this.page('/admin/course-links');
  }

  content(): string {
    return this.page('/admin/content');
  }

  asset(file: string): string {
    return `${this.basePath}/assets/${file}?v=${this.assetVersion}`;
  }

  private page(path: string, query: Record<string, string | undefined> = {}): string {
    const params = new URLSearchParams();
    if (this.token) params.set('session', this.token);
    for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
    const search = params.toString();
    return `${this.basePath}${path}${search ? `?${search}` : ''}`;
  }
}
