import { randomBytes } from 'node:crypto';
import { importJWK, type JWTPayload, SignJWT } from 'jose';
import {
  type DeepLinkingSettings,
  type Placement,
  resourceLinkType,
  sendsLineItem,
} from '../domain/deep-linking.js';
import { stageLabels } from '../domain/grade-passback/stage-grade.js';
import type { Platform } from '../domain/platform.js';
import type { Clock } from '../ports/clock.js';
import { claim } from './claims.js';
import type { ToolKeyRing } from './tool-key-ring.js';

/** How long the response is valid: the browser posts it at once. */
const lifetimeSeconds = 300;
const dl = 'https://purl.imsglobal.org/spec/lti-dl/claim/';

export const deepLinkingClaim = {
  contentItems: `${dl}content_items`,
  data: `${dl}data`,
  msg: `${dl}msg`,
  log: `${dl}log`,
  errorMsg: `${dl}errormsg`,
  errorLog: `${dl}errorlog`,
} as const;

export interface DeepLinkingAnswer {
  /** The platform and deployment of the session the request opened: the only ones it is signed for. */
  readonly platform: Platform;
  readonly deploymentId: string;
  readonly settings: DeepLinkingSettings;
  readonly placements: readonly Placement[];
  /** The tool's launch URL (PUBLIC_URL/lti/launch), where every placed link points. */
  readonly launchUrl: string;
  /** Shown to the user by the platform (`msg`), and kept in its logs (`log`). */
  readonly message?: string;
  readonly log?: string;
  /** Set instead when nothing could be placed. */
  readonly errorMessage?: string;
}

/**
 * The LtiDeepLinkingResponse (Deep Linking 2.0 §4.5), signed RS256 with the tool's newest key (its
 * `kid` in the header): `iss` is the tool's client id at the platform, `aud` the platform's issuer,
 * with a fresh 128-bit nonce, the request's `data` echoed, and one `ltiResourceLink` per placement.
 */
export async function signDeepLinkingResponse(
  deps: { keyRing: ToolKeyRing; clock: Clock },
  answer: DeepLinkingAnswer,
): Promise<string> {
  const { kid, jwk } = await deps.keyRing.newestPrivateJwk();
  const now = Math.floor(deps.clock.now().getTime() / 1000);
  return new SignJWT(deepLinkingResponseClaims(answer))
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuer(answer.platform.clientId)
    .setAudience(answer.platform.issuer)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(await importJWK(jwk, 'RS256'));
}

/** The message's claims, without the registered ones signing adds. */
export function deepLinkingResponseClaims(answer: DeepLinkingAnswer): JWTPayload {
  const { settings } = answer;
  return {
    nonce: randomBytes(16).toString('base64url'),
    [claim.messageType]: 'LtiDeepLinkingResponse',
    [claim.version]: '1.3.0',
    [claim.deploymentId]: answer.deploymentId,
    ...(settings.data === undefined ? {} : { [deepLinkingClaim.data]: settings.data }),
    [deepLinkingClaim.contentItems]: answer.placements.map((p) => contentItem(p, settings, answer.launchUrl)),
    ...(answer.message ? { [deepLinkingClaim.msg]: answer.message } : {}),
    ...(answer.log ? { [deepLinkingClaim.log]: answer.log } : {}),
    ...(answer.errorMessage ? { [deepLinkingClaim.errorMsg]: answer.errorMessage } : {}),
  };
}

/**
 * One LTI resource link (Deep Linking 2.0 §3.1). A course link carries `custom.course`, and the
 * written exam's line item when the platform creates line items (`accept_lineitem`): the same tag
 * and resourceId the tool looks for before it creates one, so its scores land in that column.
 */
function contentItem(placement: Placement, settings: DeepLinkingSettings, launchUrl: string) {
  if (placement.kind === 'progress') {
    return { type: resourceLinkType, title: placement.title, url: launchUrl };
  }
  return {
    type: resourceLinkType,
    title: placement.title,
    url: launchUrl,
    custom: { course: placement.courseId },
    ...(sendsLineItem(settings, placement)
      ? {
          lineItem: {
            scoreMaximum: 100,
            label: `${placement.title}: ${stageLabels.written}`,
            resourceId: placement.courseId,
            tag: 'accredit-written',
          },
        }
      : {}),
  };
}
