import type { JWTPayload } from 'jose';
import { agsScopes } from './access-scopes.js';
import { type Destination, devContext } from './destinations.js';
import type { DevPlatformUrls } from './dev-platform-urls.js';
import { fullName, type Persona } from './personas.js';

const lti = 'https://purl.imsglobal.org/spec/lti/claim/';

/** How long an id_token is valid: the browser posts it at once. */
const lifetimeSeconds = 300;

/**
 * The claims of a resource link launch (LTI Core 1.3 §5.3-5.4), with what an LMS adds: the course
 * (context), the link, the person's names and roles, the presentation, the Assignment and Grade
 * Services endpoint (line items and the three scopes) and the Names and Role Provisioning endpoint.
 */
export function idTokenClaims(input: {
  urls: DevPlatformUrls;
  persona: Persona;
  destination: Destination;
  nonce: string;
  now: Date;
}): JWTPayload {
  const { urls, persona, destination } = input;
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
    [`${lti}message_type`]: 'LtiResourceLinkRequest',
    [`${lti}version`]: '1.3.0',
    [`${lti}deployment_id`]: urls.deploymentId,
    [`${lti}target_link_uri`]: urls.toolLaunch,
    [`${lti}resource_link`]: { id: destination.resourceLinkId, title: destination.title },
    [`${lti}roles`]: [...persona.roles],
    [`${lti}context`]: { ...devContext, type: [...devContext.type] },
    [`${lti}tool_platform`]: {
      guid: `${urls.issuer}#platform`,
      name: urls.name,
      product_family_code: 'accredit-dev',
      version: '1',
    },
    [`${lti}launch_presentation`]: { document_target: 'window', return_url: urls.startPage, locale: 'en' },
    [`${lti}custom`]: destination.courseId ? { course: destination.courseId } : {},
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
