import type { Logger } from 'pino';

/**
 * Runs a delivery pass again and again: at once while passes find a full batch, after `idleMs`
 * otherwise; a failed pass is logged and tried again. `stop` waits for the pass in flight.
 */
export class PollingLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly pass: () => Promise<{ full: boolean }>,
    private readonly options: { idleMs: number; logger: Logger; what: string },
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass().then(
        ({ full }) => this.schedule(full ? 0 : this.options.idleMs),
        (err: unknown) => {
          this.options.logger.warn({ err }, `${this.options.what} pass failed; trying again`);
          this.schedule(this.options.idleMs);
        },
      );
    }, delayMs);
    this.timer.unref();
  }
}
