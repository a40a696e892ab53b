import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { rightPicks } from '../exam/exam-answers.js';
import { launchChromium, watchProblems } from '../support/chromium.js';
import { useRegisteredPlatform } from '../support/lti-fixture.js';
import { expectAccessible, saveScreenshot, tabTo } from '../support/page-checks.js';
import { TestClock } from '../support/test-clock.js';
import { testDatabases } from '../support/test-databases.js';

const sqlite = testDatabases.find((d) => d.name === 'sqlite')!;

/** The shown question the exam page has on screen, in the shape the answer key reads. */
async function currentQuestion(page: Page) {
  const section = page.locator('section.question:not([hidden])');
  const id = (await section.getAttribute('data-question-id'))!;
  const options = await section.locator('input').evaluateAll((inputs) =>
    inputs.map((input) => ({
      id: input.getAttribute('value')!,
      type: input.getAttribute('type')!,
      html: input.closest('label')!.querySelector('span')!.innerHTML.trim(),
    })),
  );
  return { section, id, options };
}

/** Answers the question on screen rightly with the keyboard: Tab into the options, arrows or Space. */
async function answerWithKeyboard(page: Page): Promise<{ id: string; picks: string[] }> {
  const { section, id, options } = await currentQuestion(page);
  const picks = rightPicks({ id, options });
  await tabTo(page, section.locator('input').first());
  if (options[0]!.type === 'radio') {
    const index = options.findIndex((o) => o.id === picks[0]);
    if (index === 0) await page.keyboard.press('Space');
    for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
  } else {
    for (const [i, option] of options.entries()) {
      if (picks.includes(option.id)) await page.keyboard.press('Space');
      if (i < options.length - 1) await page.keyboard.press('Tab');
    }
  }
  await page.locator('#save-state[data-state="saved"]').waitFor();
  return { id, picks };
}

async function nextQuestionWithKeyboard(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: 'Next question' }));
  await page.keyboard.press('Enter');
}

async function checkedIn(page: Page, questionId: string): Promise<string[]> {
  return page
    .locator(`section[data-question-id="${questionId}"] input:checked`)
    .evaluateAll((inputs) => inputs.map((input) => input.getAttribute('value')!));
}

async function apiGet(page: Page, toolUrl: string, path: string) {
  const token = await page.locator('meta[name="accredit-session"]').getAttribute('content');
  const res = await fetch(`${toolUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the written exam pages in Chromium', function () {
  this.slow(15_000);
  const clock = new TestClock();
  const fixture = useRegisteredPlatform(sqlite, { clock });
  let chromium: Browser;

  before(async () => {
    chromium = await launchChromium();
  });
  after(async () => {
    await chromium?.close();
  });

  it('take a learner launched into a course through the exam with the keyboard only, resuming after a reload, to a pass', async () => {
    const context = await chromium.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(
      fixture.platform.loginUrl(fixture.tool.url, {
        sub: 'keyboard-learner',
        name: 'Kim Keys',
        custom: { course: 'pipelines' },
      }),
    );
    await page.waitForURL(/\/courses\/pipelines\?session=/);
    await expectAccessible(page, 'course');
    await saveScreenshot(page, 'course');

    await tabTo(page, page.getByRole('button', { name: 'Start the exam' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/attempts\/[^/?]+\?session=/);
    const attemptPath = new URL(page.url()).pathname;
    expect(await page.locator('#answered-count').textContent()).to.equal('0 of 4 answered');
    expect(await page.locator('#timer-announcement').textContent()).to.equal('10 minutes left');
    await expectAccessible(page, 'exam');
    await saveScreenshot(page, 'exam');

    const answered = [await answerWithKeyboard(page)];
    await nextQuestionWithKeyboard(page);
    answered.push(await answerWithKeyboard(page));
    await page.keyboard.press('Tab');
    const flag = page.locator('section.question:not([hidden]) button.flag');
    expect(await flag.evaluate((el) => el === el.ownerDocument.activeElement)).to.equal(true);
    await page.keyboard.press('Space');
    expect(await flag.getAttribute('aria-pressed')).to.equal('true');
    await nextQuestionWithKeyboard(page);
    expect(await page.locator('#answered-count').textContent()).to.equal('2 of 4 answered');
    await saveScreenshot(page, 'exam-answered-and-flagged');

    await page.reload();
    for (const { id, picks } of answered) expect(await checkedIn(page, id)).to.have.members(picks);
    expect(await page.locator('#answered-count').textContent()).to.equal('2 of 4 answered');
    expect(await page.locator('.question-nav [data-nav="flagged"]:not([hidden])').count()).to.equal(1);
    expect(
      await page.locator('section.question:not([hidden])').getAttribute('data-question-id'),
    ).to.not.be.oneOf(answered.map((a) => a.id));

    answered.push(await answerWithKeyboard(page));
    await nextQuestionWithKeyboard(page);
    answered.push(await answerWithKeyboard(page));
    expect(await page.locator('#answered-count').textContent()).to.equal('4 of 4 answered');

    await tabTo(page, page.getByRole('button', { name: 'Submit the exam' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Submit the exam?' });
    await dialog.waitFor();
    expect(await dialog.textContent())
      .to.contain('You answered 4 of 4 questions.')
      .and.contain('Flagged for review: question 2.');
    await expectAccessible(page, 'submit confirmation');
    await saveScreenshot(page, 'exam-confirm-submit');
    await tabTo(page, dialog.getByRole('button', { name: 'Submit my answers' }), 3);
    await page.keyboard.press('Enter');

    await page.waitForURL((url) => url.pathname === attemptPath && !url.hash);
    await page.getByRole('heading', { name: 'Pipelines: your result' }).waitFor();
    expect(await page.locator('.verdict').textContent())
      .to.contain('Passed')
      .and.contain('You scored 100 %; the passing score is 75 %.');
    expect(await page.locator('.reviewed-question').count()).to.equal(4);
    await expectAccessible(page, 'result');
    await saveScreenshot(page, 'result');
    const stored = await apiGet(page, fixture.tool.url, `/api${attemptPath}`);
    expect(stored.body).to.deep.include({ status: 'submitted', submittedBy: 'learner' });
    expect(stored.body.result).to.deep.include({ passed: true, percent: 100 });

    await tabTo(page, page.getByRole('link', { name: 'Your progress' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/progress\?session=/);
    const row = page.getByRole('row', { name: /Pipelines/ });
    expect(await row.textContent())
      .to.contain('Passed')
      .and.contain('Open');
    await expectAccessible(page, 'progress');
    await saveScreenshot(page, 'progress');
    expect(problems).to.deep.equal([]);
    await context.close();
  });

  it('keep an answer given offline, save it when the connection is back, and show only the verdict when the review policy says so', async () => {
    const context = await chromium.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(fixture.platform.loginUrl(fixture.tool.url, { sub: 'offline-learner' }));
    await page.waitForURL(/\/progress\?session=/);
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('button', { name: 'Start the exam' }).click();
    await page.waitForURL(/\/attempts\/[^/?]+\?session=/);
    const attemptPath = new URL(page.url()).pathname;

    await context.setOffline(true);
    const first = await currentQuestion(page);
    await first.section.getByLabel('True').check();
    await page.locator('#save-state[data-state="retrying"]').waitFor();
    expect(await page.locator('#save-state').textContent()).to.match(/^Not saved/);
    await saveScreenshot(page, 'exam-not-saved-offline');
    expect((await apiGet(page, fixture.tool.url, `/api${attemptPath}`)).body.answered).to.equal(0);

    await context.setOffline(false);
    await page.locator('#save-state[data-state="saved"]').waitFor();
    expect((await apiGet(page, fixture.tool.url, `/api${attemptPath}`)).body.answered).to.equal(1);

    await page.getByRole('button', { name: 'Next question' }).click();
    await page.locator('section.question:not([hidden])').getByLabel('True').check();
    await page.getByRole('button', { name: 'Submit the exam' }).click();
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await page.getByRole('heading', { name: 'Security: your result' }).waitFor();
    const verdict = await page.locator('.verdict').textContent();
    expect(verdict).to.contain('This exam does not show scores or answers after submission.');
    expect(verdict).to.not.match(/%/);
    expect(await page.locator('.reviewed-question').count()).to.equal(0);
    await expectAccessible(page, 'result without review');
    await saveScreenshot(page, 'result-without-review');
    expect(problems).to.deep.equal([]);
    await context.close();
  });

  // Last in the file: it moves the tool's clock past the deadline.
  it('count the time down, say when little is left, and submit the exam as it stood when the time is up', async () => {
    const context = await chromium.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.clock.install();
    await page.goto(
      fixture.platform.loginUrl(fixture.tool.url, { sub: 'late-learner', custom: { course: 'security' } }),
    );
    await page.waitForURL(/\/courses\/security\?session=/);
    await page.getByRole('button', { name: 'Start the exam' }).click();
    await page.waitForURL(/\/attempts\/[^/?]+\?session=/);
    const attemptPath = new URL(page.url()).pathname;
    const announcement = page.locator('#timer-announcement');
    expect(await announcement.textContent()).to.equal('5 minutes left');
    await page.locator('section.question:not([hidden])').getByLabel('True').check();
    await page.locator('#save-state[data-state="saved"]').waitFor();

    await page.clock.fastForward('04:05');
    expect(await page.locator('#timer').textContent()).to.match(/^0:5\d$/);
    expect(await announcement.textContent()).to.match(/^5\d seconds left$/);

    clock.advanceMinutes(5);
    await page.clock.fastForward('01:00');
    await page.getByRole('heading', { name: 'Security: your result' }).waitFor();
    expect(await page.locator('.verdict').textContent()).to.contain(
      'The time ran out: the exam was submitted with the answers saved by then.',
    );
    const stored = await apiGet(page, fixture.tool.url, `/api${attemptPath}`);
    expect(stored.body).to.deep.include({ status: 'submitted', submittedBy: 'timeout', answered: 1 });
    expect(problems).to.deep.equal([]);
    await context.close();
  });
});
