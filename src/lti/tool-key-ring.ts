import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Clock } from '../ports/clock.js';
import type { ToolKey, ToolKeyRepository } from '../ports/storage.js';
import type { SecretBox } from '../security/secret-box.js';

export type PublicJwk = Record<string, unknown> & { kid: string; alg: 'RS256'; use: 'sig' };

/**
 * The tool's RS256 signing keys. The newest key signs; every key stays published in the JWKS
 * so platforms can verify what older keys signed while a rotation settles.
 */
export class ToolKeyRing {
  constructor(
    private readonly keys: ToolKeyRepository,
    private readonly box: SecretBox,
    private readonly clock: Clock,
  ) {}

  /** Makes sure a signing key exists; the first start generates it. */
  async ensureKey(): Promise<void> {
    if ((await this.keys.list()).length === 0) await this.rotate();
  }

  async rotate(): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair('RS256', {
      modulusLength: 2048,
      extractable: true,
    });
    const kid = randomUUID();
    const publicJwk: PublicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
    const key: ToolKey = {
      kid,
      publicJwk,
      privateJwkSealed: this.box.seal(JSON.stringify(privateJwk), kid),
      createdAt: this.clock.now(),
    };
    await this.keys.save(key);
    return kid;
  }

  async jwks(): Promise<{ keys: PublicJwk[] }> {
    return {
      keys: (await this.keys.list()).map(
        (k) => ({ ...k.publicJwk, kid: k.kid, alg: 'RS256', use: 'sig' }) as PublicJwk,
      ),
    };
  }

  /** The newest key's private half, for signing (client assertions, deep linking responses). */
  async newestPrivateJwk(): Promise<{ kid: string; jwk: JWK }> {
    const all = await this.keys.list();
    const newest = all[all.length - 1];
    if (!newest) throw new Error('the tool has no signing key; ensureKey() runs at start');
    return { kid: newest.kid, jwk: JSON.parse(this.box.open(newest.privateJwkSealed, newest.kid)) as JWK };
  }
}
