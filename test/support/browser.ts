/**
 * A browser-like HTTP client: a cookie jar (domain-agnostic, path-aware, honouring expiry), manual
 * redirects, and form posts, over real HTTP with fetch.
 */
export class Browser {
  private readonly cookies = new Map<string, { value: string; path: string; expires: number | undefined }>();

  async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(url, { method: 'GET', headers });
  }

  async postForm(
    url: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return this.request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }

  async request(url: string, init: RequestInit): Promise<Response> {
    const cookie = this.cookieHeader(new URL(url).pathname);
    const headers = new Headers(init.headers);
    if (cookie) headers.set('Cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(response);
    return response;
  }

  cookieNames(): string[] {
    return [...this.cookies.keys()];
  }

  clearCookies(): void {
    this.cookies.clear();
  }

  /** The raw Set-Cookie lines of a response, for asserting attributes. */
  static setCookies(response: Response): string[] {
    return response.headers.getSetCookie();
  }

  private store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = decodeURIComponent(pair!.slice(eq + 1));
      let path = '/';
      let expires: number | undefined;
      for (const attr of attrs) {
        const [k, v = ''] = attr.split('=');
        if (k!.toLowerCase() === 'path') path = v;
        if (k!.toLowerCase() === 'expires') expires = Date.parse(v);
        if (k!.toLowerCase() === 'max-age') expires = Date.now() + Number(v) * 1000;
      }
      if (expires !== undefined && expires <= Date.now()) this.cookies.delete(name);
      else this.cookies.set(name, { value, path, expires });
    }
  }

  private cookieHeader(path: string): string {
    const now = Date.now();
    return [...this.cookies.entries()]
      .filter(([, c]) => (c.expires === undefined || c.expires > now) && path.startsWith(c.path))
      .map(([name, c]) => `${name}=${encodeURIComponent(c.value)}`)
      .join('; ');
  }
}

/** The fields and action of the first form in an HTML page. */
export function parseForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]*)"/i.exec(html)?.[1];
  if (!action) throw new Error(`no form in page: ${html.slice(0, 200)}`);
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*name="([^"]*)"[^>]*value="([^"]*)"/gi)) {
    fields[m[1]!] = decodeEntities(m[2]!);
  }
  return { action: decodeEntities(action), fields };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
