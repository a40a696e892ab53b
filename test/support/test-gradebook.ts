import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { readBody } from './http-server.js';

export interface TokenRequest {
  readonly ok: boolean;
  readonly scope: string;
  readonly claims: Record<string, unknown> | undefined;
  readonly problem: string | undefined;
  readonly userAgent: string | undefined;
}

export interface LineItem {
  id: string;
  contextId: string;
  label: string;
  scoreMaximum: number;
  resourceLinkId?: string;
  resourceId?: string;
  tag?: string;
}

export interface ReceivedScore {
  readonly lineItemId: string;
  readonly body: Record<string, unknown>;
  readonly contentType: string | undefined;
  readonly userAgent: string | undefined;
  /** What the gradebook answered. */
  readonly status: number;
}

/**
 * The test platform's Assignment and Grade Services: a client-credentials token endpoint that
 * verifies the tool's signed assertion against the tool's JWKS, line item containers per context
 * (filters, paging) and a scores endpoint that, like Moodle, refuses a score older than the one it
 * holds with 409. Tests script failures with the `*Script` queues (one status per request).
 */
export class TestGradebook {
  tokenRequests: TokenRequest[] = [];
  lineItemRequests: { method: string; url: string; userAgent: string | undefined }[] = [];
  scores: ReceivedScore[] = [];
  lineItems: LineItem[] = [];
  /** Statuses the token endpoint answers before answering normally. */
  tokenScript: number[] = [];
  /** Statuses the scores endpoint answers before answering normally. */
  scoreScript: number[] = [];
  tokenLifetimeSeconds = 3600;
  /** The `aud` the client assertion must carry; the token URL by default. */
  expectedAudience: string | undefined;
  /** Line items per container page (Link: rel="next" beyond). */
  pageSize = 10;
  /** Whether the container honours the filters (some platforms ignore them). */
  honoursFilters = true;
  /** The tool's JWKS URL, learnt from the launch. */
  toolJwksUrl: string | undefined;
  private readonly tokens = new Set<string>();
  private readonly jtis = new Set<string>();
  /** Latest score per line item and user: what the gradebook shows. */
  readonly grades = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly baseUrl: string,
    private readonly clientId: () => string,
  ) {}

  /** The AGS claim for a launch from `contextId`. */
  endpointClaim(contextId: string, scopes?: string[]) {
    return {
      scope: scopes ?? [
        'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
        'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
        'https://purl.imsglobal.org/spec/lti-ags/scope/score',
      ],
      lineitems: `${this.baseUrl}/contexts/${contextId}/lineitems`,
    };
  }

  /** Revokes every token issued: the next service call gets a 401. */
  revokeTokens(): void {
    this.tokens.clear();
  }

  grade(lineItemId: string, userId: string): Record<string, unknown> | undefined {
    return this.grades.get(`${lineItemId} ${userId}`);
  }

  /** True when it handled the request. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname === '/token' && req.method === 'POST') {
      await this.token(req, res);
      return true;
    }
    const container = /^\/contexts\/([^/]+)\/lineitems$/.exec(url.pathname);
    if (container) {
      if (!this.authorized(req, res)) return true;
      this.lineItemRequests.push({
        method: req.method!,
        url: url.toString(),
        userAgent: req.headers['user-agent'],
      });
      if (req.method === 'GET') this.listLineItems(decodeURIComponent(container[1]!), url, res);
      else if (req.method === 'POST') await this.createLineItem(decodeURIComponent(container[1]!), req, res);
      else send(res, 405, { error: 'method not allowed' });
      return true;
    }
    const scores = /^\/contexts\/([^/]+)\/lineitems\/([^/]+)\/scores$/.exec(url.pathname);
    if (scores && req.method === 'POST') {
      if (!this.authorized(req, res)) return true;
      await this.score(`${this.baseUrl}/contexts/${scores[1]}/lineitems/${scores[2]}`, req, res);
      return true;
    }
    return false;
  }

  private async token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const scripted = this.tokenScript.shift();
    const record = (ok: boolean, claims?: Record<string, unknown>, problem?: string) =>
      this.tokenRequests.push({
        ok,
        scope: form.get('scope') ?? '',
        claims,
        problem,
        userAgent: req.headers['user-agent'],
      });
    if (scripted !== undefined) {
      record(false, undefined, `scripted ${scripted}`);
      return send(res, scripted, { error: 'temporarily_unavailable' });
    }
    const problem =
      form.get('grant_type') !== 'client_credentials'
        ? 'grant_type'
        : form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
          ? 'client_assertion_type'
          : !this.toolJwksUrl
            ? 'no tool JWKS known'
            : undefined;
    if (problem) {
      record(false, undefined, problem);
      return send(res, 400, { error: 'invalid_request', error_description: problem });
    }
    try {
      const { payload } = await jwtVerify(
        form.get('client_assertion') ?? '',
        createRemoteJWKSet(new URL(this.toolJwksUrl!)),
        {
          issuer: this.clientId(),
          subject: this.clientId(),
          audience: this.expectedAudience ?? `${this.baseUrl}/token`,
          algorithms: ['RS256'],
        },
      );
      if (typeof payload.jti !== 'string' || this.jtis.has(payload.jti))
        throw new Error('jti missing or replayed');
      this.jtis.add(payload.jti);
      const token = randomUUID();
      this.tokens.add(token);
      record(true, payload as Record<string, unknown>);
      send(res, 200, {
        access_token: token,
        token_type: 'Bearer',
        expires_in: this.tokenLifetimeSeconds,
        scope: form.get('scope'),
      });
    } catch (err) {
      record(false, undefined, String(err));
      send(res, 401, { error: 'invalid_client', error_description: String(err) });
    }
  }

  private authorized(req: IncomingMessage, res: ServerResponse): boolean {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (token && this.tokens.has(token)) return true;
    send(res, 401, { error: 'invalid_token' });
    return false;
  }

  private listLineItems(contextId: string, url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const items = this.lineItems.filter(
      (i) =>
        i.contextId === contextId &&
        (!this.honoursFilters ||
          ((!q.get('resource_link_id') || i.resourceLinkId === q.get('resource_link_id')) &&
            (!q.get('resource_id') || i.resourceId === q.get('resource_id')) &&
            (!q.get('tag') || i.tag === q.get('tag')))),
    );
    const offset = Number(q.get('offset') ?? 0);
    const page = items.slice(offset, offset + this.pageSize);
    if (offset + this.pageSize < items.length) {
      const next = new URL(url);
      next.searchParams.set('offset', String(offset + this.pageSize));
      res.setHeader('Link', `<${next.toString()}>; rel="next"`);
    }
    res.setHeader('Content-Type', 'application/vnd.ims.lis.v2.lineitemcontainer+json');
    res.end(JSON.stringify(page.map(({ contextId: _, ...item }) => item)));
  }

  private async createLineItem(contextId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = JSON.parse(await readBody(req)) as Omit<LineItem, 'id' | 'contextId'>;
    if (typeof body.label !== 'string' || !(Number(body.scoreMaximum) > 0)) {
      return send(res, 400, { error: 'label and a positive scoreMaximum are required' });
    }
    const item: LineItem = {
      ...body,
      contextId,
      id: `${this.baseUrl}/contexts/${encodeURIComponent(contextId)}/lineitems/${this.lineItems.length + 1}`,
    };
    this.lineItems.push(item);
    const { contextId: _, ...shown } = item;
    send(res, 201, shown);
  }

  private async score(lineItemId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    const receive = (status: number) =>
      this.scores.push({
        lineItemId,
        body,
        contentType: req.headers['content-type'],
        userAgent: req.headers['user-agent'],
        status,
      });
    const scripted = this.scoreScript.shift();
    if (scripted !== undefined) {
      receive(scripted);
      return send(res, scripted, { error: `scripted ${scripted}` });
    }
    if (!this.lineItems.some((i) => i.id === lineItemId)) {
      receive(404);
      return send(res, 404, { error: 'no such line item' });
    }
    const key = `${lineItemId} ${String(body.userId)}`;
    const held = this.grades.get(key);
    if (held && Date.parse(String(held.timestamp)) >= Date.parse(String(body.timestamp))) {
      receive(409);
      return send(res, 409, { error: 'Refusing score with an earlier timestamp' });
    }
    this.grades.set(key, body);
    receive(200);
    send(res, 200, {});
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(body));
}
