import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { Clock } from '../ports/clock.js';
import type { SecretBox } from '../security/secret-box.js';
import { grantableScopes } from './access-scopes.js';
import type { DevPlatformUrls } from './dev-platform-urls.js';

/** An answer in the wire form of OAuth 2.0 (RFC 6749 §5.1, §5.2) and bearer errors (RFC 6750 §3.1). */
export interface OAuthAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers?: Record<string, string>;
}

const assertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const lifetimeSeconds = 3600;

/**
 * The platform's OAuth 2.0 token endpoint for LTI services (Security Framework §4.1): the
 * client-credentials grant with a JWT client assertion that must be signed by a key of the tool's
 * published JWKS (fetched over HTTP, as any platform does), issued and subject = the tool's client
 * id, audience = this token URL, used once. Tokens are sealed `{scopes, exp}` records, so they
 * need no table and stay valid across a restart; the scopes granted are those asked that exist.
 */
export class AccessTokens {
  private readonly toolKeys: ReturnType<typeof createRemoteJWKSet>;
  /** Assertion ids seen, until their expiry: a replayed assertion gets no token. */
  private readonly usedJtis = new Map<string, number>();

  constructor(private readonly deps: { urls: DevPlatformUrls; box: SecretBox; clock: Clock }) {
    this.toolKeys = createRemoteJWKSet(new URL(deps.urls.toolJwks), {
      timeoutDuration: 5000,
      cooldownDuration: 1000,
      cacheMaxAge: 600_000,
    });
  }

  async grant(form: Readonly<Record<string, unknown>>): Promise<OAuthAnswer> {
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
    if (field('grant_type') !== 'client_credentials') {
      return oauthError(400, 'unsupported_grant_type', "grant_type must be 'client_credentials'");
    }
    if (field('client_assertion_type') !== assertionType) {
      return oauthError(400, 'invalid_request', `client_assertion_type must be '${assertionType}'`);
    }
    const assertion = field('client_assertion');
    if (!assertion) return oauthError(400, 'invalid_request', 'client_assertion is missing');
    const asked = (field('scope') ?? '').split(' ').filter((s) => s !== '');
    const scopes = asked.filter((s) => grantableScopes.includes(s));
    if (scopes.length === 0) {
      return oauthError(400, 'invalid_scope', `scope must name one or more of: ${grantableScopes.join(' ')}`);
    }
    const problem = await this.verifyAssertion(assertion);
    if (problem) return oauthError(401, 'invalid_client', problem);
    const exp = Math.floor(this.deps.clock.now().getTime() / 1000) + lifetimeSeconds;
    return {
      status: 200,
      body: {
        access_token: this.deps.box.seal(JSON.stringify({ scopes, exp }), 'access-token'),
        token_type: 'Bearer',
        expires_in: lifetimeSeconds,
        scope: scopes.join(' '),
      },
      headers: { 'Cache-Control': 'no-store' },
    };
  }

  /** Undefined when the request carries a live token with one of the scopes; the bearer error otherwise. */
  check(authorization: string | undefined, anyOf: readonly string[]): OAuthAnswer | undefined {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token)
      return bearerError(
        401,
        'invalid_token',
        'send an access token from the token endpoint as Authorization: Bearer',
      );
    let granted: { scopes: string[]; exp: number };
    try {
      granted = JSON.parse(this.deps.box.open(token, 'access-token')) as typeof granted;
    } catch {
      return bearerError(401, 'invalid_token', 'the access token is not one this platform issued');
    }
    if (granted.exp * 1000 <= this.deps.clock.now().getTime()) {
      return bearerError(
        401,
        'invalid_token',
        'the access token has expired; ask the token endpoint for a new one',
      );
    }
    if (!anyOf.some((s) => granted.scopes.includes(s))) {
      return bearerError(403, 'insufficient_scope', `this call needs one of the scopes: ${anyOf.join(' ')}`);
    }
    return undefined;
  }

  private async verifyAssertion(assertion: string): Promise<string | undefined> {
    const { urls, clock } = this.deps;
    try {
      const { payload } = await jwtVerify(assertion, this.toolKeys, {
        algorithms: ['RS256'],
        issuer: urls.clientId,
        subject: urls.clientId,
        audience: urls.token,
        requiredClaims: ['exp', 'iat', 'jti'],
        maxTokenAge: '10m',
        clockTolerance: 60,
        currentDate: clock.now(),
      });
      const now = clock.now().getTime();
      for (const [jti, expiresAt] of this.usedJtis) if (expiresAt <= now) this.usedJtis.delete(jti);
      const jti = payload.jti as string;
      if (this.usedJtis.has(jti)) return `the client assertion ${jti} was already used`;
      this.usedJtis.set(jti, (payload.exp as number) * 1000 + 60_000);
      return undefined;
    } catch (err) {
      if (err instanceof errors.JWKSNoMatchingKey) {
        return `the client assertion is signed with a key the tool's JWKS (${urls.toolJwks}) does not publish`;
      }
      if (err instanceof errors.JOSEError) return `the client assertion does not verify: ${err.message}`;
      throw err;
    }
  }
}

function oauthError(status: number, error: string, description: string): OAuthAnswer {
  return {
    status,
    body: { error, error_description: description },
    headers: { 'Cache-Control': 'no-store' },
  };
}

function bearerError(status: number, error: string, description: string): OAuthAnswer {
  return {
    status,
    body: { error, error_description: description },
    headers: { 'WWW-Authenticate': `Bearer error="${error}", error_description="${description}"` },
  };
}
