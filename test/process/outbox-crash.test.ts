import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { drawAttempt } from '../../src/domain/exam/attempt.js';
import { systemClock } from '../../src/ports/clock.js';
import { OutboxLearningRecords } from '../../src/reporting/outbox-learning-records.js';
import { systemIds } from '../../src/security/system-ids.js';
import { openSqlStorage } from '../../src/storage/sql/sql-storage.js';
import { kill, spawnTool, untilListening } from '../support/run-tool-process.js';
import { TestLrs } from '../support/test-lrs.js';
import { testProgram } from '../support/test-program.js';
import { waitFor } from '../support/wait-for.js';

describe('the outbox across a crash', () => {
  it('delivers every statement once by id after the tool is killed with SIGKILL mid-delivery and restarted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accredit-crash-'));
    const file = join(dir, 'accredit.sqlite');
    const storage = await openSqlStorage({ kind: 'sqlite', file });
    const records = new OutboxLearningRecords({
      platforms: storage.platforms,
      program: () => testProgram,
      toolUrl: 'http://127.0.0.1',
      ids: systemIds,
      clock: systemClock,
    });
    await storage.contentVersions.save(testProgram.version, JSON.stringify(testProgram), new Date());
    const course = testProgram.courses[0]!;
    const now = new Date();
    for (let i = 0; i < 60; i += 1) {
      const attempt = {
        ...drawAttempt({
          id: systemIds.uuid(),
          learner: { platformId: 'p', subject: `s-${i}` },
          course,
          contentVersion: testProgram.version,
          seed: `seed-${i}`,
          now: new Date(now.getTime() - 60_000),
        }),
        status: 'submitted' as const,
        submittedAt: now,
        submittedBy: 'learner' as const,
        result: { score: 5, maxScore: 5, percent: 100, passed: true, passingScore: 75 },
      };
      await storage.outbox.enqueue(
        records.attemptSubmitted({ issuer: 'https://lms.example.com', subject: `s-${i}` }, attempt, course),
        now,
      );
    }
    await storage.close();

    const lrs = await TestLrs.start();
    lrs.delayMs = 1500;
    const env = {
      PORT: '0',
      DATABASE_URL: `sqlite:${file}`,
      LRS_ENDPOINT: lrs.endpoint,
      LRS_USERNAME: TestLrs.username,
      LRS_PASSWORD: TestLrs.password,
      OUTBOX_LEASE_SECONDS: '1',
    };
    try {
      const first = spawnTool(env, dir);
      await untilListening(first);
      await waitFor('a first batch stored at the LRS', () => lrs.stored.size > 0);
      kill(first.child);
      await first.exited;
      const storedAtCrash = lrs.stored.size;
      expect(storedAtCrash).to.be.below(180);

      lrs.delayMs = 0;
      const second = spawnTool(env, dir);
      try {
        await untilListening(second);
        await waitFor('all 180 statements at the LRS', () => lrs.stored.size === 180, 20_000);
        await waitFor('every row marked delivered', async () => {
          const check = await openSqlStorage({ kind: 'sqlite', file });
          try {
            const counts = await check.outbox.counts();
            return counts.length === 1 && counts[0]!.status === 'delivered' && counts[0]!.count === 180;
          } finally {
            await check.close();
          }
        });
      } finally {
        kill(second.child);
      }
      expect(lrs.conflicts).to.equal(0);
      expect(new Set(lrs.received).size).to.equal(180);
      // The batch stored before the kill was never acknowledged, so it went again: same ids, same bytes.
      expect(lrs.received.length).to.be.above(180);
    } finally {
      await lrs.close();
    }
  });
});
