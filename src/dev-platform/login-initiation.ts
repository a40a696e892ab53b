import type { DevPlatformUrls } from './dev-platform-urls.js';
import type { Persona } from './personas.js';

/**
 * The third-party login initiation (LTI Security Framework §5.1.1) a platform sends the browser to:
 * the tool's login URL with the issuer, who (`login_hint`, opaque to the tool: the persona) and
 * where (`lti_message_hint`: the destination, or the deep linking request), the target link, the
 * client id and the deployment.
 */
export function loginInitiationUrl(
  urls: DevPlatformUrls,
  persona: Persona,
  target: { readonly messageHint: string; readonly targetLinkUri?: string | undefined },
): string {
  const url = new URL(urls.toolLogin);
  url.search = new URLSearchParams({
    iss: urls.issuer,
    login_hint: persona.id,
    target_link_uri: target.targetLinkUri ?? urls.toolLaunch,
    client_id: urls.clientId,
    lti_deployment_id: urls.deploymentId,
    lti_message_hint: target.messageHint,
  }).toString();
  return url.toString();
}
