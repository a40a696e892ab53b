import { join } from 'node:path';
import type { Router } from 'express';
import type { Logger } from 'pino';
import type { LrsConfig, ResolvedConfig } from '../config/config.js';
import type { Program } from '../domain/content/program.js';
import type { Platform } from '../domain/platform.js';
import { assetVersion } from '../http/static-assets.js';
import type { Clock } from '../ports/clock.js';
import type { PlatformRepository } from '../ports/storage.js';
import { SecretBox } from '../security/secret-box.js';
import { AccessTokens } from './access-tokens.js';
import { DeepLinkingRequests } from './deep-linking-requests.js';
import { DeepLinkingReturns } from './deep-linking-return.js';
import { devLrsCredentials } from './dev-lrs-credentials.js';
import type { DevPlatformContext } from './dev-platform-context.js';
import { devPlatformRouter } from './dev-platform-routes.js';
import { DevPlatformUrls } from './dev-platform-urls.js';
import { Gradebook, type GradebookDocument } from './gradebook.js';
import { JsonFile } from './json-file.js';
import { Placements, type PlacementsDocument } from './placements.js';
import { registerDevPlatform } from './register-dev-platform.js';
import { SigningKey } from './signing-key.js';
import { StatementLog } from './statement-log.js';

export interface DevPlatform {
  /** Mounted at /dev by the HTTP app. */
  readonly router: Router;
  /** The start page a newcomer opens. */
  readonly startUrl: string;
  /** Where the tool's xAPI delivery goes when LRS_ENDPOINT is not set: this platform's LRS. */
  readonly lrs: LrsConfig;
  /** The registration the tool holds for it. */
  readonly registration: Platform;
}

export interface DevPlatformDeps {
  readonly config: ResolvedConfig;
  readonly platforms: PlatformRepository;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly program: () => Program;
}

/**
 * The development platform: an LTI 1.3 platform with AGS and NRPS, and an xAPI LRS, served by the
 * tool itself so that `npm start` can be tried with no LMS or LRS. It talks to the tool only as an
 * external platform does, over HTTP at PUBLIC_URL; its state (signing key, gradebook, statements)
 * lives under DATA_DIR/dev-platform/.
 */
export async function createDevPlatform(deps: DevPlatformDeps): Promise<DevPlatform> {
  const { config, logger } = deps;
  if (config.production) {
    logger.warn(
      'DEV_PLATFORM=on with NODE_ENV=production: anyone who can reach /dev can launch Accredit as any of its personas, admin included; turn it off for real use',
    );
  }
  const urls = new DevPlatformUrls(config.publicUrl);
  const dir = join(config.dataDir, 'dev-platform');
  const key = await SigningKey.openOrCreate(
    join(dir, 'signing-key.json'),
    new SecretBox(config.ltiKey, 'dev-platform-key'),
  );
  const basePath = new URL(config.publicUrl).pathname.replace(/\/+$/, '');
  const deepLinking = new DeepLinkingRequests(deps.clock);
  const ctx: DevPlatformContext = {
    urls,
    key,
    tokens: new AccessTokens({
      urls,
      box: new SecretBox(config.ltiKey, 'dev-platform-tokens'),
      clock: deps.clock,
    }),
    gradebook: new Gradebook(
      JsonFile.open<GradebookDocument>(join(dir, 'gradebook.json'), Gradebook.empty),
      (contextId) => urls.lineItems(contextId),
    ),
    statements: StatementLog.open(join(dir, 'statements.jsonl')),
    placements: new Placements(
      JsonFile.open<PlacementsDocument>(join(dir, 'placements.json'), Placements.empty),
    ),
    deepLinking,
    deepLinkingReturns: new DeepLinkingReturns({ urls, clock: deps.clock, requests: deepLinking }),
    lrsCredentials: devLrsCredentials(config.ltiKey),
    externalLrs: config.lrs?.endpoint,
    program: deps.program,
    clock: deps.clock,
    logger,
    asset: (file) => `${basePath}/assets/${file}?v=${assetVersion}`,
  };
  const registration = await registerDevPlatform(
    { platforms: deps.platforms, clock: deps.clock, logger, production: config.production },
    urls,
  );
  return {
    router: devPlatformRouter(ctx),
    startUrl: urls.startPage,
    lrs: { endpoint: urls.lrs, ...ctx.lrsCredentials },
    registration,
  };
}
