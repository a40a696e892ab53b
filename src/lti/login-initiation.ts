import { defaults } from '../config/defaults.js';
import type { Platform } from '../domain/platform.js';
import { AppError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { LoginStateRepository, PlatformRepository } from '../ports/storage.js';
import { randomToken, tokenHash } from '../security/random-token.js';
import {
  type PlatformStorageRequest,
  parseStorageTarget,
  platformOrigin,
  storageKey,
} from './platform-storage.js';
import { isUnderTool } from './tool-url.js';

export interface LoginInitiationDeps {
  readonly platforms: PlatformRepository;
  readonly loginStates: LoginStateRepository;
  readonly clock: Clock;
  /** The tool's public URL, without a trailing slash. */
  readonly publicUrl: string;
}

export interface LoginRedirect {
  readonly redirectUrl: string;
  readonly state: string;
  readonly expiresAt: Date;
  /** When the platform offered its storage: where to put which value before going on. */
  readonly platformStorage?: PlatformStorageRequest & { readonly value: string };
}

/**
 * OIDC third-party login initiation (LTI Security Framework §5.1.1): checks who is asking and where
 * the launch will land, stores a CSPRNG state and nonce bound to each other, and sends the browser
 * to the platform's authorization endpoint. With `lti_storage_target` it also makes a proof for the
 * platform's storage (kept here only as a hash), for a browser that will refuse the state cookie.
 */
export async function initiateLogin(
  deps: LoginInitiationDeps,
  params: Readonly<Record<string, unknown>>,
): Promise<LoginRedirect> {
  const request = requireLoginParameters(params);
  const platform = await findRegistration(deps.platforms, request.iss, request.clientId);
  requireTargetOnTool(request.targetLinkUri, deps.publicUrl);
  requireKnownDeployment(platform, request.deploymentId);
  const now = deps.clock.now();
  const offer =
    request.storageTarget === undefined ? undefined : { target: request.storageTarget, proof: randomToken() };
  const state = {
    state: randomToken(),
    nonce: randomToken(),
    platformId: platform.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + defaults.loginStateTtlSeconds * 1000),
    ...(offer ? { platformStorage: { target: offer.target, proofHash: tokenHash(offer.proof) } } : {}),
  };
  await deps.loginStates.save(state);
  const url = new URL(platform.authLoginUrl);
  const query: Record<string, string | undefined> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: platform.clientId,
    redirect_uri: `${deps.publicUrl}/lti/launch`,
    login_hint: request.loginHint,
    lti_message_hint: request.messageHint,
    state: state.state,
    nonce: state.nonce,
  };
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
  const redirect = { redirectUrl: url.toString(), state: state.state, expiresAt: state.expiresAt };
  if (!offer) return redirect;
  return {
    ...redirect,
    platformStorage: {
      target: offer.target,
      origin: platformOrigin(platform),
      key: storageKey(state.state),
      value: offer.proof,
    },
  };
}

interface LoginRequest {
  iss: string;
  loginHint: string;
  targetLinkUri: string;
  clientId: string | undefined;
  deploymentId: string | undefined;
  messageHint: string | undefined;
  storageTarget: string | undefined;
}

function requireLoginParameters(params: Readonly<Record<string, unknown>>): LoginRequest {
  const text = (name: string): string | undefined => {
    const v = params[name];
    return typeof v === 'string' && v !== '' && v.length <= 4096 ? v : undefined;
  };
  const missing = ['iss', 'login_hint', 'target_link_uri'].filter((name) => text(name) === undefined);
  if (missing.length > 0) {
    throw new AppError(
      'invalid_login',
      `Login initiation is missing ${missing.join(', ')}: a platform must send iss, login_hint and target_link_uri.`,
    );
  }
  return {
    iss: text('iss')!,
    loginHint: text('login_hint')!,
    targetLinkUri: text('target_link_uri')!,
    clientId: text('client_id'),
    deploymentId: text('lti_deployment_id'),
    messageHint: text('lti_message_hint'),
    storageTarget: storageTarget(params.lti_storage_target),
  };
}

function storageTarget(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  const target = parseStorageTarget(value);
  if (target === undefined) {
    throw new AppError(
      'invalid_login',
      'lti_storage_target is not a frame name (up to 255 letters, digits, and _ . : -): the platform must send the name of its storage frame, or _parent.',
    );
  }
  return target;
}

async function findRegistration(
  platforms: PlatformRepository,
  iss: string,
  clientId: string | undefined,
): Promise<Platform> {
  if (clientId !== undefined) {
    const platform = await platforms.findByIssuerAndClientId(iss, clientId);
    if (platform) return platform;
    throw new AppError(
      'unknown_platform',
      `No platform is registered with issuer '${iss}' and client id '${clientId}'. An admin registers it with POST /api/admin/platforms or 'npx accredit platform add'.`,
    );
  }
  const candidates = await platforms.findByIssuer(iss);
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) {
    throw new AppError(
      'unknown_platform',
      `No platform is registered with issuer '${iss}'. An admin registers it with POST /api/admin/platforms or 'npx accredit platform add'.`,
    );
  }
  throw new AppError(
    'invalid_login',
    `Several registrations share issuer '${iss}': the platform must send client_id with the login initiation.`,
  );
}

function requireTargetOnTool(targetLinkUri: string, publicUrl: string): void {
  if (!isUnderTool(targetLinkUri, publicUrl)) {
    throw new AppError(
      'invalid_login',
      `target_link_uri '${targetLinkUri}' does not point at this tool (${publicUrl}); check the tool's URL in the platform's registration.`,
    );
  }
}

function requireKnownDeployment(platform: Platform, deploymentId: string | undefined): void {
  if (deploymentId === undefined || platform.acceptNewDeployments) return;
  if (!platform.deploymentIds.includes(deploymentId)) throw unknownDeployment(platform, deploymentId);
}

export function unknownDeployment(platform: Platform, deploymentId: string): AppError {
  return new AppError(
    'unknown_deployment',
    `Deployment '${deploymentId}' is not registered for platform '${platform.name}' (issuer '${platform.issuer}', client id '${platform.clientId}'). An admin adds it to the registration, or lets the platform accept new deployments.`,
  );
}
