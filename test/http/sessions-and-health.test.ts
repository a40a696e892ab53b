import { expect } from 'chai';
import type { Clock } from '../../src/ports/clock.js';
import { Browser } from '../support/browser.js';
import { startTool } from '../support/start-tool.js';
import { testDatabases } from '../support/test-databases.js';
import { TestPlatform } from '../support/test-platform.js';

for (const database of testDatabases) {
  describe(`sessions and health (${database.name})`, () => {
    let storage: Awaited<ReturnType<typeof database.open>>;
    let platform: TestPlatform;

    before(async () => {
      storage = await database.open();
      platform = await TestPlatform.start();
    });

    after(async () => {
      await platform.close();
      await storage.destroy();
    });

    it('expires the session after its time to live', async () => {
      let offsetMs = 0;
      const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
      const tool = await startTool(storage, { clock, config: { sessionTtlMinutes: 30 } });
      try {
        await tool.admin(
          'POST',
          '/api/admin/platforms',
          platform.registration({ clientId: 'session-client' }),
        );
        platform.clientId = 'session-client';
        const launch = await platform.launch(new Browser(), tool.url);
        expect(launch.response.status, launch.body).to.equal(200);
        const me = () =>
          fetch(`${tool.url}/api/me`, { headers: { Authorization: `Bearer ${launch.sessionToken}` } });
        expect((await me()).status).to.equal(200);
        offsetMs = 31 * 60_000;
        const res = await me();
        expect(res.status).to.equal(401);
        expect(await res.json()).to.deep.equal({
          error: 'session_expired',
          message: 'Your session has expired; launch the tool again from your platform.',
        });
      } finally {
        await tool.close();
      }
    });

    it('refuses a forged session token', async () => {
      const tool = await startTool(storage);
      try {
        const res = await fetch(`${tool.url}/api/me`, { headers: { Authorization: 'Bearer forged' } });
        expect(res.status).to.equal(401);
        expect(await res.json()).to.deep.equal({
          error: 'unauthorized',
          message: 'The session token is not valid; launch the tool again from your platform.',
        });
      } finally {
        await tool.close();
      }
    });

    it('answers /readyz with 503 when the database does not answer', async () => {
      const broken = {
        ...storage,
        ping: async () => {
          throw new Error('connection refused');
        },
      };
      const tool = await startTool(broken);
      try {
        const res = await fetch(`${tool.url}/readyz`);
        expect(res.status).to.equal(503);
        expect(await res.json()).to.deep.equal({
          error: 'not_ready',
          message: 'The database is not reachable: connection refused.',
        });
        expect((await fetch(`${tool.url}/healthz`)).status).to.equal(200);
      } finally {
        await tool.close();
      }
    });

    it('answers an unknown route with 404 and a pointer to the routes', async () => {
      const tool = await startTool(storage);
      try {
        const res = await fetch(`${tool.url}/lti/launch`);
        expect(res.status).to.equal(404);
        expect(await res.json()).to.deep.equal({
          error: 'not_found',
          message: 'There is no GET /lti/launch; see /api/openapi.json for the routes.',
        });
      } finally {
        await tool.close();
      }
    });

    it('shows a refused launch to a browser as a page with the message, and to API clients as JSON', async () => {
      const tool = await startTool(storage);
      try {
        const post = (accept: string) =>
          fetch(`${tool.url}/lti/launch`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: accept },
            body: 'id_token=abc',
          });
        const page = await post('text/html,application/xhtml+xml,*/*;q=0.8');
        expect(page.status).to.equal(400);
        expect(page.headers.get('content-type')).to.match(/^text\/html/);
        const body = await page.text();
        expect(body).to.contain(
          '<p role="alert">The launch carries no state: start the launch again from your platform.</p>',
        );
        expect(body).to.not.match(/<script>/);
        const json = await post('application/json');
        expect(json.status).to.equal(400);
        expect(await json.json()).to.deep.equal({
          error: 'invalid_request',
          message: 'The launch carries no state: start the launch again from your platform.',
        });
      } finally {
        await tool.close();
      }
    });
  });
}
