import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';
import { defaults } from '../config/defaults.js';

/**
 * One remote key set per platform JWKS URL: fetched with a timeout, cached, and refetched
 * (at most once a second) when a token names a `kid` the cached set lacks.
 */
export class PlatformKeySets {
  private readonly sets = new Map<string, JWTVerifyGetKey>();

  constructor(private readonly userAgent: string) {}

  forUrl(jwksUrl: string): JWTVerifyGetKey {
    let set = this.sets.get(jwksUrl);
    if (!set) {
      set = createRemoteJWKSet(new URL(jwksUrl), {
        timeoutDuration: defaults.jwksTimeoutMilliseconds,
        // An unknown kid refetches the set at once, but at most once a second whatever tokens arrive.
        cooldownDuration: 1000,
        cacheMaxAge: defaults.jwksCacheMaxAgeSeconds * 1000,
        headers: { 'User-Agent': this.userAgent, Accept: 'application/json' },
        [customFetch]: (url: string, init: RequestInit) => fetch(url, { ...init, redirect: 'error' }),
      });
      this.sets.set(jwksUrl, set);
    }
    return set;
  }

  /** Forgets a platform's keys, e.g. when its registration changes. */
  forget(jwksUrl: string): void {
    this.sets.delete(jwksUrl);
  }
}
