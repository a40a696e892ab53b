import type { JWTPayload } from 'jose';
import { agsScopes } from './access-scopes.js';
import type { LaunchTarget } from './authorization-request.js';
import type { PendingDeepLinking } from './deep-linking-requests.js';
import { type Destination, devContext } from './destinations.js';
import type { DevPlatformUrls } from './dev-platform-urls.js';
import { fullName, type Persona } from './personas.js';

const lti = 'https://purl.imsglobal.org/spec/lti/claim/';

/** How long an id_token is valid: the browser posts it at once. */
const lifetimeSeconds = 300;

export interface IdTokenInput {
  readonly urls: DevPlatformUrls;
  readonly persona: Persona;
  readonly target: LaunchTarget;
  readonly nonce: string;
  readonly now: Date;
}

/** The id_token's claims for the launch's target: a resource link, or a deep linking request. */
export function idTokenClaims(input: IdTokenInput): JWTPayload {
  return input.target.kind === 'link'
    ? resourceLinkClaims(input, input.target.destination)
    : deepLinkingClaims(input, input.target.request);
}

/**
 * The claims of a resource link launch (LTI Core 1.3 §5.3-5.4), with what an LMS adds: the course
 * (context), the link, the person's names and roles, the presentation, the Assignment and Grade
 * Services endpoint (line items and the three scopes) and the Names and Role Provisioning endpoint.
 */
function resourceLinkClaims(input: IdTokenInput, destination: Destination): JWTPayload {
  const { urls } = input;
  return {
    ...commonClaims(input),
    [`${lti}message_type`]: 'LtiResourceLinkRequest',
    [`${lti}target_link_uri`]: destination.targetLinkUri ?? urls.toolLaunch,
    [`${lti}resource_link`]: { id: destination.resourceLinkId, title: destination.title },
    [`${lti}launch_presentation`]: { document_target: 'window', return_url: urls.startPage, locale: 'en' },
    [`${lti}custom`]: { ...destination.custom },
    'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
      scope: [...agsScopes],
      lineitems: urls.lineItems(devContext.id),
    },
    'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice': {
      context_memberships_url: urls.memberships(devContext.id),
      service_versions: ['2.0'],
    },
  };
}

/**
 * The claims of a deep linking request (Deep Linking 2.0 §4.4): no resource link; the settings say
 * where the response goes, that LTI resource links are taken (several at once, shown in a frame or
 * a window), that a line item an item carries is created, and the `data` the response must echo.
 */
function deepLinkingClaims(input: IdTokenInput, request: PendingDeepLinking): JWTPayload {
  const { urls } = input;
  return {
    ...commonClaims(input),
    [`${lti}message_type`]: 'LtiDeepLinkingRequest',
    [`${lti}target_link_uri`]: urls.toolLaunch,
    [`${lti}launch_presentation`]: { document_target: 'window', return_url: urls.startPage, locale: 'en' },
    'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': {
      deep_link_return_url: urls.deepLinkingReturn,
      accept_types: ['ltiResourceLink'],
      accept_presentation_document_targets: ['iframe', 'window'],
      accept_multiple: true,
      accept_lineitem: true,
      auto_create: true,
      title: 'Accredit',
      text: `Add Accredit to ${devContext.title}`,
      data: request.data,
    },
  };
}

function commonClaims(input: IdTokenInput): JWTPayload {
  const { urls, persona } = input;
  const iat = Math.floor(input.now.getTime() / 1000);
  return {
    iss: urls.issuer,
    aud: urls.clientId,
    azp: urls.clientId,
    sub: persona.subject,
    iat,
    exp: iat + lifetimeSeconds,
    nonce: input.nonce,
    name: fullName(persona),
    given_name: persona.givenName,
    family_name: persona.familyName,
    email: persona.email,
    locale: 'en',
    [`${lti}version`]: '1.3.0',
    [`${lti}deployment_id`]: urls.deploymentId,
    [`${lti}roles`]: [...persona.roles],
    [`${lti}context`]: { ...devContext, type: [...devContext.type] },
    [`${lti}tool_platform`]: {
      guid: `${urls.issuer}#platform`,
      name: urls.name,
      product_family_code: 'accredit-dev',
      version: '1',
    },
  };
}
