#!/usr/bin/env node
import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load-config.js';
import { ContentError } from '../content/content-error.js';
import { AppError } from '../errors.js';
import { openSqlStorage } from '../storage/sql/sql-storage.js';
import { contentCommand } from './content-command.js';
import { outboxCommand } from './outbox-command.js';
import { platformCommand } from './platform-command.js';
import { UsageError, usage } from './usage.js';

/** `accredit <area> <command> …`: the admin operations, straight on the database DATABASE_URL names. */
async function main(argv: string[]): Promise<number> {
  const [area, ...rest] = argv;
  if (area === undefined || area === 'help' || area === '--help' || area === '-h') {
    process.stdout.write(usage);
    return area === undefined ? 2 : 0;
  }
  if (area !== 'platform' && area !== 'content' && area !== 'outbox')
    throw new UsageError(`unknown command '${area}'`);
  const config = loadConfig(process.env);
  if (area === 'content') {
    process.stdout.write(await contentCommand(rest, config.contentDir));
    return 0;
  }
  const storage = await openSqlStorage(config.database);
  try {
    const output =
      area === 'outbox'
        ? await outboxCommand(storage, rest)
        : await platformCommand(storage, rest, { httpsRequired: config.production });
    process.stdout.write(output);
    return 0;
  } finally {
    await storage.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`accredit: ${err.message}\n\n${usage}`);
      process.exitCode = 2;
    } else if (err instanceof AppError || err instanceof ConfigError || err instanceof ContentError) {
      process.stderr.write(`accredit: ${err.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`accredit: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
