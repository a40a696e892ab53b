import { expect } from 'chai';
import { rightPicks, wrongPicks } from '../exam/exam-answers.js';
import { takeExam } from '../exam/take-exam.js';
import { Browser } from '../support/browser.js';
import { launchAs, sessionApi } from '../support/learner-api.js';
import { useRegisteredPlatform } from '../support/lti-fixture.js';
import { testDatabases } from '../support/test-databases.js';
import { TestPlatform } from '../support/test-platform.js';
import { waitFor } from '../support/wait-for.js';

// biome-ignore lint/suspicious/noExplicitAny: answers are read back as loose JSON.
type Json = Record<string, any>;

const scoreScope = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';

for (const database of testDatabases) {
  describe(`grade passback through AGS 2.0 (${database.name})`, () => {
    const fixture = useRegisteredPlatform(database);
    let n = 0;
    let context: string;
    let learner: string;

    beforeEach(() => {
      n += 1;
      context = `ags-context-${n}`;
      learner = `ags-learner-${n}`;
      const book = fixture.platform.gradebook;
      book.tokenScript = [];
      book.scoreScript = [];
      book.honoursFilters = true;
      book.pageSize = 10;
    });

    const launch = (options: Parameters<typeof launchAs>[1] = {}) =>
      launchAs(fixture, {
        sub: learner,
        custom: { course: 'security' },
        context: { id: context },
        ags: true,
        ...options,
      });

    const accepted = () =>
      fixture.platform.gradebook.scores.filter((s) => s.status === 200 && s.body.userId === learner);
    const received = () => fixture.platform.gradebook.scores.filter((s) => s.body.userId === learner);
    const itemsOfContext = () => fixture.platform.gradebook.lineItems.filter((i) => i.contextId === context);
    const agsEntries = async (status?: string) => {
      const res = await fixture.tool.admin(
        'GET',
        `/api/admin/outbox?target=ags${status ? `&status=${status}` : ''}`,
      );
      return ((await res.json()) as Json).entries as Json[];
    };
    const mine = (entries: Json[]) => entries.filter((e) => e.payload.score?.userId === learner);

    it('creates the written exam line item once and sends each result with every AGS field', async () => {
      const tokensBefore = fixture.platform.gradebook.tokenRequests.length;
      const api = await launch();
      const failed = await takeExam(api, 'security', wrongPicks);
      const passed = await takeExam(api, 'security', rightPicks);
      const scores = await waitFor('two scores accepted', () => accepted().length === 2 && accepted());

      expect(itemsOfContext()).to.have.length(1);
      const item = itemsOfContext()[0]!;
      expect(item).to.include({
        label: 'Security: written exam',
        scoreMaximum: 100,
        resourceLinkId: 'resource-link-1',
        resourceId: 'security',
        tag: 'accredit-written',
      });
      expect(scores.map((s) => s.lineItemId)).to.deep.equal([item.id, item.id]);
      const [first, second] = scores.map((s) => s.body);
      expect(first).to.deep.equal({
        userId: learner,
        scoreGiven: 0,
        scoreMaximum: 100,
        activityProgress: 'Completed',
        gradingProgress: 'FullyGraded',
        comment: 'Not passed: 0% (0 of 2 points; 80% needed) in the Security written exam.',
        timestamp: failed.submittedAt,
      });
      expect(second).to.include({
        scoreGiven: 100,
        scoreMaximum: 100,
        activityProgress: 'Completed',
        gradingProgress: 'FullyGraded',
        timestamp: passed.submittedAt,
      });
      expect(second!.comment).to.match(/^Passed: 100%/);
      expect(Date.parse(String(second!.timestamp))).to.be.greaterThan(Date.parse(String(first!.timestamp)));
      for (const s of scores) {
        expect(s.contentType).to.equal('application/vnd.ims.lis.v1.score+json');
        expect(s.userAgent).to.match(/^Accredit\//);
      }
      expect(fixture.platform.gradebook.grade(item.id, learner)).to.include({ scoreGiven: 100 });

      // One token, cached for both scores, got with a client assertion signed by the tool.
      const tokens = fixture.platform.gradebook.tokenRequests.slice(tokensBefore);
      expect(tokens.filter((t) => t.ok).length).to.be.at.most(1);
      for (const t of tokens.filter((t) => t.ok)) {
        expect(t.claims).to.include({
          iss: fixture.platform.clientId,
          sub: fixture.platform.clientId,
          aud: `${fixture.platform.url}/token`,
        });
        expect(t.claims!.jti).to.be.a('string');
        expect(t.scope.split(' ')).to.include.members([
          scoreScope,
          'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
        ]);
        expect(t.userAgent).to.match(/^Accredit\//);
      }
      expect(await agsEntries('pending')).to.have.length(0);
    });

    it('finds a line item the context already holds (across pages, filters ignored) instead of making another', async () => {
      const book = fixture.platform.gradebook;
      book.honoursFilters = false;
      book.pageSize = 2;
      for (const [i, tag] of ['other', 'accredit-practical', 'more', 'accredit-written'].entries()) {
        book.lineItems.push({
          id: `${fixture.platform.url}/contexts/${context}/lineitems/pre-${n}-${i}`,
          contextId: context,
          label: tag,
          scoreMaximum: 100,
          resourceLinkId: 'resource-link-1',
          resourceId: 'security',
          tag,
        });
      }
      const api = await launch();
      await takeExam(api, 'security', rightPicks);
      const [score] = await waitFor('the score accepted', () => accepted().length === 1 && accepted());
      expect(score!.lineItemId).to.equal(`${fixture.platform.url}/contexts/${context}/lineitems/pre-${n}-3`);
      expect(itemsOfContext()).to.have.length(4);
      const pages = book.lineItemRequests.filter((r) => r.url.includes(`/contexts/${context}/`));
      expect(pages.map((p) => p.method)).to.deep.equal(['GET', 'GET']);
    });

    it('records "passback not possible" for a launch without the AGS claim, and queues no score', async () => {
      const api = await launch({ ags: false, resourceLinkId: `no-ags-${n}` });
      await takeExam(api, 'security', rightPicks);
      const res = await fixture.tool.admin('GET', '/api/admin/course-links');
      expect(res.status).to.equal(200);
      const link = ((await res.json()) as Json).links.find((l: Json) => l.resourceLinkId === `no-ags-${n}`);
      expect(link).to.include({
        gradePassback: 'not possible',
        passbackProblem: 'the launch carried no Assignment and Grade Services claim',
        courseId: 'security',
        contextId: context,
      });
      const entries = mine(await agsEntries());
      expect(entries).to.have.length(0);
      expect(received()).to.have.length(0);
    });

    it('records which scope is missing when the platform grants scores but not line items', async () => {
      await launch({ ags: { scopes: [scoreScope] }, resourceLinkId: `score-only-${n}` });
      const res = await fixture.tool.admin('GET', '/api/admin/course-links');
      const link = ((await res.json()) as Json).links.find(
        (l: Json) => l.resourceLinkId === `score-only-${n}`,
      );
      expect(link.passbackProblem).to.match(/did not grant the line item scope/);
      expect(link.scopes).to.deep.equal([scoreScope]);
    });

    it('waits out a token endpoint outage, then delivers the scores in their order', async () => {
      fixture.platform.gradebook.revokeTokens();
      await fixture.tool.admin('POST', '/api/admin/outbox/retry', { allDead: true });
      fixture.platform.gradebook.tokenScript = [503, 503, 503];
      const api = await launch();
      const failed = await takeExam(api, 'security', wrongPicks);
      const passed = await takeExam(api, 'security', rightPicks);
      const scores = await waitFor(
        'both scores after the outage',
        () => accepted().length === 2 && accepted(),
        15_000,
      );
      expect(scores.map((s) => s.body.timestamp)).to.deep.equal([failed.submittedAt, passed.submittedAt]);
      expect(received().filter((s) => s.status === 409)).to.have.length(0);
      expect(fixture.platform.gradebook.tokenScript).to.have.length(0);
    });

    it('asks for a new token once when the platform refuses a stale one (401)', async () => {
      const api = await launch();
      await takeExam(api, 'security', wrongPicks);
      await waitFor('the first score', () => accepted().length === 1);
      fixture.platform.gradebook.revokeTokens();
      const tokensBefore = fixture.platform.gradebook.tokenRequests.length;
      await takeExam(api, 'security', rightPicks);
      await waitFor('the second score', () => accepted().length === 2);
      expect(fixture.platform.gradebook.tokenRequests.length - tokensBefore).to.equal(1);
      expect(mine(await agsEntries('dead'))).to.have.length(0);
    });

    it('counts a 409 (the platform holds a newer score) as done, without trying again', async () => {
      fixture.platform.gradebook.scoreScript = [409];
      const api = await launch();
      await takeExam(api, 'security', rightPicks);
      await waitFor('the 409', () => received().length === 1);
      await waitFor('the entry settled', async () => (await agsEntries('pending')).length === 0);
      await new Promise((r) => setTimeout(r, 300));
      expect(received()).to.have.length(1);
      const delivered = mine(await agsEntries('delivered'));
      expect(delivered).to.have.length(1);
    });

    it('dead-letters a score the platform refuses (400) with its words; an admin retry sends it again', async () => {
      fixture.platform.gradebook.scoreScript = [400];
      const api = await launch();
      await takeExam(api, 'security', rightPicks);
      const [dead] = await waitFor('the dead entry', async () => {
        const entries = mine(await agsEntries('dead'));
        return entries.length === 1 && entries;
      });
      expect(dead!.lastError).to.equal('the platform (score) answered 400: {"error":"scripted 400"}');
      const retried = await fixture.tool.admin('POST', '/api/admin/outbox/retry', { ids: [dead!.id] });
      expect(retried.status).to.equal(200);
      await waitFor('the score accepted after the retry', () => accepted().length === 1);
      expect(received().map((s) => s.status)).to.deep.equal([400, 200]);
    });

    it('sends scores for one line item and user one after another, even when the first must be retried', async () => {
      fixture.platform.gradebook.scoreScript = [503];
      const api = await launch();
      const failed = await takeExam(api, 'security', wrongPicks);
      const passed = await takeExam(api, 'security', rightPicks);
      await waitFor('both scores', () => accepted().length === 2, 15_000);
      expect(received().map((s) => [s.status, s.body.timestamp])).to.deep.equal([
        [503, failed.submittedAt],
        [200, failed.submittedAt],
        [200, passed.submittedAt],
      ]);
    });

    it('counts grade deliveries by result at /metrics', async () => {
      const text = await (await fetch(`${fixture.tool.url}/metrics`)).text();
      expect(text).to.match(/^accredit_outbox_entries\{target="ags",status="delivered"\} [1-9]\d*$/m);
      expect(text).to.match(/^accredit_deliveries_total\{target="ags",result="delivered"\} [1-9]\d*$/m);
      expect(text).to.match(/^accredit_deliveries_total\{target="ags",result="retry"\} [1-9]\d*$/m);
      expect(text).to.match(/^accredit_deliveries_total\{target="ags",result="dead"\} [1-9]\d*$/m);
    });

    it('signs the client assertion for the audience a platform asks for (Brightspace)', async () => {
      const other = await TestPlatform.start();
      try {
        other.clientId = 'brightspace-client';
        other.gradebook.expectedAudience = 'https://auth.brightspace.example/core/connect/token';
        const res = await fixture.tool.admin(
          'POST',
          '/api/admin/platforms',
          other.registration({ tokenAudience: other.gradebook.expectedAudience }),
        );
        expect(res.status).to.equal(201);
        const browser = new Browser();
        const launched = await other.launch(browser, fixture.tool.url, {
          sub: learner,
          custom: { course: 'security' },
          context: { id: context },
          ags: true,
        });
        const api = sessionApi(fixture.tool.url, launched.sessionToken!);
        await takeExam(api, 'security', rightPicks);
        await waitFor('the score at the other platform', () =>
          other.gradebook.scores.some((s) => s.status === 200),
        );
        const okTokens = other.gradebook.tokenRequests.filter((t) => t.ok);
        expect(okTokens).to.have.length(1);
        expect(okTokens[0]!.claims!.aud).to.equal(other.gradebook.expectedAudience);
      } finally {
        await other.close();
      }
    });
  });
}
