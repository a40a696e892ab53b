import { createPrivateKey, createPublicKey, type JsonWebKey } from 'node:crypto';
import type { Clock } from '../ports/clock.js';
import type { LtiRecordRepository, PlatformRepository } from '../ports/storage.js';
import type { SecretBox } from '../security/secret-box.js';
import type { ToolKeyRing } from './tool-key-ring.js';

type Doc = Record<string, unknown>;

/** How long ltijs's collections keep a document; the purge job deletes what is past it. */
const ttlSeconds: Record<string, number | undefined> = {
  idtoken: 24 * 3600,
  contexttoken: 24 * 3600,
  accesstoken: 3600,
  nonce: 600,
  state: 600,
};

/**
 * The database plugin ltijs asks for (`setup(key, { plugin })`), written on Accredit's storage port,
 * so nothing of ltijs needs MongoDB:
 * - `platform` reads Accredit's platform registry (registrations change only through the admin API);
 * - `publickey` / `privatekey` read the tool's key ring;
 * - every other collection lives in `lti_records` with its expiry, encrypted with AES-GCM when ltijs
 *   asks for encryption (its own AES-CBC without integrity is never used).
 */
export class LtijsDatabasePlugin {
  constructor(
    private readonly deps: {
      platforms: PlatformRepository;
      records: LtiRecordRepository;
      keyRing: ToolKeyRing;
      box: SecretBox;
      clock: Clock;
    },
  ) {}

  async setup(): Promise<true> {
    return true;
  }

  async Close(): Promise<true> {
    return true;
  }

  async Get(encryptionKey: string | false, collection: string, query: Doc = {}): Promise<Doc[] | false> {
    const docs = await this.find(encryptionKey, collection, query);
    return docs.length > 0 ? docs : false;
  }

  async Insert(encryptionKey: string | false, collection: string, item: Doc, index?: Doc): Promise<true> {
    this.refuseOwnedCollection(collection);
    await this.deps.records.insert(this.record(encryptionKey, collection, item, index ?? item));
    return true;
  }

  async Replace(
    encryptionKey: string | false,
    collection: string,
    query: Doc,
    item: Doc,
    index?: Doc,
  ): Promise<true> {
    this.refuseOwnedCollection(collection);
    await this.deps.records.replace(
      this.record(encryptionKey, collection, item, index ?? query),
      lookupOf(query),
    );
    return true;
  }

  async Modify(
    encryptionKey: string | false,
    collection: string,
    query: Doc,
    modification: Doc,
  ): Promise<true> {
    this.refuseOwnedCollection(collection);
    const [current] = await this.find(encryptionKey, collection, query);
    const { createdAt: _ignored, ...rest } = current ?? {};
    await this.deps.records.replace(
      this.record(encryptionKey, collection, { ...rest, ...modification }, query),
      lookupOf(query),
    );
    return true;
  }

  async Delete(collection: string, query: Doc): Promise<true> {
    this.refuseOwnedCollection(collection);
    await this.deps.records.remove(collection, lookupOf(query));
    return true;
  }

  private async find(encryptionKey: string | false, collection: string, query: Doc): Promise<Doc[]> {
    if (collection === 'platform') return this.platforms(query);
    if (collection === 'publickey' || collection === 'privatekey') return this.keys(collection);
    const records = await this.deps.records.find(collection, lookupOf(query), this.deps.clock.now());
    return records.map((r) => {
      const data = encryptionKey ? this.deps.box.open(r.data, collection) : r.data;
      return { ...(JSON.parse(data) as Doc), createdAt: r.createdAt.getTime() };
    });
  }

  private async platforms(query: Doc): Promise<Doc[]> {
    const { platformUrl, clientId } = query;
    let found = [];
    if (typeof platformUrl === 'string' && typeof clientId === 'string') {
      const one = await this.deps.platforms.findByIssuerAndClientId(platformUrl, clientId);
      found = one ? [one] : [];
    } else if (typeof platformUrl === 'string') {
      found = await this.deps.platforms.findByIssuer(platformUrl);
    } else {
      found = await this.deps.platforms.list();
    }
    const { kid } = await this.deps.keyRing.newestPrivateJwk();
    return found.map((p) => ({
      platformName: p.name,
      platformUrl: p.issuer,
      clientId: p.clientId,
      authEndpoint: p.authLoginUrl,
      accesstokenEndpoint: p.accessTokenUrl,
      authorizationServer: p.tokenAudience ?? p.accessTokenUrl,
      kid,
      authConfig: { method: 'JWK_SET', key: p.jwksUrl },
    }));
  }

  private async keys(collection: 'publickey' | 'privatekey'): Promise<Doc[]> {
    const { kid, jwk } = await this.deps.keyRing.newestPrivateJwk();
    const privateKey = createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' });
    const pem =
      collection === 'privatekey'
        ? privateKey.export({ type: 'pkcs8', format: 'pem' })
        : createPublicKey(privateKey).export({ type: 'spki', format: 'pem' });
    return [{ kid, key: pem.toString() }];
  }

  private record(encryptionKey: string | false, collection: string, item: Doc, index: Doc) {
    const now = this.deps.clock.now();
    const ttl = ttlSeconds[collection];
    const data = JSON.stringify(item);
    return {
      collection,
      lookup: lookupOf(index),
      data: encryptionKey ? this.deps.box.seal(data, collection) : data,
      createdAt: now,
      expiresAt: ttl === undefined ? undefined : new Date(now.getTime() + ttl * 1000),
    };
  }

  private refuseOwnedCollection(collection: string): void {
    if (collection === 'platform' || collection === 'publickey' || collection === 'privatekey') {
      throw new Error(`ltijs may not write '${collection}': Accredit owns platform registrations and keys`);
    }
  }
}

function lookupOf(query: Doc): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
  return out;
}
