/** LTI 1.3 claim names (1EdTech Core 1.3, Deep Linking 2.0, AGS 2.0, NRPS 2.0). */
const lti = 'https://purl.imsglobal.org/spec/lti/claim/';

export const claim = {
  messageType: `${lti}message_type`,
  version: `${lti}version`,
  deploymentId: `${lti}deployment_id`,
  targetLinkUri: `${lti}target_link_uri`,
  resourceLink: `${lti}resource_link`,
  roles: `${lti}roles`,
  context: `${lti}context`,
  custom: `${lti}custom`,
  toolPlatform: `${lti}tool_platform`,
  launchPresentation: `${lti}launch_presentation`,
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  agsEndpoint: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
} as const;

export const supportedMessageTypes = ['LtiResourceLinkRequest', 'LtiDeepLinkingRequest'] as const;
export type SupportedMessageType = (typeof supportedMessageTypes)[number];
