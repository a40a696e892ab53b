import type { Server } from 'node:http';
import { pino } from 'pino';
import { createApp } from '../../src/app.js';
import type { ResolvedConfig } from '../../src/config/config.js';
import type { Program } from '../../src/domain/content/program.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Storage } from '../../src/ports/storage.js';
import type { DispatcherTiming } from '../../src/reporting/outbox-dispatcher.js';
import { closeServer, listenOnLoopback } from './http-server.js';
import { testProgram } from './test-program.js';

export const adminToken = 'test-admin-token-0123456789';

export interface RunningTool {
  readonly url: string;
  readonly storage: Storage;
  /** Calls the admin API with the admin token. */
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

/** Starts the tool on 127.0.0.1, port 0, over the given storage, with real HTTP. */
export async function startTool(
  storage: Storage,
  options: {
    clock?: Clock;
    config?: Partial<ResolvedConfig>;
    logs?: string[];
    program?: Program;
    dispatcherTiming?: Partial<DispatcherTiming>;
  } = {},
): Promise<RunningTool> {
  const { server, url } = await listenOnLoopback();
  const config: ResolvedConfig = {
    production: false,
    port: 0,
    publicUrl: url,
    database: { kind: 'sqlite', file: ':memory:' },
    adminToken,
    ltiKey: 'test-lti-key-0123456789abcdef0123456789abcdef',
    lrs: undefined,
    contentDir: './config',
    dataDir: './data',
    logLevel: 'silent',
    sessionTtlMinutes: 60,
    outboxLeaseSeconds: 60,
    evaluationClaimMinutes: 120,
    evaluators: [],
    ...options.config,
  };
  const tool = await createApp(config, {
    logger: options.logs
      ? pino({ level: 'debug' }, { write: (line: string) => options.logs!.push(line) })
      : pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    storage,
    program: options.program ?? testProgram,
    dispatcherTiming: { idleMs: 50, backoffBaseMs: 100, backoffMaxMs: 500, ...options.dispatcherTiming },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  server.on('request', tool.app);
  return {
    url,
    storage,
    admin: (method, path, body) =>
      fetch(`${url}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${adminToken}`,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    close: async () => {
      await closeServer(server as Server);
      await tool.close();
    },
  };
}
