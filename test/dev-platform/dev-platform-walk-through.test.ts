import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { rightPicks } from '../exam/exam-answers.js';
import { link } from '../practical/practical-support.js';
import { launchChromium, watchProblems } from '../support/chromium.js';
import type { LearnerApi } from '../support/learner-api.js';
import { expectAccessible, saveScreenshot } from '../support/page-checks.js';
import { testDatabases } from '../support/test-databases.js';
import { type DevTool, startDevTool } from './dev-tool.js';

const sqlite = testDatabases.find((d) => d.name === 'sqlite')!;
// biome-ignore lint/suspicious/noExplicitAny: answers are read back as loose JSON.
type Json = Record<string, any>;

/** Launches from the development platform's start page as a person picks: persona, destination, button. */
async function launchFromStartPage(page: Page, toolUrl: string, persona: string, destination: string) {
  await page.goto(`${toolUrl}/dev`);
  await page.getByLabel(persona).check();
  await page.getByLabel(destination).check();
  await page.getByRole('button', { name: 'Launch Accredit' }).click();
}

/** The session a tool page carries, for the JSON API calls the walk-through makes where no page exists yet. */
async function apiOf(page: Page, toolUrl: string): Promise<LearnerApi> {
  const token = (await page.locator('meta[name="accredit-session"]').getAttribute('content'))!;
  return {
    token,
    call: async (method, path, body) => {
      const res = await fetch(`${toolUrl}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as Json) : {}, text };
    },
  };
}

/** Reloads a development platform page until the locator shows up (deliveries are asynchronous). */
async function reloadUntil(page: Page, selector: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await page.locator(selector).count()) === 0) {
    if (Date.now() > deadline) throw new Error(`${page.url()} never showed ${selector}`);
    await page.waitForTimeout(200);
    await page.reload();
  }
}

describe('the development platform walk-through in Chromium', function () {
  this.slow(15_000);
  let storage: Awaited<ReturnType<typeof sqlite.open>>;
  let dataDir: string;
  let tool: DevTool;
  let chromium: Browser;

  before(async () => {
    storage = await sqlite.open();
    dataDir = mkdtempSync(join(tmpdir(), 'accredit-dev-walk-'));
    tool = await startDevTool(storage, dataDir);
    chromium = await launchChromium();
  });
  after(async () => {
    await chromium?.close();
    await tool?.close();
    await storage.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes Ada from the start page through the written exam, and shows her score in the gradebook and her statements', async () => {
    const context = await chromium.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page);

    await page.goto(`${tool.url}/dev`);
    await page.getByRole('heading', { name: 'Try Accredit' }).waitFor();
    expect(await page.getByLabel('Ada Lovelace').isChecked()).to.equal(true);
    expect(
      await page
        .locator('input[name="destination"]')
        .evaluateAll((i) => i.map((e) => e.getAttribute('value'))),
    ).to.deep.equal(['progress', 'course:pipelines', 'course:security']);
    await expectAccessible(page, 'development platform start');
    await saveScreenshot(page, 'dev-platform');

    // Keyboard only, as on any page: the course radio, then the launch button.
    await page.getByLabel('The course Pipelines').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Launch Accredit' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/courses\/pipelines\?session=/);
    await page.getByRole('button', { name: 'Start the exam' }).click();
    await page.waitForURL(/\/attempts\/[^/?]+\?session=/);
    const total = Number(
      /of (\d+) answered/.exec((await page.locator('#answered-count').textContent())!)![1],
    );
    for (let n = 1; n <= total; n += 1) {
      const section = page.locator('section.question:not([hidden])');
      const id = (await section.getAttribute('data-question-id'))!;
      const options = await section.locator('input').evaluateAll((inputs) =>
        inputs.map((input) => ({
          id: input.getAttribute('value')!,
          html: input.closest('label')!.querySelector('span')!.innerHTML.trim(),
        })),
      );
      for (const pick of rightPicks({ id, options })) await section.locator(`input[value="${pick}"]`).check();
      await page.locator('#save-state[data-state="saved"]').waitFor();
      if (n < total) await page.getByRole('button', { name: 'Next question' }).click();
    }
    await page.getByRole('button', { name: 'Submit the exam' }).click();
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await page.getByRole('heading', { name: 'Pipelines: your result' }).waitFor();
    expect(await page.locator('.verdict').textContent()).to.contain('Passed');

    await page.goto(`${tool.url}/dev/gradebook`);
    await reloadUntil(page, 'tr[data-user="dev-ada"]');
    const row = page
      .locator('section', { hasText: 'Pipelines: written exam' })
      .locator('tr[data-user="dev-ada"]');
    expect(await row.locator('th').textContent()).to.equal('Ada Lovelace');
    expect(await row.locator('td.score').textContent()).to.equal('100 / 100');
    expect(await row.locator('td.activity-progress').textContent()).to.equal('Completed');
    expect(await row.locator('td.grading-progress').textContent()).to.equal('FullyGraded');
    expect(await row.locator('td.comment').textContent()).to.match(/Passed/i);
    await expectAccessible(page, 'development gradebook');
    await saveScreenshot(page, 'dev-gradebook');

    await page.getByRole('link', { name: 'Statements' }).click();
    await reloadUntil(page, 'li.statement[data-verb="http://adlnet.gov/expapi/verbs/terminated"]');
    const sentences = await page.locator('.statement-sentence').allTextContents();
    expect(sentences.at(-1)).to.equal('Ada Lovelace launched Pipelines');
    expect(sentences.some((s) => /^Ada Lovelace passed /.test(s))).to.equal(true);
    const passed = page.locator('li.statement[data-verb="http://adlnet.gov/expapi/verbs/passed"]');
    expect(await passed.locator('.result').textContent())
      .to.contain('score 100 %')
      .and.contain('passed');
    await passed.getByText('Raw JSON').click();
    const raw = JSON.parse((await passed.locator('pre').textContent())!) as Json;
    expect(raw.actor.account).to.deep.equal({ homePage: `${tool.url}/dev`, name: 'dev-ada' });
    await expectAccessible(page, 'development statements');
    await saveScreenshot(page, 'dev-statements');
    expect(problems).to.deep.equal([]);

    // The practical, its grading and the certificate go through the JSON API, with the sessions that
    // launches from the development platform's start page opened.
    await launchFromStartPage(page, tool.url, 'Ada Lovelace', 'The course Pipelines');
    await page.waitForURL(/\/courses\/pipelines\?session=/);
    const learner = await apiOf(page, tool.url);
    const submitted = await learner.call('POST', '/api/courses/pipelines/practical/submissions', {
      links: [link(1)],
      notes: 'A pipeline demo for a customer.',
    });
    expect(submitted.status, submitted.text).to.equal(201);
    await launchFromStartPage(page, tool.url, 'Alan Turing', 'My progress across the accreditations');
    await page.waitForURL(/\?session=/);
    const alan = await apiOf(page, tool.url);
    const id = submitted.body.id as string;
    expect((await alan.call('POST', `/api/evaluator/submissions/${id}/claim`)).status).to.equal(201);
    const graded = await alan.call('PUT', `/api/evaluator/submissions/${id}/evaluation`, {
      scores: [
        { criterionId: 'discovery', levelId: 'proficient', comment: 'Clear discovery.' },
        { criterionId: 'value', levelId: 'proficient', comment: 'Value well shown.' },
      ],
      comment: 'A crisp demo.',
    });
    expect(graded.status, graded.text).to.equal(200);
    const released = await alan.call('POST', `/api/evaluator/submissions/${id}/release`);
    expect(released.status, released.text).to.equal(200);
    const progress = await learner.call('GET', '/api/progress');
    const course = progress.body.accreditations[0].courses.find((c: Json) => c.id === 'pipelines');
    expect(course).to.include({ written: 'passed', practical: 'passed', certified: true });

    await page.goto(`${tool.url}/dev/gradebook`);
    const practical = page.locator('section', { hasText: 'Pipelines: practical assessment' });
    await reloadUntil(
      page,
      'section:has-text("Pipelines: practical assessment") td.grading-progress:text-is("FullyGraded")',
    );
    expect(await practical.locator('tr[data-user="dev-ada"] td.score').textContent()).to.equal('100 / 100');
    expect(await practical.locator('tr[data-user="dev-ada"] td:last-child').textContent()).to.equal('2');
    await saveScreenshot(page, 'dev-gradebook-certified');
    await context.close();
  });
});
