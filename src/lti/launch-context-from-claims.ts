import type { JWTPayload } from 'jose';
import type { DeepLinkingSettings } from '../domain/deep-linking.js';
import type { GradeService } from '../domain/grade-passback/grade-service.js';
import type { LaunchContext } from '../domain/launch-context.js';
import type { Platform } from '../domain/platform.js';
import { claim, type SupportedMessageType } from './claims.js';
import { deepLinkingSettingsOf } from './deep-linking-settings.js';
import { rolesFromLti } from './lti-roles.js';

/** Our view of a verified launch; optional claims (name, email, context) may all be absent. */
export function launchContextFromClaims(
  platform: Platform,
  deploymentId: string,
  messageType: SupportedMessageType,
  payload: JWTPayload,
): LaunchContext {
  const ltiRoles = (payload[claim.roles] as string[]).filter((r) => r.trim() !== '');
  const context = payload[claim.context] as { id?: unknown; title?: unknown } | undefined;
  const link = payload[claim.resourceLink] as { id?: unknown; title?: unknown } | undefined;
  const custom = stringsOf(payload[claim.custom]);
  return {
    platformId: platform.id,
    issuer: platform.issuer,
    deploymentId,
    messageType,
    subject: payload.sub as string,
    roles: rolesFromLti(ltiRoles),
    ltiRoles,
    name: text(payload.name) ?? joinNames(payload.given_name, payload.family_name),
    email: text(payload.email),
    context: typeof context?.id === 'string' ? { id: context.id, title: text(context.title) } : undefined,
    resourceLink: typeof link?.id === 'string' ? { id: link.id, title: text(link.title) } : undefined,
    courseId: custom.course,
    custom,
    gradeService: gradeServiceOf(payload[claim.agsEndpoint]),
    deepLinking: messageType === 'LtiDeepLinkingRequest' ? deepLinkingOf(payload) : undefined,
  };
}

/** The verifier has refused a deep linking request whose settings are unusable. */
function deepLinkingOf(payload: JWTPayload): DeepLinkingSettings {
  const settings = deepLinkingSettingsOf(payload[claim.deepLinkingSettings]);
  if ('problem' in settings) throw new Error(settings.problem);
  return settings;
}

/** The AGS endpoint claim; URLs that are not http(s) are dropped rather than called. */
function gradeServiceOf(value: unknown): GradeService | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const endpoint = value as { lineitems?: unknown; lineitem?: unknown; scope?: unknown };
  const scopes = Array.isArray(endpoint.scope)
    ? endpoint.scope.filter((s): s is string => typeof s === 'string')
    : [];
  return { lineItemsUrl: httpUrl(endpoint.lineitems), lineItemUrl: httpUrl(endpoint.lineitem), scopes };
}

function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? value : undefined;
  } catch {
    return undefined;
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 500) : undefined;
}

function joinNames(given: unknown, family: unknown): string | undefined {
  const name = [text(given), text(family)].filter((s) => s !== undefined).join(' ');
  return name === '' ? undefined : name;
}

/** Custom claims are string-valued by spec; anything else is dropped rather than trusted. */
function stringsOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string' && v.length <= 1000) out[k] = v;
  return out;
}
