import { expect } from 'chai';
import { type RunningTool, startTool } from './start-tool.js';
import type { TestDatabase } from './test-databases.js';
import { TestPlatform } from './test-platform.js';

export interface LtiFixture {
  storage: Awaited<ReturnType<TestDatabase['open']>>;
  tool: RunningTool;
  platform: TestPlatform;
}

/** Mocha hooks for a suite: a fresh database, the tool on it, and a test platform registered with it. */
export function useRegisteredPlatform(database: TestDatabase): LtiFixture {
  const fixture = {} as LtiFixture;
  before(async () => {
    fixture.storage = await database.open();
    fixture.tool = await startTool(fixture.storage);
    fixture.platform = await TestPlatform.start();
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
