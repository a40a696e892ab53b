import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import type { Clock } from '../ports/clock.js';
import type { DeepLinkingRequests, PendingDeepLinking } from './deep-linking-requests.js';
import type { DevPlatformUrls } from './dev-platform-urls.js';

const lti = 'https://purl.imsglobal.org/spec/lti/claim/';
const dl = 'https://purl.imsglobal.org/spec/lti-dl/claim/';
const maxItems = 20;

/** A content item the platform will place: an LTI resource link, checked. */
export interface ReturnedLink {
  readonly resourceLinkId: string;
  readonly title: string;
  readonly url: string;
  readonly custom: Record<string, string>;
  readonly lineItem:
    | { label: string; scoreMaximum: number; resourceId: string | undefined; tag: string | undefined }
    | undefined;
}

export type DeepLinkingReturn =
  | {
      readonly request: PendingDeepLinking;
      readonly links: ReturnedLink[];
      readonly message: string | undefined;
    }
  | { readonly problems: string[] };

/**
 * The platform's side of a deep linking response (Deep Linking 2.0 §4.5): the JWT must verify with a
 * key of the tool's published JWKS (fetched over HTTP, RS256 only), be issued by the tool's client
 * id for this platform's issuer, be fresh and used once (nonce), name this deployment, and echo the
 * `data` of a request still waiting; each content item must be an LTI resource link into the tool.
 */
export class DeepLinkingReturns {
  private readonly toolKeys: ReturnType<typeof createRemoteJWKSet>;
  /** Nonces seen, until their response expires: a replayed response places nothing. */
  private readonly usedNonces = new Map<string, number>();

  constructor(private readonly deps: { urls: DevPlatformUrls; clock: Clock; requests: DeepLinkingRequests }) {
    this.toolKeys = createRemoteJWKSet(new URL(deps.urls.toolJwks), {
      timeoutDuration: 5000,
      cooldownDuration: 1000,
      cacheMaxAge: 600_000,
    });
  }

  async read(jwt: unknown): Promise<DeepLinkingReturn> {
    if (typeof jwt !== 'string' || jwt === '') {
      return { problems: ['the JWT field is missing; the tool must post its response as JWT'] };
    }
    const verified = await this.verify(jwt);
    if ('problem' in verified) return { problems: [verified.problem] };
    const payload = verified.payload;
    const problems: string[] = [];
    const { urls } = this.deps;
    if (payload[`${lti}message_type`] !== 'LtiDeepLinkingResponse') {
      problems.push(
        `message_type is '${String(payload[`${lti}message_type`])}'; expected LtiDeepLinkingResponse`,
      );
    }
    if (payload[`${lti}version`] !== '1.3.0') problems.push('version must be 1.3.0');
    if (payload[`${lti}deployment_id`] !== urls.deploymentId) {
      problems.push(
        `deployment_id is '${String(payload[`${lti}deployment_id`])}'; the tool is deployed here as '${urls.deploymentId}'`,
      );
    }
    const data = payload[`${dl}data`];
    const request = typeof data === 'string' ? this.deps.requests.byData(data) : undefined;
    if (!request) {
      problems.push(
        data === undefined
          ? 'data is missing; the response must echo the data of the deep linking request'
          : 'data is not the data of a deep linking request in progress here (it was answered already, expired, or never sent)',
      );
    }
    const links = this.contentItems(payload[`${dl}content_items`], problems);
    const nonce = payload.nonce as string;
    if (this.usedNonces.has(nonce)) problems.push(`the response's nonce ${nonce} was already used`);
    if (problems.length > 0 || !request) return { problems };
    this.usedNonces.set(nonce, (payload.exp as number) * 1000 + 60_000);
    this.deps.requests.finish(request.id);
    const message = payload[`${dl}msg`];
    return { request, links, message: typeof message === 'string' ? message.slice(0, 500) : undefined };
  }

  private async verify(jwt: string): Promise<{ payload: JWTPayload } | { problem: string }> {
    const { urls, clock } = this.deps;
    const now = clock.now().getTime();
    for (const [nonce, expiresAt] of this.usedNonces) if (expiresAt <= now) this.usedNonces.delete(nonce);
    try {
      const { payload } = await jwtVerify(jwt, this.toolKeys, {
        algorithms: ['RS256'],
        issuer: urls.clientId,
        audience: urls.issuer,
        requiredClaims: ['exp', 'iat', 'nonce'],
        maxTokenAge: '10m',
        clockTolerance: 60,
        currentDate: clock.now(),
      });
      if (typeof payload.nonce !== 'string' || payload.nonce === '') {
        return { problem: 'the response has no nonce' };
      }
      return { payload };
    } catch (err) {
      if (err instanceof errors.JWKSNoMatchingKey) {
        return {
          problem: `the response is signed with a key the tool's JWKS (${urls.toolJwks}) does not publish`,
        };
      }
      if (err instanceof errors.JWTClaimValidationFailed && (err.claim === 'iss' || err.claim === 'aud')) {
        return {
          problem:
            err.claim === 'iss'
              ? `iss must be the tool's client id here, '${urls.clientId}'`
              : `aud must be this platform's issuer, '${urls.issuer}'`,
        };
      }
      if (err instanceof errors.JOSEError) return { problem: `the response does not verify: ${err.message}` };
      throw err;
    }
  }

  private contentItems(value: unknown, problems: string[]): ReturnedLink[] {
    if (!Array.isArray(value)) {
      problems.push('content_items is missing or not an array');
      return [];
    }
    if (value.length > maxItems) {
      problems.push(`content_items has ${value.length} items; this platform takes at most ${maxItems}`);
      return [];
    }
    return value.flatMap((item, i) => {
      const link = this.resourceLink(item, `content_items[${i}]`, problems);
      return link ? [link] : [];
    });
  }

  private resourceLink(item: unknown, at: string, problems: string[]): ReturnedLink | undefined {
    const found = problems.length;
    const fields = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    if (fields.type !== 'ltiResourceLink') {
      problems.push(`${at}.type is '${String(fields.type)}'; this request accepts only ltiResourceLink`);
    }
    const title = typeof fields.title === 'string' ? fields.title.trim() : '';
    if (title === '' || title.length > 200) problems.push(`${at}.title must be text of 1 to 200 characters`);
    const url = typeof fields.url === 'string' ? fields.url : '';
    if (!this.isToolUrl(url)) {
      problems.push(`${at}.url must be an address of the tool (${this.deps.urls.toolUrl}/…)`);
    }
    const custom: Record<string, string> = {};
    if (fields.custom !== undefined) {
      if (typeof fields.custom !== 'object' || fields.custom === null || Array.isArray(fields.custom)) {
        problems.push(`${at}.custom must be an object of strings`);
      } else {
        for (const [name, v] of Object.entries(fields.custom)) {
          if (typeof v === 'string' && v.length <= 1000) custom[name] = v;
          else problems.push(`${at}.custom.${name} must be a string`);
        }
      }
    }
    const lineItem = this.lineItem(fields.lineItem, `${at}.lineItem`, problems);
    if (problems.length > found) return undefined;
    return {
      resourceLinkId: `dev-dl-${randomBytes(6).toString('hex')}`,
      title,
      url,
      custom,
      lineItem,
    };
  }

  private lineItem(value: unknown, at: string, problems: string[]): ReturnedLink['lineItem'] {
    if (value === undefined) return undefined;
    const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const max = fields.scoreMaximum;
    if (typeof max !== 'number' || !(max > 0)) problems.push(`${at}.scoreMaximum must be a number above 0`);
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v.slice(0, 255) : undefined);
    return {
      label: text(fields.label) ?? '',
      scoreMaximum: typeof max === 'number' ? max : 0,
      resourceId: text(fields.resourceId),
      tag: text(fields.tag),
    };
  }

  private isToolUrl(url: string): boolean {
    try {
      const target = new URL(url);
      const tool = new URL(this.deps.urls.toolUrl);
      return target.origin === tool.origin && target.pathname.startsWith(tool.pathname.replace(/\/+$/, ''));
    } catch {
      return false;
    }
  }
}
