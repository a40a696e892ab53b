import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { pino } from 'pino';
import { type App, createApp } from '../../src/app.js';
import type { ResolvedConfig } from '../../src/config/config.js';
import type { Program } from '../../src/domain/content/program.js';
import type { Storage } from '../../src/ports/storage.js';
import { Browser, parseForm } from '../support/browser.js';
import { closeServer } from '../support/http-server.js';
import { adminToken } from '../support/start-tool.js';
import { testProgram } from '../support/test-program.js';

export const ltiKey = 'test-lti-key-0123456789abcdef0123456789abcdef';

export interface DevTool {
  readonly url: string;
  readonly port: number;
  readonly app: App;
  readonly logs: string[];
  admin(method: string, path: string): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The tool with its development platform on, on 127.0.0.1 (port 0, or the port of an earlier start
 * so that PUBLIC_URL, hence the platform's issuer, stays the same across a restart), running the
 * fixture program unless given another (the walk-through runs the shipped one, as `npm start` does).
 */
export async function startDevTool(
  storage: Storage,
  dataDir: string,
  options: { port?: number; config?: Partial<ResolvedConfig>; program?: Program } = {},
): Promise<DevTool> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const logs: string[] = [];
  const app = await createApp(
    {
      production: false,
      port,
      publicUrl: url,
      database: { kind: 'sqlite', file: ':memory:' },
      adminToken,
      ltiKey,
      lrs: undefined,
      contentDir: './config',
      dataDir,
      logLevel: 'info',
      sessionTtlMinutes: 60,
      outboxLeaseSeconds: 60,
      evaluationClaimMinutes: 120,
      evaluators: [],
      devPlatform: true,
      ...options.config,
    },
    {
      logger: pino({ level: 'info' }, { write: (line: string) => logs.push(line) }),
      storage,
      program: options.program ?? testProgram,
      dispatcherTiming: { idleMs: 50, backoffBaseMs: 100, backoffMaxMs: 500 },
    },
  );
  server.on('request', app.app);
  return {
    url,
    port,
    app,
    logs,
    admin: (method, path) =>
      fetch(`${url}${path}`, { method, headers: { Authorization: `Bearer ${adminToken}` } }),
    close: async () => {
      await closeServer(server);
      await app.close();
      // Lets fetch's connection pool see the closed sockets before a restart on the same port.
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}

export interface DevLaunch {
  /** Every hop, in order: the start page's redirect, the tool's login redirect, the platform's form. */
  readonly loginInitiation: URL;
  readonly authorization: URL;
  readonly posted: Record<string, string>;
  readonly response: Response;
  readonly body: string;
  readonly sessionToken: string | undefined;
}

/** A browser-like walk from the start page's form through the tool's login and the platform's form post. */
export async function devLaunch(
  browser: Browser,
  toolUrl: string,
  persona: string,
  destination: string,
  tamper: (fields: Record<string, string>) => Record<string, string> = (f) => f,
): Promise<DevLaunch> {
  const chosen = await browser.postForm(`${toolUrl}/dev/launches`, { persona, destination });
  expect(chosen.status, await chosen.clone().text()).to.equal(303);
  const loginInitiation = new URL(chosen.headers.get('location')!);
  const login = await browser.get(loginInitiation.toString());
  expect(login.status, await login.clone().text()).to.equal(302);
  const authorization = new URL(login.headers.get('location')!);
  const answer = await browser.get(authorization.toString());
  const page = await answer.text();
  expect(answer.status, page).to.equal(200);
  const form = parseForm(page);
  const posted = tamper(form.fields);
  const response = await browser.postForm(form.action, posted);
  const body = await response.text();
  const sessionToken = /<meta name="accredit-session" content="([^"]+)"/.exec(body)?.[1];
  return { loginInitiation, authorization, posted, response, body, sessionToken };
}

export { Browser };
