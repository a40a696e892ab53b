import { expect } from 'chai';
import { Browser } from '../support/browser.js';
import { startTool } from '../support/start-tool.js';
import { testDatabases } from '../support/test-databases.js';
import { TestPlatform } from '../support/test-platform.js';

describe('request logs', () => {
  it('are JSON lines with a request id and never carry a token, state, nonce or secret', async () => {
    const database = testDatabases[0]!;
    const storage = await database.open();
    const platform = await TestPlatform.start();
    const logs: string[] = [];
    const tool = await startTool(storage, { logs });
    try {
      expect((await tool.admin('POST', '/api/admin/platforms', platform.registration())).status).to.equal(
        201,
      );
      const browser = new Browser();
      const launch = await platform.launch(browser, tool.url);
      expect(launch.response.status, launch.body).to.equal(200);
      await fetch(`${tool.url}/api/me`, {
        headers: { Authorization: `Bearer ${launch.sessionToken}`, 'X-Request-Id': 'trace-123' },
      });
      const page = await fetch(`${tool.url}/progress?session=${launch.sessionToken}`);
      expect(page.status).to.equal(200);
      const refused = await platform.post(browser, `${tool.url}/lti/launch`, launch.posted);
      expect(refused.response.status).to.equal(401);

      const entries = logs.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(entries.some((e) => (e.req as { id?: string } | undefined)?.id === 'trace-123')).to.equal(true);
      expect(entries.some((e) => e.msg === 'launch verified')).to.equal(true);
      const all = logs.join('\n');
      for (const secret of [
        launch.posted.id_token!,
        launch.posted.state!,
        launch.sessionToken!,
        'test-admin-token-0123456789',
        'test-lti-key-0123456789abcdef0123456789abcdef',
      ]) {
        expect(all).to.not.contain(secret);
      }
      const nonce = JSON.parse(
        Buffer.from(launch.posted.id_token!.split('.')[1]!, 'base64url').toString(),
      ).nonce;
      expect(all).to.not.contain(nonce);
    } finally {
      await tool.close();
      await platform.close();
      await storage.destroy();
    }
  });
});
