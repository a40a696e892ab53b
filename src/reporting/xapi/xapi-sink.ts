import xapiPackage from '@xapi/xapi';
import type { LrsConfig } from '../../config/config.js';

/** What the LRS said to one request: its status and body, or that it could not be reached. */
export type LrsAnswer =
  | {
      readonly reached: true;
      readonly status: number;
      readonly body: string;
      readonly retryAfterSeconds: number | undefined;
    }
  | { readonly reached: false; readonly error: string };

// A CommonJS package: seen from ESM, module.exports is the default import and the class its `default`.
const XAPI = xapiPackage.default;

class LrsHttpError extends Error {
  constructor(readonly answer: LrsAnswer) {
    super(answer.reached ? `LRS answered ${answer.status}` : answer.error);
  }
}

/**
 * The LRS over `@xapi/xapi` (the only file that imports it), with our own adapter: a timeout on
 * every request and the status kept (the library's fetch adapter drops it, and it never retries).
 */
export class XapiSink {
  private readonly xapi: InstanceType<typeof XAPI>;

  constructor(config: LrsConfig, userAgent: string, timeoutMs = 10_000) {
    this.xapi = new XAPI({
      endpoint: `${config.endpoint}/`,
      auth: XAPI.toBasicAuth(config.username ?? '', config.password ?? ''),
      version: '1.0.3',
      adapter: async ({ url, method, headers, data }) => {
        let response: Response;
        try {
          response = await fetch(url, {
            method,
            headers: { ...headers, 'User-Agent': userAgent },
            body: data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data),
            signal: AbortSignal.timeout(timeoutMs),
            redirect: 'error',
          });
        } catch (err) {
          throw new LrsHttpError({
            reached: false,
            error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
          });
        }
        const body = await response.text();
        if (!response.ok) {
          const retryAfter = Number(response.headers.get('retry-after'));
          throw new LrsHttpError({
            reached: true,
            status: response.status,
            body: body.slice(0, 4000),
            retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
          });
        }
        return {
          data: body ? JSON.parse(body) : undefined,
          headers: Object.fromEntries(response.headers),
          status: response.status,
        };
      },
    });
  }

  /** Sends statements (frozen JSON) in one request. */
  async send(statements: readonly string[]): Promise<LrsAnswer> {
    try {
      const response = await this.xapi.sendStatements({ statements: statements.map((s) => JSON.parse(s)) });
      return {
        reached: true,
        status: response.status,
        body: JSON.stringify(response.data ?? ''),
        retryAfterSeconds: undefined,
      };
    } catch (err) {
      if (err instanceof LrsHttpError) return err.answer;
      return { reached: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** The xAPI versions the LRS serves (GET /about). */
  async versions(): Promise<string[]> {
    const response = await this.xapi.getAbout();
    return response.data.version ?? [];
  }
}
