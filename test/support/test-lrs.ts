import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { ResolvedConfig } from '../../src/config/config.js';
import { closeServer, listenOnLoopback, readBody } from './http-server.js';

type Statement = { id: string } & Record<string, unknown>;

/**
 * A Learning Record Store on loopback for the tests: xAPI 1.0.3 statements resource with Basic
 * auth and the version header, idempotent on identical resends, 409 on a different statement under
 * a known id, atomic batches; `status` forces an answer (503 for an outage), `refuse` rejects
 * statements matching a predicate with 400.
 */
export class TestLrs {
  readonly stored = new Map<string, string>();
  requests = 0;
  /** Every statement id as received, resends included. */
  readonly received: string[] = [];
  status: number | undefined;
  retryAfter: string | undefined;
  refuse: ((s: Statement) => boolean) | undefined;
  /** Store, then wait this long before answering (a crash in between loses the answer, not the data). */
  delayMs = 0;
  /** Batches larger than this get 413, as an LRS behind a body-size limit answers. */
  maxBatch: number | undefined;
  conflicts = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static readonly username = 'lrs-key';
  static readonly password = 'lrs-secret';

  static async start(): Promise<TestLrs> {
    const holder: { lrs?: TestLrs } = {};
    const { server, url } = await listenOnLoopback((req, res) => {
      holder.lrs!.handle(req, res).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
    });
    holder.lrs = new TestLrs(server, `${url}/xapi`);
    return holder.lrs;
  }

  get endpoint(): string {
    return this.url;
  }

  statements(): Statement[] {
    return [...this.stored.values()].map((s) => JSON.parse(s) as Statement);
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests += 1;
    const path = new URL(req.url!, 'http://x').pathname;
    const send = (status: number, body: unknown) => {
      res.statusCode = status;
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('X-Experience-API-Version', '1.0.3');
      res.end(JSON.stringify(body));
    };
    if (path === '/xapi/about') return send(200, { version: ['1.0.3'] });
    const expected = `Basic ${Buffer.from(`${TestLrs.username}:${TestLrs.password}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return send(401, { message: 'bad credentials' });
    if (req.headers['x-experience-api-version'] !== '1.0.3')
      return send(400, { message: 'X-Experience-API-Version missing' });
    if (path !== '/xapi/statements' || req.method !== 'POST') return send(404, { message: 'not found' });
    const body = await readBody(req);
    if (this.status !== undefined) {
      if (this.retryAfter) res.setHeader('Retry-After', this.retryAfter);
      return send(this.status, { message: 'LRS unavailable' });
    }
    const parsed = JSON.parse(body) as Statement | Statement[];
    const batch = Array.isArray(parsed) ? parsed : [parsed];
    if (this.maxBatch !== undefined && batch.length > this.maxBatch)
      return send(413, { message: 'PayloadTooLargeError' });
    for (const s of batch) this.received.push(s.id);
    for (const s of batch) {
      if (this.refuse?.(s))
        return send(400, { message: `statement ${s.id} is invalid: result.score.raw exceeds max` });
      const known = this.stored.get(s.id);
      if (known !== undefined && known !== JSON.stringify(s)) {
        this.conflicts += 1;
        return send(409, { message: `a different statement ${s.id} is already stored` });
      }
    }
    for (const s of batch) this.stored.set(s.id, JSON.stringify(s));
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    return send(
      200,
      batch.map((s) => s.id),
    );
  }
}

/**
 * Mocha hooks for a suite: a test LRS started before it and closed after; `config()` points the
 * tool at it (pass it as useRegisteredPlatform's config).
 */
export function useTestLrs(): { readonly lrs: TestLrs; config(): Partial<ResolvedConfig> } {
  let lrs: TestLrs | undefined;
  before(async () => {
    lrs = await TestLrs.start();
  });
  after(async () => {
    await lrs?.close();
  });
  const started = () => {
    if (!lrs) throw new Error('the test LRS starts in a before hook');
    return lrs;
  };
  return {
    get lrs() {
      return started();
    },
    config: () => ({
      lrs: { endpoint: started().endpoint, username: TestLrs.username, password: TestLrs.password },
    }),
  };
}
