import { parseArgs } from 'node:util';
import { systemClock } from '../ports/clock.js';
import type { Storage } from '../ports/storage.js';
import { UsageError } from './usage.js';

/** `outbox status|retry <id>…|retry-dead`: what waits to reach the LRS or the LMS, and a push. */
export async function outboxCommand(storage: Storage, argv: string[]): Promise<string> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'status': {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } }, strict: true });
      const counts = await storage.outbox.counts();
      const waiting = await storage.outbox.list({ status: 'dead', limit: 20 });
      if (values.json) return `${JSON.stringify({ counts, dead: waiting }, null, 2)}\n`;
      if (counts.length === 0) return 'The outbox is empty.\n';
      const lines = counts.map(
        (c) =>
          `${c.target.padEnd(5)} ${c.status.padEnd(9)} ${String(c.count).padStart(7)}  oldest ${c.oldest?.toISOString() ?? '-'}`,
      );
      const dead = waiting.map((e) => `  ${e.id}  ${e.kind}  tried ${e.tries}×  ${e.lastError ?? ''}`);
      return `${lines.join('\n')}\n${dead.length > 0 ? `\nDead (first ${dead.length}):\n${dead.join('\n')}\n` : ''}`;
    }
    case 'retry': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true });
      if (positionals.length === 0) throw new UsageError('outbox retry takes one or more entry ids');
      const n = await storage.outbox.retry(positionals, systemClock.now());
      return `${n} of ${positionals.length} entries will be sent again now.\n`;
    }
    case 'retry-dead': {
      const n = await storage.outbox.retry('all-dead', systemClock.now());
      return `${n} dead entries will be sent again now.\n`;
    }
    default:
      throw new UsageError(
        command === undefined ? 'outbox needs a command' : `unknown outbox command '${command}'`,
      );
  }
}
