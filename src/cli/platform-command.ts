import { parseArgs } from 'node:util';
import type { Platform } from '../domain/platform.js';
import { platformView } from '../http/platform-view.js';
import { platformInputSchema } from '../http/schemas/platform-input.js';
import { validate } from '../http/validate.js';
import { systemClock } from '../ports/clock.js';
import type { Storage } from '../ports/storage.js';
import { registerPlatform } from '../services/register-platform.js';
import { removePlatform } from '../services/remove-platform.js';
import { UsageError } from './usage.js';

/** `platform add|list|remove`: the same use cases and validation as the admin API. */
export async function platformCommand(
  storage: Storage,
  argv: string[],
  options: { httpsRequired: boolean },
): Promise<string> {
  const [command, ...rest] = argv;
  const deps = { platforms: storage.platforms, clock: systemClock };
  switch (command) {
    case 'add': {
      const { values } = parse(rest, {
        issuer: { type: 'string' },
        'client-id': { type: 'string' },
        name: { type: 'string' },
        'auth-login-url': { type: 'string' },
        'access-token-url': { type: 'string' },
        'jwks-url': { type: 'string' },
        'token-audience': { type: 'string' },
        'deployment-id': { type: 'string', multiple: true },
        'accept-new-deployments': { type: 'boolean' },
        json: { type: 'boolean' },
      });
      const input = validate(
        platformInputSchema(options.httpsRequired),
        {
          issuer: values.issuer,
          clientId: values['client-id'],
          name: values.name,
          authLoginUrl: values['auth-login-url'],
          accessTokenUrl: values['access-token-url'],
          jwksUrl: values['jwks-url'],
          tokenAudience: values['token-audience'],
          deploymentIds: values['deployment-id'],
          acceptNewDeployments: values['accept-new-deployments'],
        },
        'The platform registration',
      );
      const platform = await registerPlatform(deps, {
        ...input,
        tokenAudience: input.tokenAudience,
        deploymentIds: input.deploymentIds ?? [],
        acceptNewDeployments: input.acceptNewDeployments ?? false,
      });
      return values.json ? json(platformView(platform)) : `Registered ${describe(platform)}\n`;
    }
    case 'list': {
      const { values } = parse(rest, { json: { type: 'boolean' } });
      const platforms = await storage.platforms.list();
      if (values.json) return json({ platforms: platforms.map(platformView) });
      if (platforms.length === 0)
        return "No platform is registered yet; add one with 'accredit platform add' (see 'accredit help').\n";
      return platforms.map((p) => `${describe(p)}\n`).join('');
    }
    case 'remove': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true });
      if (positionals.length !== 1) throw new UsageError('platform remove takes exactly one platform id');
      await removePlatform(deps, positionals[0]!);
      return `Removed platform ${positionals[0]}\n`;
    }
    default:
      throw new UsageError(
        command === undefined ? 'platform needs a command' : `unknown platform command '${command}'`,
      );
  }
}

function parse<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

function describe(p: Platform): string {
  const deployments = p.deploymentIds.length > 0 ? p.deploymentIds.join(', ') : 'none yet';
  return `${p.id}  ${p.name}\n  issuer ${p.issuer}, client id ${p.clientId}\n  deployments: ${deployments}${p.acceptNewDeployments ? ' (new ones accepted)' : ''}`;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
