import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { passWritten } from '../practical/practical-support.js';
import { launchChromium, watchProblems } from '../support/chromium.js';
import { type LearnerApi, sessionApi } from '../support/learner-api.js';
import { useRegisteredPlatform } from '../support/lti-fixture.js';
import { expectAccessible, saveScreenshot, screenshotDir, tabTo } from '../support/page-checks.js';
import { testDatabases } from '../support/test-databases.js';
import { roles } from '../support/test-platform.js';

const sqlite = testDatabases.find((d) => d.name === 'sqlite')!;

/** The JSON API with the session a launch page carries in its meta tag. */
async function apiOf(page: Page, toolUrl: string): Promise<LearnerApi> {
  return sessionApi(toolUrl, (await page.locator('meta[name="accredit-session"]').getAttribute('content'))!);
}

/** Moves the focus to a field with Tab, clears it and types, as a keyboard user would. */
async function typeInto(page: Page, selector: string, value: string): Promise<void> {
  await tabTo(page, page.locator(selector), 60);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(value);
}

async function hasFocus(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => el === el.ownerDocument.activeElement);
}

describe('the practical and evaluator pages in Chromium', function () {
  this.slow(20_000);
  const fixture = useRegisteredPlatform(sqlite);
  let chromium: Browser;

  before(async () => {
    chromium = await launchChromium();
  });
  after(async () => {
    await chromium?.close();
  });

  it('take a learner through submitting a practical with the keyboard, an instructor through claiming, grading and releasing it, and show the learner the feedback', async () => {
    // The learner, launched into the course; the written exam passed through the API to save time.
    const learnerContext = await chromium.newContext();
    const learner = await learnerContext.newPage();
    const learnerProblems = watchProblems(learner);
    await learner.goto(
      fixture.platform.loginUrl(fixture.tool.url, {
        sub: 'practical-learner',
        name: 'Pat Practical',
        custom: { course: 'pipelines' },
      }),
    );
    await learner.waitForURL(/\/courses\/pipelines\?session=/);
    expect(await learner.locator('section[aria-labelledby="practical"]').textContent()).to.contain(
      'Locked: pass the written exam first',
    );
    await passWritten(await apiOf(learner, fixture.tool.url), 'pipelines');
    await learner.reload();
    await tabTo(learner, learner.getByRole('link', { name: 'Open the practical assessment' }));
    await learner.keyboard.press('Enter');
    await learner.waitForURL(/\/courses\/pipelines\/practical\?session=/);
    await learner.getByRole('heading', { name: 'Pipelines: practical assessment' }).waitFor();
    const rubric = await learner.locator('table.rubric').textContent();
    expect(rubric).to.contain('Minimum level to pass: Developing.').and.contain('(minimum to pass)');
    expect(await learner.locator('main').textContent())
      .to.contain('To pass you need at least 5 of 6 points')
      .and.match(/Rubric version \w+/);
    await expectAccessible(learner, 'practical');
    await saveScreenshot(learner, 'practical');

    // A link that is not a web address comes back named, with the focus on the summary.
    await typeInto(learner, '#link-url-1', 'drive/recording.mp4');
    await tabTo(learner, learner.getByRole('button', { name: 'Submit for grading' }), 60);
    await learner.keyboard.press('Enter');
    await learner.locator('#error-summary').waitFor();
    expect(await hasFocus(learner, '#error-summary')).to.equal(true);
    expect(await learner.locator('#link-url-1-error').textContent()).to.contain(
      'Link 1: enter a web address that starts with https:// or http://',
    );
    expect(await learner.locator('#link-url-1').getAttribute('aria-invalid')).to.equal('true');
    expect(await learner.locator('#link-url-1').inputValue()).to.equal('drive/recording.mp4');
    await expectAccessible(learner, 'practical with errors');
    await saveScreenshot(learner, 'practical-errors');

    await typeInto(learner, '#link-url-1', 'https://drive.example.com/recordings/acme.mp4');
    await learner.keyboard.press('Tab');
    await learner.keyboard.type('ACME demo <b>call</b>');
    await typeInto(learner, '#notes', 'Demo for ACME on 12 November.\nLook at the pipeline view.');
    await tabTo(learner, learner.getByRole('button', { name: 'Submit for grading' }), 60);
    await learner.keyboard.press('Enter');
    await learner.waitForURL(/\/practical\?session=[^&]+&done=submitted/);
    expect(await learner.getByRole('status').textContent()).to.equal(
      'Your evidence was submitted. An evaluator will grade it.',
    );
    expect(await learner.locator('.submission-status').textContent()).to.equal('Waiting for an evaluator');
    expect(await learner.getByRole('link', { name: 'ACME demo <b>call</b>' }).getAttribute('href')).to.equal(
      'https://drive.example.com/recordings/acme.mp4',
    );
    await learner.getByRole('button', { name: 'Withdraw this submission' }).waitFor();
    await expectAccessible(learner, 'practical submitted');
    await saveScreenshot(learner, 'practical-submitted');

    // The instructor of the same LMS course lands on the queue and claims it.
    const evaluatorContext = await chromium.newContext();
    const evaluator = await evaluatorContext.newPage();
    const evaluatorProblems = watchProblems(evaluator);
    await evaluator.goto(
      fixture.platform.loginUrl(fixture.tool.url, {
        sub: 'grading-instructor',
        name: 'Eve Evaluator',
        roles: [roles.instructor],
        custom: { course: 'pipelines' },
      }),
    );
    await evaluator.waitForURL(/\/evaluator\/queue\?session=[^&]+&courseId=pipelines/);
    const row = evaluator.getByRole('row', { name: /Pat Practical/ });
    expect(await row.textContent())
      .to.contain('Pipelines')
      .and.contain('Waits for the first evaluation')
      .and.contain('Not claimed');
    await expectAccessible(evaluator, 'grading queue');
    await saveScreenshot(evaluator, 'evaluator-queue');
    await row.getByRole('button', { name: /Claim and grade/ }).click();
    await evaluator.waitForURL(/\/evaluator\/submissions\/[^/?]+\?session=[^&]+&done=claimed/);
    const submissionPath = new URL(evaluator.url()).pathname;
    await evaluator.getByRole('heading', { name: 'Grade against the rubric' }).waitFor();
    expect(await evaluator.locator('main').textContent())
      .to.contain('Look at the pipeline view.')
      .and.contain('You have claimed this submission until');
    expect(await evaluator.getByRole('group', { name: 'Discovery' }).count()).to.equal(1);
    await expectAccessible(evaluator, 'grading form');
    await saveScreenshot(evaluator, 'grading-form');
    // The README's picture is refreshed on request only, so a test run leaves the tree clean.
    if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
      mkdirSync('docs', { recursive: true });
      copyFileSync(join(screenshotDir, 'grading-form.png'), join('docs', 'grading-form.png'));
    }

    // A criterion left without a level and a bad time come back next to their fields.
    const discovery = evaluator.getByRole('group', { name: 'Discovery' });
    await discovery.getByLabel('Proficient (3 points)').check();
    await evaluator.getByLabel('Time in the recording for Discovery').fill('12:4');
    await evaluator.getByRole('button', { name: 'Record the evaluation' }).click();
    await evaluator.locator('#error-summary').waitFor();
    expect(await hasFocus(evaluator, '#error-summary')).to.equal(true);
    expect(await evaluator.locator('#level-value-error').textContent()).to.contain('Value: choose a level');
    expect(await evaluator.locator('#at-discovery-error').textContent()).to.contain(
      'Discovery: give the time as m:ss or h:mm:ss, e.g. 12:40',
    );
    expect(await discovery.getByLabel('Proficient (3 points)').isChecked()).to.equal(true);
    await expectAccessible(evaluator, 'grading form with problems');
    await saveScreenshot(evaluator, 'grading-form-errors');

    await evaluator.getByLabel('Time in the recording for Discovery').fill('12:40');
    await evaluator.getByLabel('Comment on Discovery').fill('Good questions about their release cadence.');
    await evaluator.getByRole('group', { name: 'Value' }).getByLabel('Developing (2 points)').check();
    await evaluator.getByLabel('Comment on Value').fill('Tie the demo to their <costs>.');
    await evaluator.getByLabel('Overall comment to the learner').fill('A solid demo.');
    await evaluator.getByRole('button', { name: 'Record the evaluation' }).click();
    await evaluator.waitForURL(/&done=evaluated/);
    expect(await evaluator.locator('.next-step').textContent()).to.contain(
      'Passed: 5 of 6 points (5 needed).',
    );
    const audit = await evaluator.locator('table.audit tbody').textContent();
    expect(audit).to.contain('Submitted').and.contain('Claimed').and.contain('Evaluated');
    expect(audit).to.contain('First evaluation: 5 of 6 points, passes').and.contain('Ready for release');
    await expectAccessible(evaluator, 'submission ready for release');
    await saveScreenshot(evaluator, 'evaluator-submission-ready');
    await evaluator.getByRole('button', { name: 'Release the result to the learner' }).click();
    await evaluator.waitForURL(/&done=released/);
    expect(await evaluator.getByRole('status').textContent()).to.equal(
      'The result was released to the learner.',
    );
    expect(await evaluator.locator(`table.audit tr[data-action="released"]`).count()).to.equal(1);
    const api = await apiOf(evaluator, fixture.tool.url);
    expect((await api.call('GET', `/api${submissionPath}`)).body).to.include({ status: 'released' });

    // The learner sees the feedback, and the certification.
    await learner.reload();
    const result = learner.locator('section.verdict');
    expect(await result.textContent())
      .to.contain('You passed the practical assessment.')
      .and.contain('5 of 6 points; 5 needed to pass.');
    expect(await result.getByRole('row', { name: /Discovery/ }).textContent())
      .to.contain('Proficient (3 points)')
      .and.contain('at 12:40')
      .and.contain('Good questions about their release cadence.');
    expect(await result.getByRole('row', { name: /Value/ }).textContent()).to.contain(
      'Tie the demo to their <costs>.',
    );
    expect(await learner.locator('.overall-comment').textContent()).to.equal('A solid demo.');
    expect(await learner.locator('.notice.certified').textContent()).to.contain(
      'You are certified for Pipelines since',
    );
    await learner.getByRole('heading', { name: 'Appeal this result' }).waitFor();
    await expectAccessible(learner, 'practical result');
    await saveScreenshot(learner, 'practical-result');
    await learner.getByRole('link', { name: 'Your progress' }).click();
    expect(await learner.getByRole('row', { name: /Pipelines/ }).textContent())
      .to.contain('Passed')
      .and.contain('Certified');
    await expectAccessible(learner, 'progress with a certified course');
    await saveScreenshot(learner, 'progress-certified');

    // Calibration on a course with reference submissions, and the agreement report.
    await evaluator.goto(
      `${fixture.tool.url}/evaluator/calibration/security?session=${encodeURIComponent(api.token)}`,
    );
    await evaluator.getByRole('heading', { name: 'Security: calibration' }).waitFor();
    const reference = evaluator.locator('#reference-ref-1');
    await reference.getByRole('group', { name: 'Clarity' }).getByRole('radio').first().check();
    await reference.getByRole('button', { name: 'Score this reference' }).click();
    await evaluator.locator('#ref-ref-1-errors').waitFor();
    expect(await evaluator.locator('#ref-ref-1-errors').textContent()).to.contain(
      'Risk explained: choose a level',
    );
    await reference.getByRole('group', { name: 'Risk explained' }).getByRole('radio').first().check();
    await reference.getByRole('button', { name: 'Score this reference' }).click();
    await evaluator.waitForURL(/done=calibrated#reference-ref-1/);
    expect(await evaluator.locator('#reference-ref-1 table.closeness').textContent()).to.match(
      /Exact|Within one level|levels apart/,
    );
    await expectAccessible(evaluator, 'calibration');
    await saveScreenshot(evaluator, 'evaluator-calibration');
    await evaluator.getByRole('link', { name: 'Agreement report' }).click();
    await evaluator.getByRole('heading', { name: 'Agreement between evaluators' }).waitFor();
    expect(await evaluator.locator('main').textContent()).to.contain('0 double-marked submissions.');
    await expectAccessible(evaluator, 'agreement report');
    await saveScreenshot(evaluator, 'evaluator-agreement');

    expect(learnerProblems).to.deep.equal([]);
    expect(evaluatorProblems).to.deep.equal([]);
    await learnerContext.close();
    await evaluatorContext.close();
  });
});
