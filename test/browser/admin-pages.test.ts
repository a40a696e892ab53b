import { expect } from 'chai';
import type { Browser as Chromium } from 'playwright-core';
import { Browser } from '../support/browser.js';
import { launchChromium, watchProblems } from '../support/chromium.js';
import { useRegisteredPlatform } from '../support/lti-fixture.js';
import { expectAccessible, saveScreenshot, tabTo } from '../support/page-checks.js';
import { adminToken } from '../support/start-tool.js';
import { testDatabases } from '../support/test-databases.js';

const sqlite = testDatabases.find((d) => d.name === 'sqlite')!;

describe('the admin pages in Chromium', function () {
  this.slow(15_000);
  const fixture = useRegisteredPlatform(sqlite);
  let chromium: Chromium;

  before(async () => {
    chromium = await launchChromium();
  });
  after(async () => {
    await chromium?.close();
  });

  it('sign an admin in once, then show the platforms, register and remove one through the form, and show the outbox, course links and content', async () => {
    // A launch without grade passback, so that the outbox and the course links have something to show.
    for (const sub of ['admin-page-learner', 'admin-page-learner-2']) {
      await fixture.platform.launch(new Browser(), fixture.tool.url, {
        sub,
        custom: { course: 'pipelines' },
      });
    }
    const now = new Date();
    const [entry] = await fixture.storage.outbox.claim('xapi', 'admin-test', now, new Date(+now + 60_000), 1);
    await fixture.storage.outbox.markDead(
      entry!.id,
      'admin-test',
      'LRS answered 400: statement refused',
      now,
    );

    const context = await chromium.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${fixture.tool.url}/admin`);
    await page.getByRole('heading', { name: 'Admin sign-in' }).waitFor();
    await expectAccessible(page, 'admin sign-in');
    await saveScreenshot(page, 'admin-sign-in');

    await tabTo(page, page.getByLabel('Admin token'));
    await page.keyboard.type('not-the-admin-token');
    await page.keyboard.press('Enter');
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#error-summary').textContent()).to.contain('The admin token is wrong.');
    expect(
      await page.locator('#error-summary').evaluate((el) => el === el.ownerDocument.activeElement),
    ).to.equal(true);
    await expectAccessible(page, 'admin sign-in refused');

    await tabTo(page, page.getByLabel('Admin token'));
    await page.keyboard.type(adminToken);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/platforms\?session=/);
    expect(page.url()).to.not.contain(adminToken);
    expect(await context.cookies()).to.deep.equal([]);
    expect(await page.getByRole('row', { name: /Test LMS/ }).textContent()).to.contain(fixture.platform.url);
    await expectAccessible(page, 'platforms');
    await saveScreenshot(page, 'admin-platforms');

    // Every problem of the register form is named next to its field.
    await page.getByLabel('Name', { exact: true }).fill('Our Canvas');
    await page.getByLabel('Issuer').fill('canvas.example.com');
    await page.getByRole('button', { name: 'Register the platform' }).click();
    await page.locator('#error-summary').waitFor();
    const summary = await page.locator('#error-summary').textContent();
    expect(summary).to.contain('Issuer:').and.contain('Client id: must not be empty');
    expect(await page.locator('#platform-issuer').getAttribute('aria-invalid')).to.equal('true');
    expect(await page.locator('#platform-name').inputValue()).to.equal('Our Canvas');
    await expectAccessible(page, 'platform form with problems');
    await saveScreenshot(page, 'admin-platforms-errors');

    await page.getByLabel('Issuer').fill('https://canvas.example.com');
    await page.getByLabel('Client id').fill('10000000000001');
    await page.getByLabel('Authorization (OIDC auth) URL').fill('https://sso.example.com/authorize');
    await page.getByLabel('Access token URL').fill('https://sso.example.com/token');
    await page.getByLabel('Public keyset (JWKS) URL').fill('https://sso.example.com/jwks');
    await page.getByLabel('Deployment ids').fill('1:abc\n2:def');
    await page.getByRole('button', { name: 'Register the platform' }).click();
    await page.waitForURL(/registered=/);
    expect(await page.getByRole('status').textContent()).to.equal('The platform Our Canvas was registered.');
    const registered = (await (await fixture.tool.admin('GET', '/api/admin/platforms')).json()) as {
      platforms: { id: string; name: string; deploymentIds: string[] }[];
    };
    const canvas = registered.platforms.find((p) => p.name === 'Our Canvas');
    expect(canvas?.deploymentIds).to.deep.equal(['1:abc', '2:def']);

    await page.getByRole('link', { name: 'Remove Our Canvas' }).click();
    await page.getByRole('heading', { name: 'Remove Our Canvas?' }).waitFor();
    await expectAccessible(page, 'remove confirmation');
    await saveScreenshot(page, 'admin-remove-platform');
    await page.getByRole('button', { name: 'Remove the platform' }).click();
    await page.waitForURL(/removed=/);
    expect(await page.getByRole('status').textContent()).to.equal('The platform Our Canvas was removed.');
    expect(await fixture.storage.platforms.findById(canvas!.id)).to.equal(undefined);

    await page.getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { name: 'Outbox' }).waitFor();
    expect(await page.locator('table.outbox-counts').textContent())
      .to.contain('xAPI (LRS)')
      .and.contain('Pending')
      .and.contain('Dead');
    expect(await page.locator('.oldest-pending').textContent()).to.match(
      /^The oldest pending entry has waited/,
    );
    const dead = page.locator(`tr[data-entry="${entry!.id}"]`);
    expect(await dead.textContent()).to.contain('LRS answered 400: statement refused');
    await expectAccessible(page, 'outbox');
    await saveScreenshot(page, 'admin-outbox');
    await dead.getByRole('button', { name: /Retry/ }).click();
    await page.waitForURL(/retried=1/);
    expect(await page.getByRole('status').textContent()).to.equal('1 entry will be sent again now.');
    expect((await fixture.storage.outbox.list({ status: 'dead', limit: 10 })).length).to.equal(0);

    await page.getByRole('link', { name: 'Course links' }).click();
    await page.getByRole('heading', { name: 'Course links' }).waitFor();
    expect(await page.locator('table.course-links tbody').textContent())
      .to.contain('Pipelines')
      .and.contain('Not possible');
    await expectAccessible(page, 'course links');
    await saveScreenshot(page, 'admin-course-links');

    await page.getByRole('link', { name: 'Content', exact: true }).click();
    await page.getByRole('heading', { name: 'Content', exact: true }).waitFor();
    const content = await page.locator('main').textContent();
    expect(content)
      .to.contain('npm run cli -- content validate')
      .and.contain('Solution Architect Accreditation');
    expect(await page.locator('.content-version').textContent()).to.match(/^\w{6,}$/);
    await expectAccessible(page, 'content');
    await saveScreenshot(page, 'admin-content');
    expect(problems).to.deep.equal([]);
    await context.close();
  });
});
