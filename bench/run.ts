// npm run bench: figures for the outbox, printed, never asserted.
// 1. statements per second delivered to a loopback LRS, with batching;
// 2. the outbox's added cost per submitted attempt (start, 4 answers, submit) on SQLite;
// 3. scores per second delivered to a loopback LMS gradebook (AGS), token and line item included.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import type { Learner } from '../src/domain/exam/attempt.js';
import { AgsClient } from '../src/lti/ags-client.js';
import { ServiceTokens } from '../src/lti/service-tokens.js';
import { ToolKeyRing } from '../src/lti/tool-key-ring.js';
import { systemClock } from '../src/ports/clock.js';
import type { LearningRecords } from '../src/ports/learning-records.js';
import type { Storage } from '../src/ports/storage.js';
import { AgsDispatcher } from '../src/reporting/ags-dispatcher.js';
import { DeliveryMetrics } from '../src/reporting/delivery-metrics.js';
import { defaultDispatcherTiming } from '../src/reporting/outbox-dispatcher.js';
import { OutboxLearningRecords } from '../src/reporting/outbox-learning-records.js';
import { XapiSink } from '../src/reporting/xapi/xapi-sink.js';
import { XapiDispatcher } from '../src/reporting/xapi-dispatcher.js';
import { SecretBox } from '../src/security/secret-box.js';
import { systemIds } from '../src/security/system-ids.js';
import type { ExamDeps } from '../src/services/exam/exam-deps.js';
import { ProgramVersions } from '../src/services/exam/program-versions.js';
import { saveResponse } from '../src/services/exam/save-response.js';
import { startAttempt } from '../src/services/exam/start-attempt.js';
import { submitAttempt } from '../src/services/exam/submit-attempt.js';
import { openSqlStorage } from '../src/storage/sql/sql-storage.js';
import { closeServer, listenOnLoopback } from '../test/support/http-server.js';
import { TestLrs } from '../test/support/test-lrs.js';
import { TestPlatform } from '../test/support/test-platform.js';
import { testProgram } from '../test/support/test-program.js';

const logger = pino({ level: 'silent' });
const noRecords: LearningRecords = {
  actorOf: async (l) => ({ issuer: 'https://lms.example.com', subject: l.subject }),
  attemptStarted: () => [],
  responseSaved: () => [],
  attemptSubmitted: () => [],
  launched: () => [],
  practicalSubmitted: () => [],
  practicalEvaluated: () => [],
  practicalReleased: () => [],
  courseCertified: () => [],
  accreditationEarned: () => [],
  gradeChanged: async () => [],
};

async function withStorage<T>(
  work: (storage: Awaited<ReturnType<typeof openSqlStorage>>) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'accredit-bench-'));
  const storage = await openSqlStorage({ kind: 'sqlite', file: join(dir, 'bench.sqlite') });
  try {
    return await work(storage);
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function examDeps(storage: Storage, records: LearningRecords | 'xapi'): Promise<ExamDeps> {
  const programs = new ProgramVersions(testProgram, storage.contentVersions);
  await programs.publish(systemClock);
  const xapi = () =>
    new OutboxLearningRecords({
      platforms: storage.platforms,
      program: () => testProgram,
      toolUrl: 'https://accredit.example.com',
      ids: systemIds,
      clock: systemClock,
    });
  return {
    storage,
    programs,
    clock: systemClock,
    ids: systemIds,
    records: records === 'xapi' ? xapi() : records,
  };
}

/** One learner's whole attempt: start, answer every question, submit. */
async function takeAttempt(deps: ExamDeps, subject: string): Promise<void> {
  const learner: Learner = { platformId: 'p', subject };
  const { attempt } = await startAttempt(deps, learner, 'pipelines');
  for (const item of attempt.items) {
    await saveResponse(
      deps,
      learner,
      attempt.id,
      item.questionId,
      item.questionId === 'q-tf' ? ['true'] : ['a'],
    );
  }
  await submitAttempt(deps, learner, attempt.id);
}

async function attempts(records: LearningRecords | 'xapi', count: number): Promise<number> {
  return withStorage(async (storage) => {
    const deps = await examDeps(storage, records);
    const started = performance.now();
    for (let i = 0; i < count; i += 1) await takeAttempt(deps, `learner-${i}`);
    return (performance.now() - started) / count;
  });
}

/** Scores to a loopback platform: each learner's written score, one POST each (AGS has no batches). */
async function gradeRate(
  learners: number,
): Promise<{ perSecond: number; tokens: number; lineItems: number }> {
  const platform = await TestPlatform.start();
  const keys = await listenOnLoopback();
  try {
    return await withStorage(async (storage) => {
      const keyRing = new ToolKeyRing(
        storage.toolKeys,
        new SecretBox('bench-key-0123456789abcdef0123456789', 'tool-keys'),
        systemClock,
      );
      await keyRing.ensureKey();
      keys.server.on('request', (_req, res) => {
        keyRing.jwks().then((jwks) => res.end(JSON.stringify(jwks)));
      });
      platform.gradebook.toolJwksUrl = keys.url;
      await storage.platforms.create({
        ...platform.registration(),
        tokenAudience: undefined,
        acceptNewDeployments: false,
        id: 'p',
        createdAt: new Date(),
      });
      const claim = platform.gradebook.endpointClaim('context-1');
      const link = await storage.courseLinks.recordLaunch({
        id: 'link-1',
        platformId: 'p',
        deploymentId: platform.deploymentId,
        contextId: 'context-1',
        resourceLinkId: 'resource-link-1',
        title: 'Pipelines',
        courseId: 'pipelines',
        gradeService: { lineItemsUrl: claim.lineitems, lineItemUrl: undefined, scopes: claim.scope },
        passbackProblem: undefined,
        firstLaunchAt: new Date(),
        lastLaunchAt: new Date(),
      });
      const deps = await examDeps(storage, 'xapi');
      for (let i = 0; i < learners; i += 1) {
        const learner: Learner = { platformId: 'p', subject: `g-${i}` };
        const { attempt } = await startAttempt(deps, learner, 'pipelines', link.id);
        await submitAttempt(deps, learner, attempt.id);
      }
      const userAgent = 'Accredit-bench';
      const dispatcher = new AgsDispatcher({
        storage,
        tokens: new ServiceTokens({ keyRing, clock: systemClock, userAgent, timeoutMs: 10_000 }),
        client: new AgsClient({ userAgent, timeoutMs: 10_000 }),
        clock: systemClock,
        logger,
        metrics: new DeliveryMetrics(),
        timing: { ...defaultDispatcherTiming, batchSize: 20 },
      });
      const started = performance.now();
      while ((await dispatcher.runOnce()) > 0) {
        // keep claiming until nothing is due
      }
      const seconds = (performance.now() - started) / 1000;
      const accepted = platform.gradebook.scores.filter((x) => x.status === 200).length;
      if (accepted !== learners) throw new Error(`the gradebook accepted ${accepted} of ${learners} scores`);
      return {
        perSecond: learners / seconds,
        tokens: platform.gradebook.tokenRequests.length,
        lineItems: platform.gradebook.lineItems.length,
      };
    });
  } finally {
    await closeServer(keys.server);
    await platform.close();
  }
}

async function deliveryRate(statements: number): Promise<{ perSecond: number; requests: number }> {
  const lrs = await TestLrs.start();
  try {
    return await withStorage(async (storage) => {
      const deps = await examDeps(storage, 'xapi');
      // Fill the outbox with real statements from real attempts (8 per attempt).
      for (let i = 0; i < Math.ceil(statements / 8); i += 1) await takeAttempt(deps, `d-${i}`);
      const total = (await storage.outbox.counts()).reduce((n, c) => n + c.count, 0);
      const dispatcher = new XapiDispatcher({
        storage,
        sink: new XapiSink(
          { endpoint: lrs.endpoint, username: TestLrs.username, password: TestLrs.password },
          'Accredit-bench',
        ),
        clock: systemClock,
        logger,
        metrics: new DeliveryMetrics(),
        timing: defaultDispatcherTiming,
      });
      const started = performance.now();
      while ((await dispatcher.runOnce()) > 0) {
        // keep claiming until nothing is due
      }
      const seconds = (performance.now() - started) / 1000;
      if (lrs.stored.size !== total) throw new Error(`LRS holds ${lrs.stored.size} of ${total} statements`);
      return { perSecond: total / seconds, requests: lrs.requests };
    });
  } finally {
    await lrs.close();
  }
}

const count = Number(process.env.BENCH_ATTEMPTS ?? 300);
console.log(`Outbox benchmark (SQLite, ${count} attempts each way; BENCH_ATTEMPTS to change)`);
await attempts(noRecords, 20);
const without = await attempts(noRecords, count);
const withOutbox = await attempts('xapi', count);
console.log(`  attempt (start + 4 answers + submit) without reporting: ${without.toFixed(2)} ms`);
console.log(`  the same with xAPI statements queued in the outbox:    ${withOutbox.toFixed(2)} ms`);
console.log(
  `  outbox added cost per submitted attempt:               ${(withOutbox - without).toFixed(2)} ms (8 statements)`,
);
const delivery = await deliveryRate(Number(process.env.BENCH_STATEMENTS ?? 4000));
console.log(
  `  delivery to a loopback LRS, batches of ${defaultDispatcherTiming.batchSize}: ${Math.round(delivery.perSecond)} statements/s (${delivery.requests} requests)`,
);
const grades = await gradeRate(Number(process.env.BENCH_SCORES ?? 1000));
console.log(
  `  grade passback to a loopback gradebook: ${Math.round(grades.perSecond)} scores/s (${grades.tokens} token request, ${grades.lineItems} line item created)`,
);
