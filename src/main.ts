import { createServer } from 'node:http';
import { type App, createApp } from './app.js';
import { ConfigError } from './config/config-error.js';
import { defaults } from './config/defaults.js';
import { loadConfig } from './config/load-config.js';
import { resolveSecrets } from './config/resolve-secrets.js';
import { ContentError } from './content/content-error.js';
import { createLogger } from './logger.js';
import { StartupError } from './startup-error.js';

/** Process entry: load config → create the app → listen; stop cleanly on SIGTERM or SIGINT. */
async function main(): Promise<void> {
  const { config, generatedFile } = resolveSecrets(loadConfig(process.env));
  const logger = createLogger(config.logLevel);
  if (generatedFile) {
    logger.warn(
      { file: generatedFile },
      'development secrets (ADMIN_TOKEN, LTI_KEY) are kept in this file; set both in production',
    );
  }

  const app: App = await createApp(config, { logger });

  const server = createServer(app.app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new StartupError(
          err.code === 'EADDRINUSE'
            ? `PORT: ${config.port} is already in use; set PORT to a free port.`
            : `PORT: cannot listen on ${config.port} (${err.message}).`,
        ),
      );
    });
    server.listen(config.port, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, publicUrl: config.publicUrl, database: app.storage.backend }, 'Accredit is listening');
  if (app.devPlatformUrl) {
    logger.info(
      { url: app.devPlatformUrl },
      `Try Accredit with no LMS of your own: open ${app.devPlatformUrl} (the development platform; DEV_PLATFORM=off turns it off)`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    const force = setTimeout(() => server.closeAllConnections(), defaults.shutdownGraceMilliseconds);
    force.unref();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await app.close();
    logger.info('stopped');
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof StartupError || err instanceof ContentError) {
    process.stderr.write(`accredit: ${err.message}\n`);
  } else {
    process.stderr.write(
      `accredit: could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  }
  process.exitCode = 1;
});
