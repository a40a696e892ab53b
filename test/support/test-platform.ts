import { createHmac, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { exportJWK, exportSPKI, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { type Browser, parseForm } from './browser.js';
import { closeServer, listenOnLoopback, readBody } from './http-server.js';
import { TestGradebook } from './test-gradebook.js';

const lti = 'https://purl.imsglobal.org/spec/lti/claim/';
/** The name of the platform's storage frame, sent as `lti_storage_target`. */
export const storageFrameName = 'lti_storage_frame';
export const roles = {
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
  teachingAssistant: 'http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant',
  administrator: 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator',
};

export interface LaunchOptions {
  sub?: string;
  roles?: string[];
  name?: string;
  email?: string;
  clientId?: string;
  deploymentId?: string;
  /** Sent as lti_deployment_id with the login initiation. */
  loginDeploymentId?: string | null;
  custom?: Record<string, string>;
  context?: { id: string; title?: string } | null;
  /** Change the id_token claims before signing. */
  claims?: (payload: JWTPayload) => JWTPayload;
  /** How the id_token is signed: the platform key (default), a key the JWKS lacks, or a forgery. */
  signWith?: 'platform' | 'unknown-key' | 'other-key-same-kid' | 'none' | 'hs256-public-key' | 'no-kid';
  /** Replace the posted form fields (state, id_token) before they reach the tool. */
  form?: (fields: Record<string, string>) => Record<string, string>;
  /** Extra or changed login initiation parameters. */
  login?: Record<string, string | undefined>;
  /** Sends the AGS endpoint claim (with these scopes, or the usual three). */
  ags?: boolean | { scopes: string[] };
  /** The resource link launched through. */
  resourceLinkId?: string;
  /**
   * Sends an LtiDeepLinkingRequest instead of a resource link launch, with these deep linking
   * settings over the defaults of {@link TestPlatform.deepLinkingSettings}.
   */
  deepLinking?: Record<string, unknown>;
}

export interface LaunchResult {
  response: Response;
  body: string;
  /** The session token the landing page carries, when the launch succeeded. */
  sessionToken: string | undefined;
  /** What was posted to the tool, for replays. */
  posted: Record<string, string>;
}

interface Key {
  kid: string;
  privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  publicJwk: JWK;
  publicPem: string;
}

/**
 * A real LTI 1.3 platform on loopback, built with jose: JWKS, OIDC authorization endpoint with an
 * auto-posting form, id_tokens with every required claim, and the Dynamic Registration endpoints.
 */
export class TestPlatform {
  clientId = 'accredit-client';
  deploymentId = 'deployment-1';
  jwksRequests = 0;
  jwksStatus = 200;
  /** The platform's clock for iat and exp; tests that move the tool's clock move this one too. */
  now: () => Date = () => new Date();
  registrationRequests: { body: unknown; authorization: string | undefined }[] = [];
  /** Assignment and Grade Services: token endpoint, line items, scores. */
  gradebook!: TestGradebook;
  private readonly pending = new Map<string, LaunchOptions>();
  private readonly embeds = new Map<string, { login: string; toolOrigin: string; storage: boolean }>();
  private keys: Key[] = [];
  private strangerKey!: Key;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /**
   * Starts on 127.0.0.1; with `host: 'localhost'` the platform names itself by that host instead,
   * which a browser treats as another site than a tool on 127.0.0.1 (for launches in a frame).
   */
  static async start(options: { host?: 'localhost' } = {}): Promise<TestPlatform> {
    const holder: { platform?: TestPlatform } = {};
    const { server, url: loopbackUrl } = await listenOnLoopback((req, res) => {
      holder.platform!.handle(req, res).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
    });
    const url = options.host ? loopbackUrl.replace('127.0.0.1', options.host) : loopbackUrl;
    const platform = new TestPlatform(server, url);
    holder.platform = platform;
    platform.gradebook = new TestGradebook(url, () => platform.clientId);
    platform.keys = [await makeKey()];
    platform.strangerKey = await makeKey();
    return platform;
  }

  get issuer(): string {
    return this.url;
  }

  /** What an admin registers for this platform. */
  registration(overrides: Record<string, unknown> = {}) {
    return {
      issuer: this.issuer,
      clientId: this.clientId,
      name: 'Test LMS',
      authLoginUrl: `${this.url}/auth`,
      accessTokenUrl: `${this.url}/token`,
      jwksUrl: `${this.url}/jwks`,
      deploymentIds: [this.deploymentId],
      ...overrides,
    };
  }

  /** Where deep linking responses come back to (nothing listens: tests read the tool's form). */
  get deepLinkReturnUrl(): string {
    return `${this.url}/deep-linking/return`;
  }

  /** The settings claim a deep linking request carries unless a test changes them. */
  deepLinkingSettings(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      deep_link_return_url: this.deepLinkReturnUrl,
      accept_types: ['ltiResourceLink'],
      accept_presentation_document_targets: ['iframe', 'window'],
      accept_multiple: false,
      data: 'platform-data-1',
      ...overrides,
    };
  }

  /** Adds a new signing key (the newest signs); the old one stays published. */
  async rotateKey(): Promise<void> {
    this.keys.push(await makeKey());
  }

  /** A browser-like launch: login initiation at the tool, authorization here, form post to the tool. */
  async launch(browser: Browser, toolUrl: string, options: LaunchOptions = {}): Promise<LaunchResult> {
    const initiation = await browser.get(this.loginUrl(toolUrl, options));
    if (initiation.status !== 302) {
      return { response: initiation, body: await initiation.text(), sessionToken: undefined, posted: {} };
    }
    const authorization = await browser.get(initiation.headers.get('location')!);
    const page = await authorization.text();
    if (authorization.status !== 200) throw new Error(`platform refused the authorization request: ${page}`);
    const form = parseForm(page);
    const posted = options.form ? options.form(form.fields) : form.fields;
    return this.post(browser, form.action, posted);
  }

  /**
   * The tool's login initiation URL for a launch with these options, for a real browser to open:
   * it goes on to this platform's authorization endpoint, whose page posts the launch to the tool.
   */
  loginUrl(toolUrl: string, options: LaunchOptions = {}): string {
    this.gradebook.toolJwksUrl = `${toolUrl}/lti/keys`;
    const loginHint = randomUUID();
    this.pending.set(loginHint, options);
    const login = new URL(`${toolUrl}/lti/login`);
    const params: Record<string, string | undefined> = {
      iss: this.issuer,
      login_hint: loginHint,
      target_link_uri: `${toolUrl}/lti/launch`,
      client_id: options.clientId ?? this.clientId,
      lti_deployment_id:
        options.loginDeploymentId === null
          ? undefined
          : (options.loginDeploymentId ?? options.deploymentId ?? this.deploymentId),
      lti_message_hint: 'resource-link-1',
      ...options.login,
    };
    for (const [k, v] of Object.entries(params)) if (v !== undefined) login.searchParams.set(k, v);
    return login.toString();
  }

  /**
   * A course page of this platform that embeds the tool in an iframe named `accredit` and starts a
   * launch in it. With `storage`, the page also has the platform's storage frame (`lti_storage_frame`,
   * answering lti.put_data and lti.get_data from the tool's origin only) and names it in the login
   * initiation's `lti_storage_target`; the tool's frame starts once the storage frame is ready.
   */
  embedUrl(toolUrl: string, options: LaunchOptions = {}, embed: { storage: boolean }): string {
    const login = this.loginUrl(toolUrl, {
      ...options,
      login: { ...(embed.storage ? { lti_storage_target: storageFrameName } : {}), ...options.login },
    });
    const id = randomUUID();
    this.embeds.set(id, { login, toolOrigin: new URL(toolUrl).origin, storage: embed.storage });
    return `${this.url}/embed/${id}`;
  }

  /** Posts launch fields to the tool as the browser's auto-submitted form would. */
  async post(browser: Browser, action: string, fields: Record<string, string>): Promise<LaunchResult> {
    const response = await browser.postForm(action, fields);
    const body = await response.text();
    const sessionToken = /<meta name="accredit-session" content="([^"]+)"/.exec(body)?.[1];
    return { response, body, sessionToken, posted: fields };
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url!, this.url);
    if (url.pathname === '/jwks') return this.jwks(res);
    if (await this.gradebook.handle(req, res, url)) return;
    if (url.pathname === '/auth') return this.authorize(url, res);
    if (url.pathname.startsWith('/embed/')) return this.embedPage(url.pathname.slice('/embed/'.length), res);
    if (url.pathname === '/storage-frame') return this.storageFrame(url, res);
    if (url.pathname === '/.well-known/openid-configuration') return this.openidConfiguration(res);
    if (url.pathname === '/register' && req.method === 'POST') return this.register(req, res);
    res.statusCode = 404;
    res.end('not found');
  }

  private embedPage(id: string, res: ServerResponse): void {
    const embed = this.embeds.get(id);
    if (!embed) {
      res.statusCode = 404;
      res.end('no such embed');
      return;
    }
    const storageSrc = `/storage-frame?tool=${encodeURIComponent(embed.toolOrigin)}`;
    res.setHeader('Content-Type', 'text/html');
    res.end(`<!doctype html><html lang="en"><head><title>Test LMS course</title></head><body>
<h1>Test LMS course</h1>
${embed.storage ? `<iframe name="${storageFrameName}" title="storage" src="${storageSrc}" hidden></iframe>` : ''}
<iframe name="accredit" title="Accredit" width="1000" height="700"></iframe>
<script>
const tool = document.querySelector('iframe[name="accredit"]');
const start = () => { tool.src = ${JSON.stringify(embed.login)}; };
const storage = document.querySelector('iframe[name="${storageFrameName}"]');
if (storage) storage.addEventListener('load', start, { once: true }); else start();
</script></body></html>`);
  }

  /**
   * The platform side of LTI platform storage: keeps values per sending origin, answers only the
   * tool's origin and only to the window that asked; records what it was asked (window.ltiMessages).
   */
  private storageFrame(url: URL, res: ServerResponse): void {
    const toolOrigin = url.searchParams.get('tool') ?? '';
    res.setHeader('Content-Type', 'text/html');
    res.end(`<!doctype html><html lang="en"><head><title>storage</title></head><body><script>
const toolOrigin = ${JSON.stringify(toolOrigin)};
const stored = new Map();
window.ltiMessages = [];
window.addEventListener('message', (event) => {
  const m = event.data;
  if (!m || typeof m !== 'object' || typeof m.subject !== 'string' || typeof m.message_id !== 'string') return;
  window.ltiMessages.push({ origin: event.origin, subject: m.subject, key: m.key });
  if (event.origin !== toolOrigin) return;
  const reply = (body) =>
    event.source.postMessage({ subject: m.subject + '.response', message_id: m.message_id, ...body }, event.origin);
  const key = event.origin + '|' + m.key;
  if (m.subject === 'lti.put_data' && typeof m.key === 'string' && typeof m.value === 'string') {
    stored.set(key, m.value);
    reply({ key: m.key, value: m.value });
  } else if (m.subject === 'lti.get_data' && typeof m.key === 'string') {
    reply(stored.has(key) ? { key: m.key, value: stored.get(key) } : { key: m.key });
  } else {
    reply({ error: { code: 'bad_request', message: 'unsupported message or missing key' } });
  }
});
</script></body></html>`);
  }

  private jwks(res: ServerResponse): void {
    this.jwksRequests += 1;
    res.statusCode = this.jwksStatus;
    res.setHeader('Content-Type', 'application/json');
    res.end(
      this.jwksStatus === 200
        ? JSON.stringify({ keys: this.keys.map((k) => k.publicJwk) })
        : '{"error":"down"}',
    );
  }

  private async authorize(url: URL, res: ServerResponse): Promise<void> {
    const q = Object.fromEntries(url.searchParams);
    const problems = [
      q.scope !== 'openid' && 'scope',
      q.response_type !== 'id_token' && 'response_type',
      q.response_mode !== 'form_post' && 'response_mode',
      q.prompt !== 'none' && 'prompt',
      !q.nonce && 'nonce',
      !q.state && 'state',
      !q.redirect_uri && 'redirect_uri',
    ].filter(Boolean);
    const options = this.pending.get(q.login_hint ?? '');
    if (problems.length > 0 || !options) {
      res.statusCode = 400;
      res.end(`bad authorization request: ${problems.join(', ') || 'unknown login_hint'}`);
      return;
    }
    this.pending.delete(q.login_hint!);
    const idToken = await this.idToken(options, q.nonce!, q.client_id!, q.redirect_uri!);
    res.setHeader('Content-Type', 'text/html');
    res.end(
      `<html><body onload="document.forms[0].submit()"><form method="post" action="${q.redirect_uri}">` +
        `<input type="hidden" name="id_token" value="${idToken}">` +
        `<input type="hidden" name="state" value="${q.state}"></form></body></html>`,
    );
  }

  private async idToken(
    options: LaunchOptions,
    nonce: string,
    clientId: string,
    redirectUri: string,
  ): Promise<string> {
    const now = Math.floor(this.now().getTime() / 1000);
    let payload: JWTPayload = {
      iss: this.issuer,
      aud: clientId,
      sub: options.sub ?? 'user-1',
      iat: now,
      exp: now + 300,
      nonce,
      ...(options.name !== undefined ? { name: options.name } : {}),
      ...(options.email !== undefined ? { email: options.email } : {}),
      [`${lti}message_type`]: 'LtiResourceLinkRequest',
      [`${lti}version`]: '1.3.0',
      [`${lti}deployment_id`]: options.deploymentId ?? this.deploymentId,
      [`${lti}target_link_uri`]: redirectUri,
      [`${lti}resource_link`]: {
        id: options.resourceLinkId ?? 'resource-link-1',
        title: 'Continuous Integration',
      },
      [`${lti}roles`]: options.roles ?? [roles.learner],
      [`${lti}custom`]: options.custom ?? {},
      [`${lti}tool_platform`]: { guid: 'test-platform', name: 'Test LMS' },
    };
    if (options.deepLinking) {
      payload[`${lti}message_type`] = 'LtiDeepLinkingRequest';
      delete payload[`${lti}resource_link`];
      payload['https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings'] =
        this.deepLinkingSettings(options.deepLinking);
    }
    if (options.context !== null) {
      payload[`${lti}context`] = options.context ?? { id: 'context-1', title: 'Field Enablement' };
    }
    if (options.ags) {
      payload['https://purl.imsglobal.org/spec/lti-ags/claim/endpoint'] = this.gradebook.endpointClaim(
        options.context?.id ?? 'context-1',
        options.ags === true ? undefined : options.ags.scopes,
      );
    }
    if (options.claims) payload = options.claims(payload);
    return this.sign(payload, options.signWith ?? 'platform');
  }

  private async sign(payload: JWTPayload, how: NonNullable<LaunchOptions['signWith']>): Promise<string> {
    const key = this.keys[this.keys.length - 1]!;
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    switch (how) {
      case 'platform':
        return new SignJWT(payload)
          .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
          .sign(key.privateKey);
      case 'unknown-key':
        return new SignJWT(payload)
          .setProtectedHeader({ alg: 'RS256', kid: this.strangerKey.kid })
          .sign(this.strangerKey.privateKey);
      case 'other-key-same-kid':
        return new SignJWT(payload)
          .setProtectedHeader({ alg: 'RS256', kid: key.kid })
          .sign(this.strangerKey.privateKey);
      case 'no-kid':
        return new SignJWT(payload).setProtectedHeader({ alg: 'RS256' }).sign(key.privateKey);
      case 'none':
        return `${b64({ alg: 'none', kid: key.kid })}.${b64(payload)}.`;
      case 'hs256-public-key': {
        const input = `${b64({ alg: 'HS256', kid: key.kid })}.${b64(payload)}`;
        return `${input}.${createHmac('sha256', key.publicPem).update(input).digest('base64url')}`;
      }
    }
  }

  private openidConfiguration(res: ServerResponse): void {
    res.setHeader('Content-Type', 'application/json');
    res.end(
      JSON.stringify({
        issuer: this.issuer,
        authorization_endpoint: `${this.url}/auth`,
        token_endpoint: `${this.url}/token`,
        jwks_uri: `${this.url}/jwks`,
        registration_endpoint: `${this.url}/register`,
        claims_supported: ['sub', 'iss', 'name', 'email'],
        'https://purl.imsglobal.org/spec/lti-platform-configuration': { product_family_code: 'testlms' },
      }),
    );
  }

  private async register(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.registrationRequests.push({
      body: JSON.parse(await readBody(req)),
      authorization: req.headers.authorization,
    });
    res.setHeader('Content-Type', 'application/json');
    res.end(
      JSON.stringify({
        client_id: 'dynamic-client-1',
        'https://purl.imsglobal.org/spec/lti-tool-configuration': { deployment_id: 'dyn-deployment' },
      }),
    );
  }
}

async function makeKey(): Promise<Key> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
    publicPem: await exportSPKI(publicKey),
  };
}
