import { expect } from 'chai';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium, watchProblems } from '../support/chromium.js';
import { useRegisteredPlatform } from '../support/lti-fixture.js';
import { saveScreenshot } from '../support/page-checks.js';
import { testDatabases } from '../support/test-databases.js';
import { storageFrameName } from '../support/test-platform.js';

const sqlite = testDatabases.find((d) => d.name === 'sqlite')!;

/**
 * The tool in an iframe of another site: the test platform names itself `localhost`, the tool
 * runs on 127.0.0.1, so the browser neither keeps nor sends the tool's SameSite=Lax state cookie
 * in the frame, as a browser blocking third-party cookies would not.
 */
describe('a launch in an iframe of another site, in Chromium', function () {
  this.slow(8_000);
  const fixture = useRegisteredPlatform(sqlite, { platformHost: 'localhost' });
  let chromium: Browser;

  before(async () => {
    chromium = await launchChromium();
  });
  after(async () => {
    await chromium?.close();
  });

  function toolFrame(page: Page): Frame {
    const frame = page.frame({ name: 'accredit' });
    if (!frame) throw new Error('the platform page has no frame named accredit');
    return frame;
  }

  it('lands the learner on the course page through the platform storage, without the state cookie', async () => {
    const context = await chromium.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    const toolRequests: { path: string; cookie: string | undefined }[] = [];
    page.on('request', async (request) => {
      const url = new URL(request.url());
      if (url.origin === new URL(fixture.tool.url).origin && url.pathname.startsWith('/lti/')) {
        toolRequests.push({ path: url.pathname, cookie: (await request.headerValue('cookie')) ?? undefined });
      }
    });
    await page.goto(
      fixture.platform.embedUrl(
        fixture.tool.url,
        { sub: 'framed-learner', name: 'Fran Frame', custom: { course: 'pipelines' } },
        { storage: true },
      ),
    );
    const frame = toolFrame(page);
    await frame.waitForURL(/\/courses\/pipelines\?session=/, { timeout: 8000 });
    expect(await frame.locator('h1').textContent()).to.contain('Pipelines');
    expect(new URL(page.url()).hostname).to.equal('localhost');
    await saveScreenshot(page, 'platform-storage-iframe-course');

    // The login, the launch without the cookie, and the launch again with the storage's proof.
    expect(toolRequests.map((r) => r.path)).to.deep.equal(['/lti/login', '/lti/launch', '/lti/launch']);
    expect(toolRequests.every((r) => r.cookie === undefined || !r.cookie.includes('lti_state_'))).to.equal(
      true,
    );
    const cookies = await context.cookies(fixture.tool.url);
    expect(cookies.filter((c) => c.name.startsWith('lti_state_'))).to.deep.equal([]);

    // The platform's storage frame was asked by the tool's origin only, under one key.
    const messages = (await page
      .frame({ name: storageFrameName })!
      .evaluate(() => (globalThis as unknown as { ltiMessages: unknown[] }).ltiMessages)) as {
      origin: string;
      subject: string;
      key: string;
    }[];
    expect(messages.map((m) => [m.origin, m.subject])).to.deep.equal([
      [new URL(fixture.tool.url).origin, 'lti.put_data'],
      [new URL(fixture.tool.url).origin, 'lti.get_data'],
    ]);
    expect(messages[0]!.key)
      .to.match(/^state_[\w-]{43}$/)
      .and.equal(messages[1]!.key);
    expect(problems).to.deep.equal([]);
    await context.close();
  });

  it('refuses the same framed launch with what to do when the platform offers no storage', async () => {
    const before = await fixture.storage.sessions.countLive(new Date());
    const context = await chromium.newContext();
    const page = await context.newPage();
    await page.goto(
      fixture.platform.embedUrl(fixture.tool.url, { custom: { course: 'pipelines' } }, { storage: false }),
    );
    const frame = toolFrame(page);
    await frame.waitForURL(/\/lti\/launch$/, { timeout: 8000 });
    // The refusal is a page in the frame, saying what to do.
    const alert = frame.getByRole('alert');
    await alert.waitFor({ timeout: 8000 });
    expect(await alert.textContent()).to.contain('Open Accredit in a new window');
    expect(await fixture.storage.sessions.countLive(new Date())).to.equal(before);
    await context.close();
  });
});
