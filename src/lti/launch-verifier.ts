import { decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from 'jose';
import { defaults } from '../config/defaults.js';
import type { LaunchContext } from '../domain/launch-context.js';
import type { Platform } from '../domain/platform.js';
import { AppError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { LoginState, LoginStateRepository, PlatformRepository } from '../ports/storage.js';
import { safeEqual, tokenHash } from '../security/random-token.js';
import { claim, type SupportedMessageType, supportedMessageTypes } from './claims.js';
import { deepLinkingSettingsOf } from './deep-linking-settings.js';
import { launchContextFromClaims } from './launch-context-from-claims.js';
import { unknownDeployment } from './login-initiation.js';
import type { PlatformKeySets } from './platform-key-sets.js';
import { isUnderTool } from './tool-url.js';

export interface LaunchVerifierDeps {
  readonly platforms: PlatformRepository;
  readonly loginStates: LoginStateRepository;
  readonly keySets: PlatformKeySets;
  readonly clock: Clock;
  readonly publicUrl: string;
}

export interface LaunchForm {
  readonly idToken: unknown;
  readonly state: unknown;
  /** The state the browser's login cookie carries, if it sent one. */
  readonly browserState: string | undefined;
  /**
   * What Accredit's launch page read back from the platform's storage, when the login offered it
   * and the cookie was refused; `fromToolPage` is false unless the request came from that page
   * (same origin), since a cross-site form could carry any value.
   */
  readonly storageAnswer?: { readonly value: string; readonly fromToolPage: boolean };
}

/**
 * Verifies an LTI 1.3 launch (Security Framework §5.1.3, Core 1.3) as a list of small steps.
 * ltijs's own validator is not trusted here: the algorithm is pinned to RS256, the key comes from a
 * cached JWKS, and the nonce is consumed exactly once together with the state it was issued with.
 */
export async function verifyLaunch(deps: LaunchVerifierDeps, form: LaunchForm): Promise<LaunchContext> {
  const { idToken, state } = requireForm(form);
  const login = await consumeLoginState(deps, state);
  requireSameBrowser(form, state, login);
  requireRs256Header(idToken);
  const platform = await registrationOf(deps.platforms, login);
  const payload = await verifySignatureAndTimes(deps, platform, idToken);
  requireAuthorizedParty(payload, platform);
  requireNonce(payload, login);
  const messageType = requireLtiClaims(payload, deps.publicUrl);
  const deploymentId = await requireDeployment(deps, platform, payload);
  return launchContextFromClaims(platform, deploymentId, messageType, payload);
}

function requireForm(form: LaunchForm): { idToken: string; state: string } {
  if (typeof form.state !== 'string' || form.state === '') {
    throw new AppError(
      'invalid_request',
      'The launch carries no state: start the launch again from your platform.',
    );
  }
  if (typeof form.idToken !== 'string' || form.idToken === '') {
    throw new AppError(
      'invalid_request',
      'The launch carries no id_token: start the launch again from your platform.',
    );
  }
  return { idToken: form.idToken, state: form.state };
}

async function consumeLoginState(deps: LaunchVerifierDeps, state: string): Promise<LoginState> {
  const login = state.length <= 128 ? await deps.loginStates.consume(state) : undefined;
  if (!login || login.expiresAt.getTime() <= deps.clock.now().getTime()) {
    throw new AppError(
      'launch_expired',
      'This launch is unknown, expired or was already used (the state does not match a login in progress). Start it again from your platform.',
    );
  }
  return login;
}

const howToContinue =
  'Open Accredit in a new window (the LMS can set the link to open in one), or allow cookies for this site in your browser.';

/**
 * Ties the launch to the browser that started the login: by the state cookie, or, when the browser
 * refused it and the platform offered its storage, by the proof read back from that storage.
 */
function requireSameBrowser(form: LaunchForm, state: string, login: LoginState): void {
  if (form.browserState !== undefined) {
    if (!safeEqual(form.browserState, state)) {
      throw new AppError('invalid_state', 'The launch state does not match the login this browser started.');
    }
    return;
  }
  const answer = form.storageAnswer;
  if (!login.platformStorage) {
    throw new AppError(
      'invalid_state',
      `The browser did not send back the login cookie for this launch (browsers refuse it in a frame of another site), and the platform offered no storage to replace it, so the launch cannot be tied to the login that started it. ${howToContinue}`,
    );
  }
  if (answer === undefined || answer.value === '') {
    throw new AppError(
      'invalid_state',
      `The browser did not send back the login cookie for this launch, and the platform's storage did not give back the login's proof, so the launch cannot be tied to the login that started it. ${howToContinue}`,
    );
  }
  if (!answer.fromToolPage) {
    throw new AppError(
      'invalid_state',
      "The platform storage answer did not come from Accredit's own launch page (same origin), so it cannot tie the launch to this browser. Start the launch again from your platform.",
    );
  }
  if (!safeEqual(tokenHash(answer.value), login.platformStorage.proofHash)) {
    throw new AppError(
      'invalid_state',
      `The proof the platform's storage gave back is not the one this login put there. ${howToContinue}`,
    );
  }
}

function requireRs256Header(idToken: string): void {
  if (idToken.split('.').length !== 3) {
    throw new AppError(
      'invalid_token',
      'The id_token is not a signed JWT (expected three base64url segments).',
    );
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(idToken);
  } catch {
    throw new AppError('invalid_token', 'The id_token header is not valid base64url JSON.');
  }
  if (header.alg !== 'RS256') {
    throw new AppError(
      'invalid_token',
      `The id_token is signed with '${String(header.alg)}'; only RS256 is accepted.`,
    );
  }
  if (typeof header.kid !== 'string' || header.kid === '') {
    throw new AppError(
      'invalid_token',
      'The id_token header has no kid, so the platform key cannot be chosen.',
    );
  }
}

async function registrationOf(platforms: PlatformRepository, login: LoginState): Promise<Platform> {
  const platform = await platforms.findById(login.platformId);
  if (!platform) {
    throw new AppError('unknown_platform', 'The platform that started this login is no longer registered.');
  }
  return platform;
}

async function verifySignatureAndTimes(
  deps: LaunchVerifierDeps,
  platform: Platform,
  idToken: string,
): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(idToken, deps.keySets.forUrl(platform.jwksUrl), {
      algorithms: ['RS256'],
      issuer: platform.issuer,
      audience: platform.clientId,
      clockTolerance: defaults.clockToleranceSeconds,
      maxTokenAge: defaults.idTokenMaxAgeSeconds,
      requiredClaims: ['exp', 'iat', 'nonce'],
      currentDate: deps.clock.now(),
    });
    return payload;
  } catch (err) {
    throw tokenError(err, platform);
  }
}

function tokenError(err: unknown, platform: Platform): AppError {
  if (err instanceof errors.JWKSNoMatchingKey) {
    return new AppError(
      'invalid_token',
      `The id_token names a key (kid) that the platform's key set at ${platform.jwksUrl} does not have.`,
    );
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) {
    return new AppError('invalid_token', "The id_token signature does not verify with the platform's key.");
  }
  if (err instanceof errors.JWTExpired) {
    return new AppError(
      'invalid_token',
      err.claim === 'iat'
        ? `The id_token was issued more than ${defaults.idTokenMaxAgeSeconds} s ago; start the launch again.`
        : `The id_token has expired (exp is past, with ${defaults.clockToleranceSeconds} s of leeway); start the launch again.`,
    );
  }
  if (err instanceof errors.JWTClaimValidationFailed) return claimError(err, platform);
  // A bare JOSEError is what jose throws when the key set answers other than 200 OK.
  const keySetUnreadable = err instanceof errors.JOSEError && err.code === errors.JOSEError.code;
  if (
    keySetUnreadable ||
    err instanceof errors.JWKSTimeout ||
    err instanceof errors.JWKSInvalid ||
    err instanceof TypeError
  ) {
    return new AppError(
      'platform_unreachable',
      `The platform's key set at ${platform.jwksUrl} could not be read (${err.message}); no launch without it.`,
    );
  }
  if (err instanceof errors.JOSEError) {
    return new AppError('invalid_token', `The id_token is malformed: ${err.message}.`);
  }
  return err instanceof AppError ? err : new AppError('invalid_token', 'The id_token could not be verified.');
}

function claimError(err: InstanceType<typeof errors.JWTClaimValidationFailed>, platform: Platform): AppError {
  if (err.reason === 'missing')
    return new AppError('invalid_token', `The id_token has no '${err.claim}' claim.`);
  switch (err.claim) {
    case 'iss':
      return new AppError(
        'invalid_token',
        `The id_token iss is not '${platform.issuer}', the issuer this login was started for.`,
      );
    case 'aud':
      return new AppError(
        'invalid_token',
        `The id_token aud does not include this tool's client id '${platform.clientId}'.`,
      );
    case 'iat':
      return new AppError(
        'invalid_token',
        `The id_token iat is in the future (more than ${defaults.clockToleranceSeconds} s ahead); check the platform's clock.`,
      );
    case 'nbf':
      return new AppError('invalid_token', 'The id_token is not valid yet (nbf is in the future).');
    default:
      return new AppError('invalid_token', `The id_token claim '${err.claim}' is invalid: ${err.message}.`);
  }
}

/** With several audiences, `azp` must name us (Security Framework §5.1.3 #4-5). */
function requireAuthorizedParty(payload: JWTPayload, platform: Platform): void {
  const azp = payload.azp;
  if (Array.isArray(payload.aud) && azp === undefined) {
    throw new AppError(
      'invalid_token',
      `The id_token has an audience list but no azp; azp must be this tool's client id '${platform.clientId}'.`,
    );
  }
  if (azp !== undefined && azp !== platform.clientId) {
    throw new AppError(
      'invalid_token',
      `The id_token azp is not this tool's client id '${platform.clientId}'.`,
    );
  }
}

function requireNonce(payload: JWTPayload, login: LoginState): void {
  if (typeof payload.nonce !== 'string' || !safeEqual(payload.nonce, login.nonce)) {
    throw new AppError('invalid_token', 'The id_token nonce is not the one this login sent to the platform.');
  }
}

function requireLtiClaims(payload: JWTPayload, publicUrl: string): SupportedMessageType {
  const version = payload[claim.version];
  if (version !== '1.3.0') {
    throw new AppError(
      'invalid_token',
      version === undefined
        ? 'The id_token has no LTI version claim; expected 1.3.0.'
        : `The LTI version '${String(version)}' is not supported; expected 1.3.0.`,
    );
  }
  const messageType = payload[claim.messageType];
  if (!supportedMessageTypes.includes(messageType as SupportedMessageType)) {
    throw new AppError(
      'invalid_token',
      messageType === undefined
        ? 'The id_token has no message_type claim.'
        : `The message type '${String(messageType)}' is not supported; expected one of ${supportedMessageTypes.join(', ')}.`,
    );
  }
  if (typeof payload.sub !== 'string' || payload.sub === '' || payload.sub.length > 255) {
    throw new AppError(
      'invalid_token',
      'The id_token has no user (sub); Accredit needs to know who is launching.',
    );
  }
  const roles = payload[claim.roles];
  if (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string')) {
    throw new AppError('invalid_token', 'The id_token has no roles claim (an array, possibly empty).');
  }
  if (messageType === 'LtiResourceLinkRequest') {
    const link = payload[claim.resourceLink] as { id?: unknown } | undefined;
    if (typeof link?.id !== 'string' || link.id === '') {
      throw new AppError('invalid_token', 'The resource link launch has no resource_link id.');
    }
    const target = payload[claim.targetLinkUri];
    if (typeof target !== 'string' || !isUnderTool(target, publicUrl)) {
      throw new AppError(
        'invalid_token',
        `The target_link_uri claim does not point at this tool (${publicUrl}).`,
      );
    }
  } else {
    const settings = deepLinkingSettingsOf(payload[claim.deepLinkingSettings]);
    if ('problem' in settings) throw new AppError('invalid_token', settings.problem);
  }
  return messageType as SupportedMessageType;
}

async function requireDeployment(
  deps: LaunchVerifierDeps,
  platform: Platform,
  payload: JWTPayload,
): Promise<string> {
  const deploymentId = payload[claim.deploymentId];
  if (typeof deploymentId !== 'string' || deploymentId === '' || deploymentId.length > 255) {
    throw new AppError('invalid_token', 'The id_token has no deployment_id claim.');
  }
  if (platform.deploymentIds.includes(deploymentId)) return deploymentId;
  if (!platform.acceptNewDeployments) throw unknownDeployment(platform, deploymentId);
  await deps.platforms.addDeployment(platform.id, deploymentId, 'launch', deps.clock.now());
  return deploymentId;
}
