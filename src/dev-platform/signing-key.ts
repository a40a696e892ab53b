import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import type { SecretBox } from '../security/secret-box.js';
import { StartupError } from '../startup-error.js';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

interface StoredKey {
  readonly kid: string;
  readonly publicJwk: JWK;
  /** The private JWK, sealed (AES-256-GCM, a key derived from LTI_KEY) with the kid as associated data. */
  readonly sealedPrivateJwk: string;
}

/**
 * The platform's RS256 signing key. It is made once and kept in DATA_DIR, its private half sealed
 * like the tool's own keys, so a restart keeps the `kid` the tool has cached and old id_tokens in
 * flight still verify.
 */
export class SigningKey {
  private constructor(
    readonly kid: string,
    private readonly publicJwk: JWK,
    private readonly privateKey: PrivateKey,
  ) {}

  static async openOrCreate(file: string, box: SecretBox): Promise<SigningKey> {
    if (existsSync(file)) {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredKey;
      let privateJwk: JWK;
      try {
        privateJwk = JSON.parse(box.open(stored.sealedPrivateJwk, stored.kid)) as JWK;
      } catch (err) {
        throw new StartupError(
          `${file}: ${err instanceof Error ? err.message : String(err)}; delete the file to give the development platform a new key`,
        );
      }
      return new SigningKey(
        stored.kid,
        stored.publicJwk,
        (await importJWK(privateJwk, 'RS256')) as PrivateKey,
      );
    }
    const { publicKey, privateKey } = await generateKeyPair('RS256', {
      modulusLength: 2048,
      extractable: true,
    });
    const kid = randomUUID();
    const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    const stored: StoredKey = {
      kid,
      publicJwk,
      sealedPrivateJwk: box.seal(JSON.stringify(await exportJWK(privateKey)), kid),
    };
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    return new SigningKey(kid, publicJwk, privateKey);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  sign(payload: JWTPayload): Promise<string> {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .sign(this.privateKey);
  }
}
