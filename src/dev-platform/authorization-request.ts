import type { Program } from '../domain/content/program.js';
import type { DeepLinkingRequests, PendingDeepLinking } from './deep-linking-requests.js';
import { type Destination, findDestination } from './destinations.js';
import type { DevPlatformUrls } from './dev-platform-urls.js';
import { type Persona, personaById } from './personas.js';
import type { Placement } from './placements.js';

/** What a launch is for: a resource link, or a deep linking request the platform started. */
export type LaunchTarget =
  | { readonly kind: 'link'; readonly destination: Destination }
  | { readonly kind: 'deep-linking'; readonly request: PendingDeepLinking };

/** What the `lti_message_hint` a platform issued can name. */
export interface LaunchTargets {
  readonly program: Program;
  readonly placements: readonly Placement[];
  readonly deepLinking: DeepLinkingRequests;
}

export const deepLinkingHintPrefix = 'deep-linking:';

export interface AuthorizationRequest {
  readonly persona: Persona;
  readonly target: LaunchTarget;
  readonly redirectUri: string;
  readonly nonce: string;
  readonly state: string;
}

/**
 * Checks the tool's OIDC authentication request (Security Framework §5.1.1.2; OIDC Core §3.1.2.1,
 * §15.5 for `prompt=none`) as a platform must: the client and the redirect URI it registered, the
 * fixed parameters of an LTI launch, a nonce and a state to return, and hints the platform issued.
 * Answers the request, or every problem found.
 */
export function readAuthorizationRequest(
  urls: DevPlatformUrls,
  targets: LaunchTargets,
  params: Readonly<Record<string, unknown>>,
): AuthorizationRequest | { problems: string[] } {
  const text = (name: string): string | undefined => {
    const v = params[name];
    return typeof v === 'string' && v !== '' && v.length <= 2048 ? v : undefined;
  };
  const problems: string[] = [];
  const expect = (name: string, wanted: string, why: string) => {
    const got = text(name);
    if (got !== wanted) problems.push(`${name} is ${got === undefined ? 'missing' : `'${got}'`}; ${why}`);
  };
  expect('client_id', urls.clientId, `the tool is registered here as '${urls.clientId}'`);
  expect(
    'redirect_uri',
    urls.toolLaunch,
    `the only redirect URI registered for the tool is ${urls.toolLaunch}`,
  );
  const scopes = (text('scope') ?? '').split(' ');
  if (!scopes.includes('openid')) problems.push("scope must include 'openid'");
  expect('response_type', 'id_token', "an LTI launch asks for response_type 'id_token'");
  expect('response_mode', 'form_post', "an LTI launch asks for response_mode 'form_post'");
  expect('prompt', 'none', "an LTI launch asks for prompt 'none'");
  const nonce = text('nonce');
  if (nonce === undefined)
    problems.push('nonce is missing; the tool must send one to tie the id_token to its login');
  const state = text('state');
  if (state === undefined) problems.push('state is missing; the tool must send one to find its login again');
  const loginHint = text('login_hint');
  const persona = loginHint === undefined ? undefined : personaById(loginHint);
  if (!persona) {
    problems.push(
      `login_hint ${loginHint === undefined ? 'is missing' : `'${loginHint}' names nobody`}; the tool must send back the login_hint of the login initiation`,
    );
  }
  const messageHint = text('lti_message_hint');
  const target = messageHint === undefined ? undefined : targetOf(targets, messageHint);
  if (!target) {
    problems.push(
      `lti_message_hint ${messageHint === undefined ? 'is missing' : `'${messageHint}' names no link and no deep linking request in progress`}; the tool must send back the lti_message_hint of the login initiation`,
    );
  }
  if (target?.kind === 'deep-linking' && persona && target.request.persona.id !== persona.id) {
    problems.push(
      `login_hint '${persona.id}' is not who started this deep linking request ('${target.request.persona.id}')`,
    );
  }
  if (problems.length > 0 || !persona || !target || !nonce || !state) return { problems };
  return { persona, target, redirectUri: urls.toolLaunch, nonce, state };
}

function targetOf(targets: LaunchTargets, hint: string): LaunchTarget | undefined {
  if (hint.startsWith(deepLinkingHintPrefix)) {
    const request = targets.deepLinking.find(hint.slice(deepLinkingHintPrefix.length));
    return request ? { kind: 'deep-linking', request } : undefined;
  }
  const destination = findDestination(targets.program, targets.placements, hint);
  return destination ? { kind: 'link', destination } : undefined;
}
