import type { RequestHandler } from 'express';
import type { ToolContext } from '../tool-context.js';

/** GET /metrics: Prometheus text format. Outbox depth and age from the database; deliveries of this process. */
export function metrics(tool: ToolContext): RequestHandler {
  return async (_req, res) => {
    const now = tool.clock.now();
    const counts = await tool.storage.outbox.counts();
    const lines = [
      '# HELP accredit_outbox_entries Outbox entries by target and status.',
      '# TYPE accredit_outbox_entries gauge',
      ...counts.map((c) => `accredit_outbox_entries{target="${c.target}",status="${c.status}"} ${c.count}`),
      '# HELP accredit_outbox_oldest_pending_seconds Age of the oldest entry not yet delivered.',
      '# TYPE accredit_outbox_oldest_pending_seconds gauge',
      ...counts
        .filter((c) => c.status === 'pending' && c.oldest)
        .map(
          (c) =>
            `accredit_outbox_oldest_pending_seconds{target="${c.target}"} ${Math.max(0, (now.getTime() - c.oldest!.getTime()) / 1000)}`,
        ),
      '# HELP accredit_deliveries_total Delivery outcomes of this process, by target and result.',
      '# TYPE accredit_deliveries_total counter',
      ...tool.metrics
        .snapshot()
        .map((m) => `accredit_deliveries_total{target="${m.target}",result="${m.result}"} ${m.count}`),
      '# HELP accredit_live_sessions Launch sessions not yet expired.',
      '# TYPE accredit_live_sessions gauge',
      `accredit_live_sessions ${await tool.storage.sessions.countLive(now)}`,
      '# HELP process_uptime_seconds Seconds since the process started.',
      '# TYPE process_uptime_seconds gauge',
      `process_uptime_seconds ${Math.round(process.uptime())}`,
    ];
    res.type('text/plain; version=0.0.4').send(`${lines.join('\n')}\n`);
  };
}
