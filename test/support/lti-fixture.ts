import { expect } from 'chai';
import type { ResolvedConfig } from '../../src/config/config.js';
import type { Clock } from '../../src/ports/clock.js';
import { type RunningTool, startTool } from './start-tool.js';
import type { TestDatabase } from './test-databases.js';
import { TestPlatform } from './test-platform.js';

export interface LtiFixture {
  storage: Awaited<ReturnType<TestDatabase['open']>>;
  tool: RunningTool;
  platform: TestPlatform;
}

/** Mocha hooks for a suite: a fresh database, the tool on it, and a test platform registered with it. */
export function useRegisteredPlatform(
  database: TestDatabase,
  options: {
    clock?: Clock;
    config?: () => Partial<ResolvedConfig>;
    /** Name the platform 'localhost' (another site than the tool on 127.0.0.1, for frames). */
    platformHost?: 'localhost';
  } = {},
): LtiFixture {
  const fixture = {} as LtiFixture;
  before(async () => {
    fixture.storage = await database.open();
    // With a moving clock, sessions must outlive the jumps a test makes.
    fixture.tool = await startTool(fixture.storage, {
      ...(options.clock ? { clock: options.clock } : {}),
      config: { ...(options.clock ? { sessionTtlMinutes: 60 * 24 * 365 } : {}), ...options.config?.() },
    });
    fixture.platform = await TestPlatform.start(options.platformHost ? { host: options.platformHost } : {});
    if (options.clock) fixture.platform.now = () => options.clock!.now();
    const res = await fixture.tool.admin('POST', '/api/admin/platforms', fixture.platform.registration());
    expect(res.status).to.equal(201);
  });
  after(async () => {
    await fixture.platform.close();
    await fixture.tool.close();
    await fixture.storage.destroy();
  });
  return fixture;
}
