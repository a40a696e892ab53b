import type { Destination } from './destinations.js';
import type { DevPlatformUrls } from './dev-platform-urls.js';
import type { Persona } from './personas.js';

/**
 * The third-party login initiation (LTI Security Framework §5.1.1) a platform sends the browser to:
 * the tool's login URL with the issuer, who (`login_hint`, opaque to the tool: the persona) and
 * where (`lti_message_hint`: the destination), the target link, the client id and the deployment.
 */
export function loginInitiationUrl(
  urls: DevPlatformUrls,
  persona: Persona,
  destination: Destination,
): string {
  const url = new URL(urls.toolLogin);
  url.search = new URLSearchParams({
    iss: urls.issuer,
    login_hint: persona.id,
    target_link_uri: urls.toolLaunch,
    client_id: urls.clientId,
    lti_deployment_id: urls.deploymentId,
    lti_message_hint: destination.id,
  }).toString();
  return url.toString();
}
