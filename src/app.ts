import type express from 'express';
import type { Logger } from 'pino';
import type { ResolvedConfig } from './config/config.js';
import { defaults } from './config/defaults.js';
import { redact } from './config/parse-database-url.js';
import { loadProgram } from './content/load-program.js';
import { createDevPlatform, type DevPlatform } from './dev-platform/create-dev-platform.js';
import type { Program } from './domain/content/program.js';
import { createHttpApp } from './http/create-http-app.js';
import type { ToolContext } from './http/tool-context.js';
import { AgsClient } from './lti/ags-client.js';
import { LtijsDatabasePlugin } from './lti/ltijs-database-plugin.js';
import { LtijsEngine } from './lti/ltijs-engine.js';
import { PlatformKeySets } from './lti/platform-key-sets.js';
import { ServiceTokens } from './lti/service-tokens.js';
import { ToolKeyRing } from './lti/tool-key-ring.js';
import { type Clock, systemClock } from './ports/clock.js';
import type { Storage } from './ports/storage.js';
import { AgsDispatcher } from './reporting/ags-dispatcher.js';
import { DeliveryMetrics } from './reporting/delivery-metrics.js';
import { type DispatcherTiming, defaultDispatcherTiming } from './reporting/outbox-dispatcher.js';
import { OutboxLearningRecords } from './reporting/outbox-learning-records.js';
import { XapiSink } from './reporting/xapi/xapi-sink.js';
import { XapiDispatcher } from './reporting/xapi-dispatcher.js';
import { SecretBox } from './security/secret-box.js';
import { systemIds } from './security/system-ids.js';
import { ProgramVersions } from './services/exam/program-versions.js';
import { sweepOverdueAttempts } from './services/exam/sweep-overdue-attempts.js';
import { purgeExpired } from './services/purge-expired.js';
import { StartupError } from './startup-error.js';
import { openSqlStorage } from './storage/sql/sql-storage.js';

export interface App {
  readonly app: express.Express;
  readonly storage: Storage;
  /** The development platform's start page, when DEV_PLATFORM is on. */
  readonly devPlatformUrl: string | undefined;
  /** Stops background work and closes the database. */
  close(): Promise<void>;
}

export interface AppOptions {
  readonly logger: Logger;
  readonly clock?: Clock;
  /** An already open storage (tests share one per database leg); opened from the config otherwise. */
  readonly storage?: Storage;
  /** The program; loaded from CONTENT_DIR otherwise (a ContentError stops the start). */
  readonly program?: Program;
  /** Delivery timing of the outbox (tests shorten it). */
  readonly dispatcherTiming?: Partial<DispatcherTiming>;
}

/** The composition root: wires storage, LTI, services and HTTP. */
export async function createApp(config: ResolvedConfig, options: AppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const program = options.program ?? (await loadProgram(config.contentDir));
  const storage = options.storage ?? (await openStorage(config));
  const programs = new ProgramVersions(program, storage.contentVersions);
  await programs.publish(clock);
  const records = new OutboxLearningRecords({
    platforms: storage.platforms,
    program: () => programs.current,
    toolUrl: config.publicUrl,
    ids: systemIds,
    clock,
  });
  const keyRing = new ToolKeyRing(storage.toolKeys, new SecretBox(config.ltiKey, 'tool-keys'), clock);
  await keyRing.ensureKey();
  const userAgent = `Accredit/0.1.0 (+${config.publicUrl})`;
  const plugin = new LtijsDatabasePlugin({
    platforms: storage.platforms,
    records: storage.ltiRecords,
    keyRing,
    box: new SecretBox(config.ltiKey, 'ltijs-records'),
    clock,
  });
  const engine = new LtijsEngine({
    ltiKey: config.ltiKey,
    publicUrl: config.publicUrl,
    plugin,
    platforms: storage.platforms,
    keyRing,
    clock,
  });
  const metrics = new DeliveryMetrics();
  const tool: ToolContext = {
    config,
    storage,
    clock,
    ids: systemIds,
    programs,
    records,
    metrics,
    logger: options.logger,
    keyRing,
    keySets: new PlatformKeySets(userAgent),
    engine,
    userAgent,
  };

  // The development platform registers itself like any platform and is reached over HTTP only.
  let devPlatform: DevPlatform | undefined;
  try {
    devPlatform = config.devPlatform
      ? await createDevPlatform({
          config,
          platforms: storage.platforms,
          clock,
          logger: options.logger,
          program: () => programs.current,
        })
      : undefined;
  } catch (err) {
    if (!options.storage) await storage.close();
    throw err;
  }

  const purge = setInterval(() => {
    purgeExpired({ storage, clock }).then(
      (counts) => options.logger.debug(counts, 'purged expired records'),
      (err: unknown) => options.logger.warn({ err }, 'purging expired records failed; will retry'),
    );
  }, defaults.purgeIntervalSeconds * 1000);
  purge.unref();
  const sweeper = setInterval(() => {
    sweepOverdueAttempts({ storage, programs, clock, ids: systemIds, records }).then(
      (closed) => closed > 0 && options.logger.info({ closed }, 'submitted attempts past their deadline'),
      (err: unknown) => options.logger.warn({ err }, 'closing overdue attempts failed; will retry'),
    );
  }, defaults.sweepIntervalSeconds * 1000);
  sweeper.unref();

  // With no LRS configured, statements stay queued and visible as undelivered, never dropped; with
  // the development platform on, its LRS takes them.
  const lrs = config.lrs ?? devPlatform?.lrs;
  const sink = lrs ? new XapiSink(lrs, userAgent) : undefined;
  // The development LRS answers once the server listens; asking it now would only fail.
  (config.lrs ? sink : undefined)?.versions().then(
    (versions) => {
      if (!versions.some((v) => v.startsWith('1.0.'))) {
        options.logger.error({ versions }, 'the LRS does not serve xAPI 1.0.x; statements will be refused');
      }
    },
    (err: unknown) =>
      options.logger.warn({ err }, 'the LRS did not answer GET /about; statements wait in the outbox'),
  );
  const dispatcher = sink
    ? new XapiDispatcher({
        storage,
        sink,
        clock,
        logger: options.logger,
        metrics,
        timing: {
          ...defaultDispatcherTiming,
          leaseMs: config.outboxLeaseSeconds * 1000,
          ...options.dispatcherTiming,
        },
      })
    : undefined;
  dispatcher?.start();

  // Grades go to each platform's AGS endpoint as launches named it; no configuration needed.
  const grades = new AgsDispatcher({
    storage,
    tokens: new ServiceTokens({ keyRing, clock, userAgent, timeoutMs: 10_000 }),
    client: new AgsClient({ userAgent, timeoutMs: 10_000 }),
    clock,
    logger: options.logger,
    metrics,
    timing: {
      ...defaultDispatcherTiming,
      batchSize: 20,
      leaseMs: config.outboxLeaseSeconds * 1000,
      ...options.dispatcherTiming,
    },
  });
  grades.start();

  return {
    app: createHttpApp(tool, devPlatform?.router),
    storage,
    devPlatformUrl: devPlatform?.startUrl,
    close: async () => {
      clearInterval(purge);
      clearInterval(sweeper);
      await dispatcher?.stop();
      await grades.stop();
      if (!options.storage) await storage.close();
    },
  };
}

async function openStorage(config: ResolvedConfig): Promise<Storage> {
  try {
    return await openSqlStorage(config.database);
  } catch (err) {
    const where = config.database.kind === 'sqlite' ? config.database.file : redact(config.database.url);
    throw new StartupError(
      `DATABASE_URL: cannot open the database at ${where} (${err instanceof Error ? err.message : String(err)}); check that it runs and that the URL is right.`,
    );
  }
}
