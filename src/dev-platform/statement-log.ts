import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export type Statement = { readonly id: string } & Readonly<Record<string, unknown>>;

export interface StoredStatement {
  readonly statement: Statement;
  /** When the LRS stored it (ISO 8601). */
  readonly stored: string;
}

/**
 * The development LRS's statements: one JSON line per statement, appended (a crash can tear the
 * last line only, which a restart skips). Like an LRS, it keeps each id once: the same statement
 * sent again is accepted and not stored twice, a different one under a known id is a conflict, and
 * a batch is stored whole or not at all.
 */
export class StatementLog {
  private readonly byId = new Map<string, string>();
  private readonly log: StoredStatement[] = [];
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string) {}

  static open(file: string): StatementLog {
    const log = new StatementLog(file);
    if (!existsSync(file)) return log;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        log.remember(JSON.parse(line) as StoredStatement);
      } catch {
        // A line torn by a crash mid-append: the tool sends that statement again.
      }
    }
    return log;
  }

  get count(): number {
    return this.log.length;
  }

  find(id: string): StoredStatement | undefined {
    return this.log.find((s) => s.statement.id === id);
  }

  newest(limit: number): StoredStatement[] {
    return this.log.slice(-limit).reverse();
  }

  /** Stores a batch; answers the id of a statement that conflicts with a stored one, and stores nothing then. */
  async store(batch: readonly Statement[], at: Date): Promise<{ conflict?: string }> {
    const fresh: StoredStatement[] = [];
    const inBatch = new Map<string, string>();
    for (const statement of batch) {
      const text = JSON.stringify(statement);
      const known = this.byId.get(statement.id) ?? inBatch.get(statement.id);
      if (known !== undefined && known !== text) return { conflict: statement.id };
      if (known === undefined) fresh.push({ statement, stored: at.toISOString() });
      inBatch.set(statement.id, text);
    }
    for (const s of fresh) this.remember(s);
    const lines = fresh.map((s) => `${JSON.stringify(s)}\n`).join('');
    if (lines === '') return {};
    const write = this.writing
      .catch(() => {})
      .then(() => {
        mkdirSync(dirname(this.file), { recursive: true });
        return appendFile(this.file, lines, { mode: 0o600 });
      });
    this.writing = write;
    try {
      await write;
    } catch (err) {
      // Not on disk, so not stored: the resend that follows must be taken, not seen as known.
      for (const s of fresh) this.byId.delete(s.statement.id);
      this.log.splice(0, this.log.length, ...this.log.filter((s) => !fresh.includes(s)));
      throw err;
    }
    return {};
  }

  private remember(stored: StoredStatement): void {
    this.byId.set(stored.statement.id, JSON.stringify(stored.statement));
    this.log.push(stored);
  }
}
