import type { Logger } from 'pino';
import type { Platform } from '../domain/platform.js';
import { AppError } from '../errors.js';
import { platformInputSchema } from '../http/schemas/platform-input.js';
import { validate } from '../http/validate.js';
import type { Clock } from '../ports/clock.js';
import type { PlatformRepository } from '../ports/storage.js';
import { registerPlatform } from '../services/register-platform.js';
import type { DevPlatformUrls } from './dev-platform-urls.js';

export interface DevRegistrationDeps {
  readonly platforms: PlatformRepository;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly production: boolean;
}

/**
 * Registers the development platform with the tool as an admin would (the admin API's schema, the
 * same registration service), once: a later start finds it by issuer and client id and keeps it,
 * with the launches and grades recorded against it. A registration changed by hand is left alone
 * and the difference is logged.
 */
export async function registerDevPlatform(
  deps: DevRegistrationDeps,
  urls: DevPlatformUrls,
): Promise<Platform> {
  const wanted = validate(
    platformInputSchema(deps.production),
    urls.registration(),
    'The development platform',
  );
  const existing = await deps.platforms.findByIssuerAndClientId(wanted.issuer, wanted.clientId);
  if (existing) {
    warnOnDrift(deps.logger, existing, urls.registration());
    return existing;
  }
  try {
    const platform = await registerPlatform(deps, {
      ...wanted,
      tokenAudience: undefined,
      deploymentIds: wanted.deploymentIds ?? [],
      acceptNewDeployments: false,
    });
    deps.logger.info(
      { platformId: platform.id, issuer: platform.issuer },
      'registered the development platform',
    );
    return platform;
  } catch (err) {
    // Another process on the same database registered it first.
    if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    const raced = await deps.platforms.findByIssuerAndClientId(wanted.issuer, wanted.clientId);
    if (!raced) throw err;
    return raced;
  }
}

function warnOnDrift(
  logger: Logger,
  existing: Platform,
  wanted: ReturnType<DevPlatformUrls['registration']>,
): void {
  const differences = (['authLoginUrl', 'accessTokenUrl', 'jwksUrl'] as const).filter(
    (field) => existing[field] !== wanted[field],
  );
  const missing = wanted.deploymentIds.filter((d) => !existing.deploymentIds.includes(d));
  if (differences.length > 0 || missing.length > 0) {
    logger.warn(
      { platformId: existing.id, differences, missingDeployments: missing },
      'the development platform registration was changed by hand and launches may fail; remove it (DELETE /api/admin/platforms/:id) and restart to register it afresh',
    );
  }
}
