import { createPublicKey, createSign, createVerify } from 'node:crypto';
import { expect } from 'chai';
import { LtijsDatabasePlugin } from '../../src/lti/ltijs-database-plugin.js';
import { LtijsEngine } from '../../src/lti/ltijs-engine.js';
import { ToolKeyRing } from '../../src/lti/tool-key-ring.js';
import { systemClock } from '../../src/ports/clock.js';
import { SecretBox } from '../../src/security/secret-box.js';
import { registerPlatform } from '../../src/services/register-platform.js';
import { testDatabases } from '../support/test-databases.js';

for (const database of testDatabases) {
  describe(`ltijs on our storage (${database.name})`, () => {
    let storage: Awaited<ReturnType<typeof database.open>>;
    let plugin: LtijsDatabasePlugin;
    let keyRing: ToolKeyRing;
    let engine: LtijsEngine;
    const ltiKey = 'k'.repeat(40);

    before(async () => {
      storage = await database.open();
      keyRing = new ToolKeyRing(storage.toolKeys, new SecretBox(ltiKey, 'tool-keys'), systemClock);
      await keyRing.ensureKey();
      plugin = new LtijsDatabasePlugin({
        platforms: storage.platforms,
        records: storage.ltiRecords,
        keyRing,
        box: new SecretBox(ltiKey, 'ltijs-records'),
        clock: systemClock,
      });
      engine = new LtijsEngine({
        ltiKey,
        publicUrl: 'http://127.0.0.1:9',
        plugin,
        platforms: storage.platforms,
        keyRing,
        clock: systemClock,
      });
    });

    after(async () => {
      await storage.destroy();
    });

    it("answers ltijs's platform lookups from our registry, signing with the tool key our JWKS publishes", async () => {
      await registerPlatform(
        { platforms: storage.platforms, clock: systemClock },
        {
          issuer: 'https://lms.example.com',
          clientId: 'c-1',
          name: 'LMS',
          authLoginUrl: 'https://lms.example.com/auth',
          accessTokenUrl: 'https://lms.example.com/token',
          jwksUrl: 'https://lms.example.com/jwks',
          tokenAudience: 'https://lms.example.com/oauth2/audience',
          acceptNewDeployments: false,
          deploymentIds: [],
        },
      );
      const platform = await engine.platform('https://lms.example.com', 'c-1');
      expect(platform).to.not.equal(false);
      if (platform === false) return;
      expect(await platform.platformClientId()).to.equal('c-1');
      const pem = await platform.platformPrivateKey();
      const signature = createSign('RSA-SHA256').update('hello').sign(pem);
      const [published] = (await keyRing.jwks()).keys;
      expect(await platform.platformId()).to.equal(published!.kid);
      const publicKey = createPublicKey({
        key: published as import('node:crypto').JsonWebKey,
        format: 'jwk',
      });
      expect(createVerify('RSA-SHA256').update('hello').verify(publicKey, signature)).to.equal(true);
      expect(await engine.platform('https://lms.example.com', 'unknown')).to.equal(false);
    });

    it('stores what ltijs asks to encrypt sealed with AES-GCM, and returns it with createdAt', async () => {
      await plugin.Insert(
        'ignored-ltijs-key',
        'accesstoken',
        { token: { access_token: 'secret-token' } },
        { platformUrl: 'p', clientId: 'c', scopes: 's' },
      );
      const [raw] = await storage.ltiRecords.find(
        'accesstoken',
        { platformUrl: 'p', clientId: 'c', scopes: 's' },
        new Date(),
      );
      expect(raw!.data).to.match(/^v1\./).and.not.contain('secret-token');
      expect(raw!.expiresAt!.getTime() - raw!.createdAt.getTime()).to.equal(3600_000);
      const docs = await plugin.Get('ignored-ltijs-key', 'accesstoken', {
        scopes: 's',
        clientId: 'c',
        platformUrl: 'p',
      });
      expect(docs).to.be.an('array').with.length(1);
      expect((docs as Record<string, unknown>[])[0]).to.deep.include({
        token: { access_token: 'secret-token' },
      });
      expect((docs as Record<string, unknown>[])[0]!.createdAt).to.be.a('number');
    });

    it('modifies and deletes documents, and answers false when nothing matches', async () => {
      await plugin.Insert(false, 'platformStatus', { id: 'x', active: false });
      await plugin.Modify(false, 'platformStatus', { id: 'x' }, { active: true });
      expect((await plugin.Get(false, 'platformStatus', { id: 'x' })) as unknown[]).to.have.length(1);
      expect(
        ((await plugin.Get(false, 'platformStatus', { id: 'x' })) as Record<string, unknown>[])[0],
      ).to.include({ active: true });
      await plugin.Delete('platformStatus', { id: 'x' });
      expect(await plugin.Get(false, 'platformStatus', { id: 'x' })).to.equal(false);
    });

    it('refuses to let ltijs write registrations or keys', async () => {
      for (const collection of ['platform', 'publickey', 'privatekey']) {
        let error: unknown;
        try {
          await plugin.Insert(false, collection, { a: 1 });
        } catch (err) {
          error = err;
        }
        expect(String(error)).to.contain(`ltijs may not write '${collection}'`);
      }
    });
  });
}
