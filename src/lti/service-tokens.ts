import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import type { Platform } from '../domain/platform.js';
import type { Clock } from '../ports/clock.js';
import { callService, type ServiceAnswer } from './service-answer.js';
import type { ToolKeyRing } from './tool-key-ring.js';

export type TokenAnswer =
  | { readonly ok: true; readonly token: string }
  | { readonly ok: false; readonly answer: ServiceAnswer };

/**
 * Access tokens for a platform's services (1EdTech Security §4.1): the client-credentials grant
 * with a client assertion signed by the tool's newest key, `iss` = `sub` = the client id, `aud` =
 * the platform's own token audience when it has one (Brightspace), its token URL otherwise. Tokens
 * are cached per platform and scope set until shortly before they expire.
 */
export class ServiceTokens {
  private readonly cache = new Map<string, { token: string; expiresAt: number }>();

  constructor(
    private readonly deps: { keyRing: ToolKeyRing; clock: Clock; userAgent: string; timeoutMs: number },
  ) {}

  async token(platform: Platform, scopes: readonly string[]): Promise<TokenAnswer> {
    const key = cacheKey(platform, scopes);
    const now = this.deps.clock.now().getTime();
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now) return { ok: true, token: cached.token };
    const answer = await callService(
      platform.accessTokenUrl,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
          'User-Agent': this.deps.userAgent,
        },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: await this.assertion(platform),
          scope: [...scopes].sort().join(' '),
        }).toString(),
      },
      this.deps.timeoutMs,
    );
    if (!answer.reached || answer.status >= 300) return { ok: false, answer };
    const body = parseToken(answer.body);
    if (!body) {
      return {
        ok: false,
        answer: {
          ...answer,
          status: 502,
          body: `the token endpoint's answer has no access_token: ${answer.body}`,
        },
      };
    }
    // Renew a minute early (or at half-life for short tokens) so a token never expires in flight.
    const lifetimeMs = body.expiresIn * 1000;
    this.cache.set(key, {
      token: body.token,
      expiresAt: now + lifetimeMs - Math.min(60_000, lifetimeMs / 2),
    });
    return { ok: true, token: body.token };
  }

  /** Forgets a token the platform refused (401), so the next call asks for a new one. */
  invalidate(platform: Platform, scopes: readonly string[]): void {
    this.cache.delete(cacheKey(platform, scopes));
  }

  private async assertion(platform: Platform): Promise<string> {
    const { kid, jwk } = await this.deps.keyRing.newestPrivateJwk();
    const now = Math.floor(this.deps.clock.now().getTime() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(platform.clientId)
      .setSubject(platform.clientId)
      .setAudience(platform.tokenAudience ?? platform.accessTokenUrl)
      .setIssuedAt(now - 5)
      .setExpirationTime(now + 300)
      .setJti(randomUUID())
      .sign(await importJWK(jwk, 'RS256'));
  }
}

function cacheKey(platform: Platform, scopes: readonly string[]): string {
  return `${platform.id} ${[...scopes].sort().join(' ')}`;
}

function parseToken(text: string): { token: string; expiresIn: number } | undefined {
  try {
    const body = JSON.parse(text) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string' || body.access_token === '') return undefined;
    const expiresIn = Number(body.expires_in);
    return {
      token: body.access_token,
      expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600,
    };
  } catch {
    return undefined;
  }
}
