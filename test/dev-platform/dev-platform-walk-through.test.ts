import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { loadProgram } from '../../src/content/load-program.js';
import type { Course } from '../../src/domain/content/program.js';
import { renderInlineMarkdown } from '../../src/views/markdown.js';
import { launchChromium, watchProblems } from '../support/chromium.js';
import { expectAccessible, saveScreenshot } from '../support/page-checks.js';
import { testDatabases } from '../support/test-databases.js';
import { type DevTool, startDevTool } from './dev-tool.js';

const sqlite = testDatabases.find((d) => d.name === 'sqlite')!;
// biome-ignore lint/suspicious/noExplicitAny: statements are read back as loose JSON.
type Json = Record<string, any>;

/** The program `npm start` loads: the walk-through is the README's, on its course. */
const shipped = await loadProgram(resolve('config'));
const course = shipped.courses.find((c) => c.id === 'continuous-integration')!;
const courseLabel = `The course ${course.title}`;
const verbs = {
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  evaluated: 'http://www.tincanapi.co.uk/verbs/evaluated',
  certified: 'https://w3id.org/xapi/adl/verbs/satisfied',
};

/** The right options of a question as the exam page shows it, from the program's own key. */
function rightPicks(
  questions: Course['questions'],
  id: string,
  shown: { id: string; html: string }[],
): string[] {
  const question = questions.find((q) => q.id === id)!;
  if (question.type === 'true-false') return [String(question.answer)];
  const right = question.options.filter((o) => o.correct).map((o) => renderInlineMarkdown(o.text));
  const picks = shown.filter((o) => right.includes(o.html)).map((o) => o.id);
  expect(picks, `the right options of ${id}`).to.have.length(right.length);
  return picks;
}

/** Launches from the development platform's start page as a person picks: persona, destination, button. */
async function launchFromStartPage(page: Page, toolUrl: string, persona: string, destination: string) {
  await page.goto(`${toolUrl}/dev`);
  await page.getByLabel(persona).check();
  await page.getByLabel(destination).check();
  await page.getByRole('button', { name: 'Launch Accredit' }).click();
}

/**
 * Reloads a development platform page until the selector shows up: the tool's outbox delivers
 * scores and statements asynchronously, within a second with the test's dispatcher timing.
 */
async function reloadUntil(page: Page, selector: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await page.locator(selector).count()) === 0) {
    if (Date.now() > deadline) throw new Error(`${page.url()} never showed ${selector}`);
    await page.waitForTimeout(200);
    await page.reload();
  }
}

/** Ada's row in a line item of the gradebook page, the line item found by its label. */
function adaRow(stage: 'written exam' | 'practical assessment'): string {
  return `section.line-item:has(h2:text-is("${course.title}: ${stage}")) tr[data-user="dev-ada"]`;
}

async function cells(page: Page, stage: 'written exam' | 'practical assessment') {
  const row = page.locator(adaRow(stage));
  return {
    person: await row.locator('th').textContent(),
    score: await row.locator('td.score').textContent(),
    activity: await row.locator('td.activity-progress').textContent(),
    grading: await row.locator('td.grading-progress').textContent(),
    comment: await row.locator('td.comment').textContent(),
    received: await row.locator('td:last-child').textContent(),
  };
}

describe('the development platform walk-through in Chromium', function () {
  this.slow(20_000);
  let storage: Awaited<ReturnType<typeof sqlite.open>>;
  let dataDir: string;
  let tool: DevTool;
  let chromium: Browser;

  before(async () => {
    storage = await sqlite.open();
    dataDir = mkdtempSync(join(tmpdir(), 'accredit-dev-walk-'));
    tool = await startDevTool(storage, dataDir, { program: shipped });
    chromium = await launchChromium();
  });
  after(async () => {
    await chromium?.close();
    await tool?.close();
    await storage.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes Ada through the exam and the practical and Alan through calibrating, grading and releasing, all on pages launched from the start page, and shows the gradebook and the statements', async () => {
    const context = await chromium.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page);

    // The start page: four personas, the shipped program's destinations, the walk-through.
    await page.goto(`${tool.url}/dev`);
    await page.getByRole('heading', { name: 'Try Accredit' }).waitFor();
    expect(await page.getByLabel('Ada Lovelace').isChecked()).to.equal(true);
    expect(
      await page
        .locator('input[name="destination"]')
        .evaluateAll((i) => i.map((e) => e.getAttribute('value'))),
    ).to.deep.equal(['progress', ...shipped.courses.map((c) => `course:${c.id}`)]);
    const steps = await page.locator('ol.walk-through li').allTextContents();
    expect(steps.join('\n')).to.contain('calibrat').and.contain('claim').and.contain('certified');
    await expectAccessible(page, 'development platform start');
    await saveScreenshot(page, 'dev-platform');

    // 1. Ada launches into the course, with the keyboard as on any page, and passes the written exam.
    await page.getByLabel(courseLabel).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Launch Accredit' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/courses/${course.id}\\?session=`));
    expect(await page.locator('section[aria-labelledby="practical"]').textContent()).to.contain('Locked');
    await page.getByRole('button', { name: 'Start the exam' }).click();
    await page.waitForURL(/\/attempts\/[^/?]+\?session=/);
    const total = Number(
      /of (\d+) answered/.exec((await page.locator('#answered-count').textContent())!)![1],
    );
    expect(total).to.equal(course.exam.questionsPerAttempt);
    for (let n = 1; n <= total; n += 1) {
      const section = page.locator('section.question:not([hidden])');
      const id = (await section.getAttribute('data-question-id'))!;
      const shown = await section.locator('input').evaluateAll((inputs) =>
        inputs.map((input) => ({
          id: input.getAttribute('value')!,
          html: input.closest('label')!.querySelector('span')!.innerHTML.trim(),
        })),
      );
      for (const pick of rightPicks(course.questions, id, shown)) {
        await section.locator(`input[value="${pick}"]`).check();
      }
      await page.locator('#save-state[data-state="saved"]').waitFor();
      if (n < total) await page.getByRole('button', { name: 'Next question' }).click();
    }
    await page.getByRole('button', { name: 'Submit the exam' }).click();
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await page.getByRole('heading', { name: `${course.title}: your result` }).waitFor();
    expect(await page.locator('.verdict').textContent()).to.contain('Passed');
    // The way on is in the verdict, not only at the end of the review of every question.
    const onwards = page.locator('.verdict').getByRole('link', { name: 'Open the practical assessment' });
    expect(new URL((await onwards.getAttribute('href'))!, page.url()).pathname).to.equal(
      `/courses/${course.id}/practical`,
    );
    await expectAccessible(page, 'exam result');

    // 2. The gradebook holds her written score; Statements, every step of her exam.
    await page.goto(`${tool.url}/dev/gradebook`);
    await reloadUntil(page, adaRow('written exam'));
    const written = await cells(page, 'written exam');
    expect(written).to.deep.include({
      person: 'Ada Lovelace',
      score: '100 / 100',
      activity: 'Completed',
      grading: 'FullyGraded',
      received: '1',
    });
    expect(written.comment).to.match(/Passed/i);
    await expectAccessible(page, 'development gradebook');
    await saveScreenshot(page, 'dev-gradebook');

    await page.getByRole('link', { name: 'Statements' }).click();
    await reloadUntil(page, `li.statement[data-verb="${verbs.terminated}"]`);
    const sentences = await page.locator('.statement-sentence').allTextContents();
    expect(sentences.at(-1)).to.equal(`Ada Lovelace launched ${course.title}`);
    expect(sentences).to.include(`Ada Lovelace passed ${course.title}: written exam`);
    const passed = page.locator(`li.statement[data-verb="${verbs.passed}"]`);
    expect(await passed.locator('.result').textContent())
      .to.contain('score 100 %')
      .and.contain('passed');
    await passed.getByText('Raw JSON').click();
    const raw = JSON.parse((await passed.locator('pre').textContent())!) as Json;
    expect(raw.actor.account).to.deep.equal({ homePage: `${tool.url}/dev`, name: 'dev-ada' });
    await expectAccessible(page, 'development statements');
    await saveScreenshot(page, 'dev-statements');

    // 3. Ada launches again; the course page opens the practical, and she hands in her evidence.
    await launchFromStartPage(page, tool.url, 'Ada Lovelace', courseLabel);
    await page.waitForURL(new RegExp(`/courses/${course.id}\\?session=`));
    await page.getByRole('link', { name: 'Open the practical assessment' }).click();
    await page.waitForURL(new RegExp(`/courses/${course.id}/practical\\?session=`));
    await page.locator('#link-url-1').fill('https://drive.example.com/recordings/acme-discovery.mp4');
    await page.locator('#link-title-1').fill('ACME discovery call');
    await page.locator('#link-url-2').fill('https://drive.example.com/docs/acme-summary.pdf');
    await page.locator('#link-title-2').fill('One-page summary');
    await page.locator('#notes').fill('Asked about build times, flaky tests and agent upkeep.');
    await page.getByRole('button', { name: 'Submit for grading' }).click();
    await page.waitForURL(/\/practical\?session=[^&]+&done=submitted/);
    expect(await page.locator('.submission-status').textContent()).to.equal('Waiting for an evaluator');
    await expectAccessible(page, 'practical submitted');
    await saveScreenshot(page, 'dev-walk-practical-submitted');

    await page.goto(`${tool.url}/dev/gradebook`);
    await reloadUntil(page, adaRow('practical assessment'));
    expect(await cells(page, 'practical assessment')).to.deep.include({
      score: 'no score',
      activity: 'Submitted',
      grading: 'PendingManual',
    });
    await expectAccessible(page, 'development gradebook with a submitted practical');

    // 4. Alan launches and lands on the queue; he calibrates on the reference submission first.
    await launchFromStartPage(page, tool.url, 'Alan Turing', courseLabel);
    await page.waitForURL(new RegExp(`/evaluator/queue\\?session=[^&]+&courseId=${course.id}`));
    const queueRow = page.getByRole('row', { name: /Ada Lovelace/ });
    expect(await queueRow.textContent())
      .to.contain(course.title)
      .and.contain('Waits for the first evaluation');
    expect(await page.locator('section[aria-labelledby="calibration"]').textContent()).to.contain(
      'Score every reference submission below before you grade',
    );
    await expectAccessible(page, 'grading queue');
    await saveScreenshot(page, 'dev-walk-queue');
    await page.getByRole('link', { name: `Calibrate on ${course.title}` }).click();
    await page.getByRole('heading', { name: `${course.title}: calibration` }).waitFor();
    for (const reference of course.practical.calibration) {
      const section = page.locator(`#reference-${reference.id}`);
      for (const criterion of course.practical.rubric.criteria) {
        await section
          .getByRole('group', { name: criterion.title })
          .locator(`input[value="${reference.agreedLevels[criterion.id]}"]`)
          .check();
      }
      await section.getByRole('button', { name: 'Score this reference' }).click();
      await page.waitForURL(new RegExp(`done=calibrated#reference-${reference.id}`));
    }
    expect(await page.locator('main').textContent())
      .to.contain('You are calibrated on the current rubric')
      .and.contain('Exact on 100 % of the criteria');
    await expectAccessible(page, 'calibration');
    await saveScreenshot(page, 'dev-walk-calibration');
    await page.getByRole('link', { name: 'Back to the queue' }).click();

    // 5. He claims Ada's submission, grades it on the form, and releases the result.
    await page
      .getByRole('row', { name: /Ada Lovelace/ })
      .getByRole('button', { name: /Claim and grade/ })
      .click();
    await page.waitForURL(/\/evaluator\/submissions\/[^/?]+\?session=[^&]+&done=claimed/);
    expect(await page.locator('main').textContent())
      .to.contain('Asked about build times, flaky tests and agent upkeep.')
      .and.contain('You have claimed this submission until');
    for (const criterion of course.practical.rubric.criteria) {
      await page.getByRole('group', { name: criterion.title }).getByLabel('Proficient (3 points)').check();
      await page.getByLabel(`Comment on ${criterion.title}`).fill(`${criterion.title}: solid.`);
    }
    await page.getByLabel('Time in the recording for Discovery').fill('4:10');
    await page.getByLabel('Overall comment to the learner').fill('A clear, customer-led conversation.');
    await expectAccessible(page, 'grading form');
    await saveScreenshot(page, 'dev-walk-grading-form');
    await page.getByRole('button', { name: 'Record the evaluation' }).click();
    await page.waitForURL(/&done=evaluated/);
    const maximum = course.practical.rubric.criteria.length * 4;
    const points = course.practical.rubric.criteria.length * 3;
    expect(await page.locator('.next-step').textContent()).to.contain(
      `Passed: ${points} of ${maximum} points (${course.practical.rubric.passThreshold} needed).`,
    );
    await page.getByRole('button', { name: 'Release the result to the learner' }).click();
    await page.waitForURL(/&done=released/);
    expect(await page.getByRole('status').textContent()).to.equal('The result was released to the learner.');
    await expectAccessible(page, 'released submission');

    // 6. Ada launches again: the course is certified, and the practical shows her feedback.
    await launchFromStartPage(page, tool.url, 'Ada Lovelace', courseLabel);
    await page.waitForURL(new RegExp(`/courses/${course.id}\\?session=`));
    expect(await page.locator('.notice.certified').textContent()).to.contain(
      `You are certified for ${course.title} since`,
    );
    await page.getByRole('link', { name: 'Open the practical assessment' }).click();
    const result = page.locator('section.verdict');
    expect(await result.textContent())
      .to.contain('You passed the practical assessment.')
      .and.contain(
        `${points} of ${maximum} points; ${course.practical.rubric.passThreshold} needed to pass.`,
      );
    expect(await result.getByRole('row', { name: /Discovery/ }).textContent())
      .to.contain('Proficient (3 points)')
      .and.contain('at 4:10')
      .and.contain('Discovery: solid.');
    expect(await page.locator('.overall-comment').textContent()).to.equal(
      'A clear, customer-led conversation.',
    );
    expect(await page.locator('.notice.certified').textContent()).to.contain(
      `You are certified for ${course.title} since`,
    );
    await expectAccessible(page, 'practical result');
    await saveScreenshot(page, 'dev-walk-practical-result');

    // 7. The gradebook holds the practical score; Statements, the evaluation, the pass and the certification.
    await page.goto(`${tool.url}/dev/gradebook`);
    await reloadUntil(page, `${adaRow('practical assessment')} td.grading-progress:text-is("FullyGraded")`);
    const practical = await cells(page, 'practical assessment');
    expect(practical).to.deep.include({
      score: `${Math.round((points / maximum) * 100)} / 100`,
      activity: 'Completed',
      grading: 'FullyGraded',
      received: '2',
    });
    expect(practical.comment).to.contain('A clear, customer-led conversation.');
    await expectAccessible(page, 'development gradebook with the practical graded');
    await saveScreenshot(page, 'dev-gradebook-certified');

    await page.getByRole('link', { name: 'Statements' }).click();
    await reloadUntil(page, `li.statement[data-verb="${verbs.certified}"]`);
    const after = await page.locator('.statement-sentence').allTextContents();
    const practicalName = `${course.title}: ${course.practical.title}`;
    expect(after).to.include(`Ada Lovelace certified ${course.title}`);
    expect(after).to.include(`Ada Lovelace passed ${practicalName}`);
    expect(after).to.include(`Alan Turing evaluated ${practicalName}`);
    const certified = page.locator(`li.statement[data-verb="${verbs.certified}"]`);
    await certified.getByText('Raw JSON').click();
    const certification = JSON.parse((await certified.locator('pre').textContent())!) as Json;
    expect(certification.actor.account).to.deep.equal({ homePage: `${tool.url}/dev`, name: 'dev-ada' });
    expect(certification.verb.display).to.deep.equal({ 'en-US': 'certified' });
    await expectAccessible(page, 'development statements after certification');
    await saveScreenshot(page, 'dev-statements-certified');

    expect(problems).to.deep.equal([]);
    await context.close();
  });
});
