import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StartupError } from '../startup-error.js';

/**
 * One JSON document on disk, kept in memory and rewritten whole after each change: to a temporary
 * file first, then renamed over the old one, so a crash leaves the old or the new document, never
 * half of one. Writes are chained, so they reach the disk in the order the changes were made.
 */
export class JsonFile<T> {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private value: T,
  ) {}

  /** Reads the file, or starts from `initial` when there is none. A file that is not JSON stops the start. */
  static open<T>(path: string, initial: () => T): JsonFile<T> {
    if (!existsSync(path)) return new JsonFile(path, initial());
    try {
      return new JsonFile(path, JSON.parse(readFileSync(path, 'utf8')) as T);
    } catch (err) {
      throw new StartupError(
        `${path} is not readable JSON (${err instanceof Error ? err.message : String(err)}); delete it to start the development platform afresh`,
      );
    }
  }

  get current(): T {
    return this.value;
  }

  /** Applies a change and resolves once the document with it is on disk. */
  async change<R>(apply: (value: T) => R): Promise<R> {
    const result = apply(this.value);
    const text = `${JSON.stringify(this.value, null, 1)}\n`;
    const write = this.writing.catch(() => {}).then(() => this.write(text));
    this.writing = write;
    await write;
    return result;
  }

  private async write(text: string): Promise<void> {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.tmp`;
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, this.path);
  }
}
