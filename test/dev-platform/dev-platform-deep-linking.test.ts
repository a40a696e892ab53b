import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { decodeJwt, generateKeyPair, SignJWT } from 'jose';
import type { Browser as Chromium } from 'playwright-core';
import { Browser, parseForm } from '../support/browser.js';
import { launchChromium, watchProblems } from '../support/chromium.js';
import { expectAccessible, saveScreenshot } from '../support/page-checks.js';
import { testDatabases } from '../support/test-databases.js';
import { type DevTool, startDevTool } from './dev-tool.js';

const sqlite = testDatabases.find((d) => d.name === 'sqlite')!;
const lti = 'https://purl.imsglobal.org/spec/lti/claim/';
const dl = 'https://purl.imsglobal.org/spec/lti-dl/claim/';
// biome-ignore lint/suspicious/noExplicitAny: documents are read back as loose JSON.
type Json = Record<string, any>;

/**
 * "Add Accredit content to the course" over HTTP, hop by hop as a browser without scripts: the
 * start page's form, the tool's login, the platform's authorization form, the launch, the picker's
 * choice; answers the tool's response form (the JWT and where it goes) and the request's id_token.
 */
async function deepLinkingResponse(toolUrl: string, persona: string, items: string[]) {
  const browser = new Browser();
  const started = await browser.postForm(`${toolUrl}/dev/deep-linking`, { persona });
  expect(started.status, await started.clone().text()).to.equal(303);
  const login = await browser.get(started.headers.get('location')!);
  expect(login.status, await login.clone().text()).to.equal(302);
  const authorization = await browser.get(login.headers.get('location')!);
  const launchForm = parseForm(await authorization.text());
  const launch = await browser.postForm(launchForm.action, launchForm.fields);
  const landing = await launch.text();
  expect(launch.status, landing).to.equal(200);
  const picker = /<a id="continue"[^>]*data-follow href="([^"]+)"/.exec(landing)![1]!;
  const chosen = await browser.postForm(
    `${toolUrl}${picker.replace(/&amp;/g, '&')}`,
    // URLSearchParams keeps repeated names, as a form with several boxes checked posts them.
    Object.fromEntries(items.map((item, i) => [i === 0 ? 'item' : `item${i}`, item])),
  );
  const page = await chosen.text();
  expect(chosen.status, page).to.equal(200);
  return { form: parseForm(page), idToken: decodeJwt(launchForm.fields.id_token!), browser };
}

describe('deep linking from the development platform', function () {
  this.slow(20_000);
  let storage: Awaited<ReturnType<typeof sqlite.open>>;
  let dataDir: string;
  let tool: DevTool;
  let chromium: Chromium;

  before(async () => {
    storage = await sqlite.open();
    dataDir = mkdtempSync(join(tmpdir(), 'accredit-dev-dl-'));
    tool = await startDevTool(storage, dataDir);
    chromium = await launchChromium();
  });
  after(async () => {
    await chromium?.close();
    await tool?.close();
    await storage.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets Alan add a course through deep linking in Chromium; the placement is a destination, and Ada launches through it into that course', async () => {
    const context = await chromium.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page);

    await page.goto(`${tool.url}/dev`);
    await page.getByLabel('Who adds it').selectOption('alan');
    await page.getByRole('button', { name: 'Add Accredit content to the course' }).click();

    // The tool's picker, reached through the real login, authorization and launch.
    await page.getByRole('heading', { name: 'Add Accredit to your course' }).waitFor();
    expect(new URL(page.url()).pathname).to.equal('/deep-linking');
    expect(await page.locator('input[name="item"]').evaluateAll((i) => i.map((e) => e.getAttribute('type'))))
      .to.have.length(3)
      .and.satisfy((types: string[]) => types.every((t) => t === 'checkbox'));
    await expectAccessible(page, 'deep linking picker');
    await saveScreenshot(page, 'deep-linking-picker');
    await page.getByRole('checkbox', { name: 'The course Pipelines' }).check();
    await page.getByLabel('Title of the link to The course Pipelines').fill('Pipelines: certification');
    await page.getByRole('button', { name: 'Place in the course' }).click();

    // The response page posts itself to the platform, which places the link and shows it.
    await page.waitForURL(`${tool.url}/dev?placed=1`);
    expect(await page.getByRole('status').textContent()).to.contain('Accredit placed 1 link in the course');
    const placedLabel = 'Pipelines: certification (placed through deep linking)';
    await page.getByLabel(placedLabel).waitFor();
    const stored = JSON.parse(readFileSync(join(dataDir, 'dev-platform', 'placements.json'), 'utf8')) as Json;
    expect(stored.placements).to.have.length(1);
    const placement = stored.placements[0];
    expect(placement).to.deep.include({
      title: 'Pipelines: certification',
      url: `${tool.url}/lti/launch`,
      custom: { course: 'pipelines' },
      addedBy: 'dev-alan',
    });
    expect(placement.resourceLinkId).to.match(/^dev-dl-[0-9a-f]{12}$/);
    const gradebook = JSON.parse(
      readFileSync(join(dataDir, 'dev-platform', 'gradebook.json'), 'utf8'),
    ) as Json;
    expect(gradebook.lineItems.find((i: Json) => i.id === placement.lineItemId)).to.deep.include({
      label: 'Pipelines: certification: written exam',
      scoreMaximum: 100,
      resourceLinkId: placement.resourceLinkId,
      resourceId: 'pipelines',
      tag: 'accredit-written',
    });
    await expectAccessible(page, 'development start page with a placement');

    // Ada launches through the placed link: its resource link id and custom course reach the tool.
    await page.getByLabel('Ada Lovelace').check();
    await page.getByLabel(placedLabel).check();
    await page.getByRole('button', { name: 'Launch Accredit' }).click();
    await page.waitForURL(/\/courses\/pipelines\?session=/);
    const token = (await page.locator('meta[name="accredit-session"]').getAttribute('content'))!;
    const me = (await (
      await fetch(`${tool.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as Json;
    expect(me).to.deep.include({ subject: 'dev-ada', courseId: 'pipelines' });
    expect(me.resourceLink).to.deep.equal({
      id: placement.resourceLinkId,
      title: 'Pipelines: certification',
    });
    expect(problems).to.deep.equal([]);
    await context.close();
  });

  it('sends a real deep linking request whose response the platform checks, once', async () => {
    const { form, idToken } = await deepLinkingResponse(tool.url, 'margaret', ['progress']);
    expect(idToken[`${lti}message_type`]).to.equal('LtiDeepLinkingRequest');
    expect(idToken).to.not.have.property(`${lti}resource_link`);
    const settings = idToken[`${dl}deep_linking_settings`] as Json;
    expect(settings).to.deep.include({
      deep_link_return_url: `${tool.url}/dev/deep-linking/return`,
      accept_types: ['ltiResourceLink'],
      accept_presentation_document_targets: ['iframe', 'window'],
      accept_multiple: true,
      accept_lineitem: true,
    });
    expect(settings.data).to.be.a('string').with.length.greaterThan(20);
    expect(form.action).to.equal(`${tool.url}/dev/deep-linking/return`);
    expect(decodeJwt(form.fields.JWT!)[`${dl}data`]).to.equal(settings.data);

    const placed = await new Browser().postForm(form.action, form.fields);
    expect(placed.status).to.equal(303);
    expect(placed.headers.get('location')).to.equal(`${tool.url}/dev?placed=1`);
    const start = await (await fetch(`${tool.url}/dev`)).text();
    expect(start).to.contain('Accreditation progress (placed through deep linking)');

    const replayed = await new Browser().postForm(form.action, form.fields);
    expect(replayed.status).to.equal(400);
    const body = await replayed.text();
    expect(body).to.contain(
      'data is not the data of a deep linking request in progress here (it was answered already, expired, or never sent)',
    );
    expect(body).to.contain('was already used');
  });

  it('refuses a learner the deep linking request', async () => {
    const res = await new Browser().postForm(`${tool.url}/dev/deep-linking`, { persona: 'ada' });
    expect(res.status).to.equal(400);
    expect(await res.text()).to.contain('Pick an instructor or an admin to add content');
  });

  it('refuses a response that is not a JWT, or one the tool did not sign, listing what is wrong and placing nothing', async () => {
    const before = (await (await fetch(`${tool.url}/dev`)).text()).match(/name="destination"/g)!.length;
    const notJwt = await new Browser().postForm(`${tool.url}/dev/deep-linking/return`, { JWT: 'not-a-jwt' });
    expect(notJwt.status).to.equal(400);
    expect(await notJwt.text()).to.contain('<li>the response does not verify: Invalid Compact JWS</li>');

    const { form } = await deepLinkingResponse(tool.url, 'alan', ['course:security']);
    const claims = decodeJwt(form.fields.JWT!);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'not-a-tool-key' })
      .sign(privateKey);
    const refused = await new Browser().postForm(form.action, { JWT: forged });
    expect(refused.status).to.equal(400);
    expect(await refused.text()).to.contain(
      `the response is signed with a key the tool&#39;s JWKS (${tool.url}/lti/keys) does not publish`,
    );
    const after = (await (await fetch(`${tool.url}/dev`)).text()).match(/name="destination"/g)!.length;
    expect(after).to.equal(before);
  });
});
