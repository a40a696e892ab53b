import { expect } from 'chai';
import type { LaunchContext } from '../../src/domain/launch-context.js';
import type { NewPlatform } from '../../src/domain/platform.js';
import type { Storage } from '../../src/ports/storage.js';
import { testDatabases } from '../support/test-databases.js';

const at = (iso: string) => new Date(iso);
const platform = (overrides: Partial<NewPlatform> = {}): NewPlatform => ({
  issuer: 'https://lms.example.com',
  clientId: 'client-1',
  name: 'Example',
  authLoginUrl: 'https://lms.example.com/auth',
  accessTokenUrl: 'https://lms.example.com/token',
  jwksUrl: 'https://lms.example.com/jwks',
  tokenAudience: undefined,
  acceptNewDeployments: false,
  deploymentIds: ['d-1'],
  ...overrides,
});
const launch: LaunchContext = {
  platformId: 'p-1',
  issuer: 'https://lms.example.com',
  deploymentId: 'd-1',
  messageType: 'LtiResourceLinkRequest',
  subject: 'user-1',
  roles: ['learner'],
  ltiRoles: [],
  name: 'Ada',
  email: undefined,
  context: undefined,
  resourceLink: { id: 'rl-1', title: undefined },
  courseId: 'ci',
  gradeService: undefined,
  deepLinking: undefined,
  custom: { course: 'ci' },
};

for (const database of testDatabases) {
  describe(`storage contract (${database.name})`, () => {
    let storage: Storage & { destroy(): Promise<void> };

    beforeEach(async () => {
      storage = await database.open();
    });

    afterEach(async () => {
      await storage.destroy();
    });

    describe('platforms', () => {
      it('creates one and finds it by id, by issuer and client id, and by issuer', async () => {
        expect(
          await storage.platforms.create({ ...platform(), id: 'p-1', createdAt: at('2026-01-01T00:00:00Z') }),
        ).to.equal('created');
        const found = await storage.platforms.findById('p-1');
        expect(found).to.deep.include({
          id: 'p-1',
          issuer: 'https://lms.example.com',
          deploymentIds: ['d-1'],
        });
        expect(found?.createdAt.toISOString()).to.equal('2026-01-01T00:00:00.000Z');
        expect(
          (await storage.platforms.findByIssuerAndClientId('https://lms.example.com', 'client-1'))?.id,
        ).to.equal('p-1');
        expect(
          (await storage.platforms.findByIssuer('https://lms.example.com')).map((p) => p.id),
        ).to.deep.equal(['p-1']);
        expect(await storage.platforms.findById('nope')).to.equal(undefined);
      });

      it('reports a duplicate issuer and client id without writing anything', async () => {
        await storage.platforms.create({ ...platform(), id: 'p-1', createdAt: new Date() });
        expect(
          await storage.platforms.create({
            ...platform({ deploymentIds: ['d-9'] }),
            id: 'p-2',
            createdAt: new Date(),
          }),
        ).to.equal('duplicate');
        expect((await storage.platforms.list()).map((p) => [p.id, p.deploymentIds])).to.deep.equal([
          ['p-1', ['d-1']],
        ]);
      });

      it('records a deployment once and removes a platform with its deployments', async () => {
        await storage.platforms.create({ ...platform(), id: 'p-1', createdAt: new Date() });
        expect(await storage.platforms.addDeployment('p-1', 'd-2', 'launch', new Date())).to.equal(true);
        expect(await storage.platforms.addDeployment('p-1', 'd-2', 'launch', new Date())).to.equal(false);
        expect((await storage.platforms.findById('p-1'))?.deploymentIds).to.have.members(['d-1', 'd-2']);
        expect(await storage.platforms.remove('p-1')).to.equal(true);
        expect(await storage.platforms.remove('p-1')).to.equal(false);
        expect(await storage.platforms.list()).to.deep.equal([]);
      });
    });

    describe('login states', () => {
      beforeEach(async () => {
        await storage.platforms.create({ ...platform(), id: 'p-1', createdAt: new Date() });
      });

      it('gives a state to exactly one of many concurrent consumers', async () => {
        await storage.loginStates.save({
          state: 's-1',
          nonce: 'n-1',
          platformId: 'p-1',
          createdAt: new Date(),
          expiresAt: new Date(Date.now() + 60_000),
        });
        const results = await Promise.all(
          Array.from({ length: 8 }, () => storage.loginStates.consume('s-1')),
        );
        const winners = results.filter((r) => r !== undefined);
        expect(winners).to.have.length(1);
        expect(winners[0]).to.include({ state: 's-1', nonce: 'n-1', platformId: 'p-1' });
        expect(await storage.loginStates.consume('s-1')).to.equal(undefined);
      });

      it('reads a state without consuming it, with the platform storage its login was offered', async () => {
        const base = {
          nonce: 'n',
          platformId: 'p-1',
          createdAt: new Date(),
          expiresAt: new Date(Date.now() + 60_000),
        };
        await storage.loginStates.save({
          ...base,
          state: 'offered',
          platformStorage: { target: 'lti_storage_frame', proofHash: 'hash-of-proof' },
        });
        await storage.loginStates.save({ ...base, state: 'cookie-only' });
        for (let i = 0; i < 2; i += 1) {
          expect((await storage.loginStates.find('offered'))?.platformStorage).to.deep.equal({
            target: 'lti_storage_frame',
            proofHash: 'hash-of-proof',
          });
        }
        expect(await storage.loginStates.find('cookie-only')).to.include({
          state: 'cookie-only',
          nonce: 'n',
        });
        expect((await storage.loginStates.find('cookie-only'))?.platformStorage).to.equal(undefined);
        expect(await storage.loginStates.find('never')).to.equal(undefined);
        expect((await storage.loginStates.consume('offered'))?.platformStorage?.target).to.equal(
          'lti_storage_frame',
        );
        expect(await storage.loginStates.find('offered')).to.equal(undefined);
      });

      it('purges expired states and keeps live ones', async () => {
        const base = { nonce: 'n', platformId: 'p-1', createdAt: at('2026-01-01T00:00:00Z') };
        await storage.loginStates.save({ ...base, state: 'old', expiresAt: at('2026-01-01T00:10:00Z') });
        await storage.loginStates.save({ ...base, state: 'live', expiresAt: at('2026-01-01T01:00:00Z') });
        expect(await storage.loginStates.purgeExpired(at('2026-01-01T00:30:00Z'))).to.equal(1);
        expect(await storage.loginStates.consume('old')).to.equal(undefined);
        expect(await storage.loginStates.consume('live')).to.not.equal(undefined);
      });
    });

    describe('sessions', () => {
      it('saves, finds, counts and purges sessions', async () => {
        await storage.sessions.save({
          linkId: undefined,
          id: 'h-1',
          launch,
          createdAt: at('2026-01-01T00:00:00Z'),
          expiresAt: at('2026-01-01T04:00:00Z'),
        });
        await storage.sessions.save({
          linkId: undefined,
          id: 'h-2',
          launch,
          createdAt: at('2026-01-01T00:00:00Z'),
          expiresAt: at('2026-01-01T01:00:00Z'),
        });
        expect((await storage.sessions.findById('h-1'))?.launch).to.deep.equal(
          JSON.parse(JSON.stringify(launch)),
        );
        expect(await storage.sessions.countLive(at('2026-01-01T02:00:00Z'))).to.equal(1);
        expect(await storage.sessions.purgeExpired(at('2026-01-01T02:00:00Z'))).to.equal(1);
        expect(await storage.sessions.findById('h-2')).to.equal(undefined);
      });
    });

    describe('tool keys', () => {
      it('lists keys oldest first', async () => {
        await storage.toolKeys.save({
          kid: 'b',
          publicJwk: { kty: 'RSA' },
          privateJwkSealed: 'x',
          createdAt: at('2026-02-01T00:00:00Z'),
        });
        await storage.toolKeys.save({
          kid: 'a',
          publicJwk: { kty: 'RSA' },
          privateJwkSealed: 'y',
          createdAt: at('2026-01-01T00:00:00Z'),
        });
        expect((await storage.toolKeys.list()).map((k) => k.kid)).to.deep.equal(['a', 'b']);
      });
    });

    describe('LTI records', () => {
      const record = (lookup: Record<string, string>, data: string, expiresAt?: Date) => ({
        collection: 'idtoken',
        lookup,
        data,
        createdAt: at('2026-01-01T00:00:00Z'),
        expiresAt,
      });

      it('finds by lookup in any field order, replaces and removes', async () => {
        const now = at('2026-01-01T00:00:00Z');
        await storage.ltiRecords.insert(record({ iss: 'i', user: 'u' }, '{"v":1}'));
        expect(
          (await storage.ltiRecords.find('idtoken', { user: 'u', iss: 'i' }, now)).map((r) => r.data),
        ).to.deep.equal(['{"v":1}']);
        await storage.ltiRecords.replace(record({ iss: 'i', user: 'u' }, '{"v":2}'), { user: 'u', iss: 'i' });
        expect(
          (await storage.ltiRecords.find('idtoken', { iss: 'i', user: 'u' }, now)).map((r) => r.data),
        ).to.deep.equal(['{"v":2}']);
        expect(await storage.ltiRecords.find('idtoken', {}, now)).to.have.length(1);
        expect(await storage.ltiRecords.find('contexttoken', {}, now)).to.have.length(0);
        expect(await storage.ltiRecords.remove('idtoken', { iss: 'i', user: 'u' })).to.equal(1);
        expect(await storage.ltiRecords.find('idtoken', {}, now)).to.have.length(0);
      });

      it('hides expired records and purges them', async () => {
        await storage.ltiRecords.insert(record({ k: 'old' }, '{}', at('2026-01-01T01:00:00Z')));
        await storage.ltiRecords.insert(record({ k: 'forever' }, '{}'));
        const later = at('2026-01-01T02:00:00Z');
        expect((await storage.ltiRecords.find('idtoken', {}, later)).map((r) => r.lookup.k)).to.deep.equal([
          'forever',
        ]);
        expect(await storage.ltiRecords.purgeExpired(later)).to.equal(1);
        expect(await storage.ltiRecords.find('idtoken', {}, at('2026-01-01T00:00:00Z'))).to.have.length(1);
      });
    });

    describe('outbox', () => {
      const t0 = at('2026-01-01T00:00:00Z');
      const later = (s: number) => new Date(t0.getTime() + s * 1000);
      const entries = (n: number) =>
        Array.from({ length: n }, (_, i) => ({
          id: `e-${String(i).padStart(2, '0')}`,
          target: 'xapi' as const,
          kind: 'k',
          payload: `{"n":${i}}`,
        }));

      it('gives concurrent dispatchers disjoint entries, oldest first', async () => {
        await storage.outbox.enqueue(entries(20), t0);
        const claims = await Promise.all(
          ['a', 'b', 'c', 'd'].map((owner) => storage.outbox.claim('xapi', owner, later(1), later(61), 8)),
        );
        const ids = claims.flat().map((e) => e.id);
        expect(ids).to.have.length(20);
        expect(new Set(ids).size).to.equal(20);
        for (const claim of claims) {
          expect(claim.map((e) => e.id)).to.deep.equal([...claim.map((e) => e.id)].sort());
          expect(claim.every((e) => e.tries === 1)).to.equal(true);
        }
        expect(await storage.outbox.claim('xapi', 'e', later(2), later(62), 8)).to.deep.equal([]);
        expect(await storage.outbox.claim('ags', 'e', later(2), later(62), 8)).to.deep.equal([]);
      });

      it('lets another dispatcher take entries whose lease ran out, and ignores the old owner', async () => {
        await storage.outbox.enqueue(entries(2), t0);
        const [first] = await storage.outbox.claim('xapi', 'crashed', later(1), later(61), 1);
        const taken = await storage.outbox.claim('xapi', 'survivor', later(62), later(122), 5);
        expect(taken.map((e) => e.id)).to.deep.equal(['e-00', 'e-01']);
        expect(taken[0]!.tries).to.equal(2);
        await storage.outbox.markDelivered([first!.id], 'crashed', later(63));
        expect((await storage.outbox.list({ status: 'delivered', limit: 10 })).length).to.equal(0);
        await storage.outbox.markDelivered(['e-00'], 'survivor', later(63));
        await storage.outbox.markRetry('e-01', 'survivor', later(100), 'LRS answered 503');
        await storage.outbox.markRetry('e-01', 'crashed', later(5), 'ignored');
        const [retrying] = await storage.outbox.list({ status: 'pending', limit: 10 });
        expect(retrying).to.deep.include({ id: 'e-01', lastError: 'LRS answered 503', tries: 1 });
        expect(retrying!.nextTryAt.toISOString()).to.equal(later(100).toISOString());
        expect(await storage.outbox.claim('xapi', 'x', later(99), later(200), 5)).to.deep.equal([]);
        expect(
          (await storage.outbox.claim('xapi', 'x', later(100), later(200), 5)).map((e) => e.id),
        ).to.deep.equal(['e-01']);
      });

      it('holds an entry back while an earlier pending one shares its ordering key', async () => {
        const score = (id: string, key: string, second: number) => ({
          id,
          target: 'ags' as const,
          kind: 'written-completed',
          payload: '{}',
          orderingKey: key,
          orderAt: later(second),
        });
        // Queued out of order on purpose: the order is the score's time, not the queueing.
        await storage.outbox.enqueue(
          [score('s-2', 'k1', 20), score('s-1', 'k1', 10), score('t-1', 'k2', 5)],
          t0,
        );
        expect(await storage.outbox.lastOrderAt('k1')).to.deep.equal(later(20));
        expect(await storage.outbox.lastOrderAt('none')).to.equal(undefined);
        const first = await storage.outbox.claim('ags', 'o', later(1), later(61), 10);
        expect(first.map((e) => e.id).sort()).to.deep.equal(['s-1', 't-1']);
        expect(first.find((e) => e.id === 's-1')).to.deep.include({ orderingKey: 'k1', orderAt: later(10) });
        // A retry of s-1 later still holds s-2 back; delivery releases it.
        await storage.outbox.markRetry('s-1', 'o', later(30), 'platform answered 503');
        expect(await storage.outbox.claim('ags', 'o', later(2), later(62), 10)).to.deep.equal([]);
        expect(
          (await storage.outbox.claim('ags', 'o', later(30), later(90), 10)).map((e) => e.id),
        ).to.deep.equal(['s-1']);
        await storage.outbox.markDelivered(['s-1'], 'o', later(31));
        expect(
          (await storage.outbox.claim('ags', 'o', later(31), later(91), 10)).map((e) => e.id),
        ).to.deep.equal(['s-2']);
      });

      it('keeps dead entries with their reason until an admin retries them', async () => {
        await storage.outbox.enqueue(entries(3), t0);
        await storage.outbox.claim('xapi', 'o', later(1), later(61), 3);
        await storage.outbox.markDead('e-00', 'o', 'LRS answered 400: bad', later(2));
        await storage.outbox.markDead('e-01', 'o', 'LRS answered 409: other', later(2));
        await storage.outbox.markDelivered(['e-02'], 'o', later(2));
        const counts = await storage.outbox.counts();
        expect(counts.map((c) => [c.target, c.status, c.count])).to.deep.equal([
          ['xapi', 'dead', 2],
          ['xapi', 'delivered', 1],
        ]);
        expect(await storage.outbox.retry(['e-00', 'e-02'], later(3))).to.equal(1);
        expect(await storage.outbox.retry('all-dead', later(3))).to.equal(1);
        expect(
          (await storage.outbox.claim('xapi', 'p', later(4), later(64), 5)).map((e) => e.id),
        ).to.deep.equal(['e-00', 'e-01']);
      });
    });

    describe('course links and line items', () => {
      const link = (overrides: Record<string, unknown> = {}) => ({
        id: 'link-1',
        platformId: 'p-1',
        deploymentId: 'd-1',
        contextId: undefined,
        resourceLinkId: 'rl-1',
        title: 'CI',
        courseId: 'ci',
        gradeService: undefined,
        passbackProblem: 'the launch carried no Assignment and Grade Services claim',
        firstLaunchAt: at('2026-01-01T00:00:00Z'),
        lastLaunchAt: at('2026-01-01T00:00:00Z'),
        ...overrides,
      });

      it('records a link once and refreshes its grade service on every launch', async () => {
        const first = await storage.courseLinks.recordLaunch(link());
        expect(first).to.deep.include({ id: 'link-1', contextId: undefined, gradeService: undefined });
        const service = { lineItemsUrl: 'https://lms.example.com/li', lineItemUrl: undefined, scopes: ['s'] };
        const again = await storage.courseLinks.recordLaunch(
          link({
            id: 'link-2',
            gradeService: service,
            passbackProblem: undefined,
            firstLaunchAt: at('2026-02-01T00:00:00Z'),
            lastLaunchAt: at('2026-02-01T00:00:00Z'),
          }),
        );
        expect(again).to.deep.include({ id: 'link-1', passbackProblem: undefined });
        expect(again.gradeService).to.deep.equal({
          lineItemsUrl: 'https://lms.example.com/li',
          scopes: ['s'],
        });
        expect(again.firstLaunchAt).to.deep.equal(at('2026-01-01T00:00:00Z'));
        expect(again.lastLaunchAt).to.deep.equal(at('2026-02-01T00:00:00Z'));
        const other = await storage.courseLinks.recordLaunch(link({ id: 'link-3', contextId: 'c-1' }));
        expect(other.id).to.equal('link-3');
        expect((await storage.courseLinks.list({ limit: 10 })).map((l) => l.id).sort()).to.deep.equal([
          'link-1',
          'link-3',
        ]);
        expect(await storage.courseLinks.findById('link-2')).to.equal(undefined);
      });

      it('keeps the first line item saved for a link and tag', async () => {
        await storage.courseLinks.recordLaunch(link());
        expect(await storage.lineItems.find('link-1', 'accredit-written')).to.equal(undefined);
        expect(
          await storage.lineItems.save(
            'link-1',
            'accredit-written',
            'https://x/1',
            at('2026-01-01T00:00:00Z'),
          ),
        ).to.equal('https://x/1');
        expect(
          await storage.lineItems.save(
            'link-1',
            'accredit-written',
            'https://x/2',
            at('2026-01-01T00:00:00Z'),
          ),
        ).to.equal('https://x/1');
        await storage.lineItems.forget('link-1', 'accredit-written');
        expect(await storage.lineItems.find('link-1', 'accredit-written')).to.equal(undefined);
      });
    });

    it('answers a ping', async () => {
      await storage.ping();
    });
  });
}
