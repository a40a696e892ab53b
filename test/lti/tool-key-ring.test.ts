import { expect } from 'chai';
import { ToolKeyRing } from '../../src/lti/tool-key-ring.js';
import { systemClock } from '../../src/ports/clock.js';
import { SecretBox } from '../../src/security/secret-box.js';
import { testDatabases } from '../support/test-databases.js';

for (const database of testDatabases) {
  describe(`ToolKeyRing (${database.name})`, () => {
    it('keeps the private key sealed at rest and publishes every public key while rotating', async () => {
      const storage = await database.open();
      try {
        const ring = new ToolKeyRing(
          storage.toolKeys,
          new SecretBox('s'.repeat(40), 'tool-keys'),
          systemClock,
        );
        await ring.ensureKey();
        await ring.ensureKey();
        const [stored] = await storage.toolKeys.list();
        expect(await storage.toolKeys.list()).to.have.length(1);
        expect(stored!.privateJwkSealed).to.match(/^v1\./).and.not.contain('"d"');
        expect(stored!.publicJwk).to.not.have.any.keys('d', 'p', 'q');

        const second = await ring.rotate();
        const { keys } = await ring.jwks();
        expect(keys.map((k) => k.kid)).to.deep.equal([stored!.kid, second]);
        expect((await ring.newestPrivateJwk()).kid).to.equal(second);
        expect((await ring.newestPrivateJwk()).jwk).to.have.property('d');

        const wrongKey = new ToolKeyRing(
          storage.toolKeys,
          new SecretBox('t'.repeat(40), 'tool-keys'),
          systemClock,
        );
        let error: unknown;
        try {
          await wrongKey.newestPrivateJwk();
        } catch (err) {
          error = err;
        }
        expect(String(error)).to.contain('it was altered or LTI_KEY changed');
      } finally {
        await storage.destroy();
      }
    });
  });
}
