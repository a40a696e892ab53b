import { isAbsoluteUrl } from '../config/load-config.js';
import { AppError } from '../errors.js';
import type { LtijsEngine } from './ltijs-engine.js';

export interface DynamicRegistrationDeps {
  readonly engine: LtijsEngine;
  readonly httpsRequired: boolean;
  readonly userAgent: string;
}

/**
 * LTI Dynamic Registration 1.0, started by the platform's admin. Before ltijs registers, we check
 * what ltijs does not: the configuration URL's form, that the configuration answers in time, and
 * that its issuer is the prefix of the configuration URL (DR §3.5.1).
 */
export async function registerDynamically(
  deps: DynamicRegistrationDeps,
  params: Readonly<Record<string, unknown>>,
): Promise<string> {
  const configurationUrl = params.openid_configuration;
  if (typeof configurationUrl !== 'string' || configurationUrl === '') {
    throw new AppError(
      'invalid_request',
      'Dynamic registration needs the openid_configuration parameter; start it from the platform.',
    );
  }
  const ok = isAbsoluteUrl(configurationUrl, deps.httpsRequired);
  if (ok !== true) throw new AppError('invalid_request', `openid_configuration '${configurationUrl}' ${ok}.`);
  const token = typeof params.registration_token === 'string' ? params.registration_token : undefined;

  const configuration = await fetchConfiguration(configurationUrl, deps.userAgent);
  if (typeof configuration.issuer !== 'string' || !configurationUrl.startsWith(configuration.issuer)) {
    throw new AppError(
      'invalid_request',
      `The platform configuration's issuer '${String(configuration.issuer)}' is not the prefix of ${configurationUrl} (LTI Dynamic Registration §3.5.1).`,
    );
  }
  for (const field of ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'registration_endpoint']) {
    const value = configuration[field];
    if (typeof value !== 'string' || isAbsoluteUrl(value, deps.httpsRequired) !== true) {
      throw new AppError('invalid_request', `The platform configuration has no valid ${field}.`);
    }
  }
  try {
    return await deps.engine.registerDynamically(configurationUrl, token);
  } catch (err) {
    if (err instanceof AppError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    if (message === 'PLATFORM_ALREADY_REGISTERED') {
      throw new AppError(
        'conflict',
        `This platform (issuer '${configuration.issuer}') is already registered with that client id.`,
      );
    }
    throw new AppError(
      'platform_unreachable',
      `The platform refused or failed the registration: ${message}.`,
    );
  }
}

async function fetchConfiguration(url: string, userAgent: string): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json', 'User-Agent': userAgent },
      redirect: 'error',
      signal: AbortSignal.timeout(5000),
    });
  } catch (err) {
    throw new AppError(
      'platform_unreachable',
      `The platform configuration at ${url} could not be read (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
  const body: unknown = response.ok ? await response.json().catch(() => undefined) : undefined;
  if (typeof body !== 'object' || body === null) {
    throw new AppError(
      'platform_unreachable',
      `The platform configuration at ${url} answered ${response.status} without a JSON object.`,
    );
  }
  return body as Record<string, unknown>;
}
