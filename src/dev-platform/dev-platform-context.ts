import type { Logger } from 'pino';
import type { Program } from '../domain/content/program.js';
import type { Clock } from '../ports/clock.js';
import type { AccessTokens } from './access-tokens.js';
import type { DeepLinkingRequests } from './deep-linking-requests.js';
import type { DeepLinkingReturns } from './deep-linking-return.js';
import type { DevLrsCredentials } from './dev-lrs-credentials.js';
import type { DevPlatformUrls } from './dev-platform-urls.js';
import type { Gradebook } from './gradebook.js';
import type { Placements } from './placements.js';
import type { SigningKey } from './signing-key.js';
import type { StatementLog } from './statement-log.js';

/** What the development platform's handlers are given: wired once by create-dev-platform.ts. */
export interface DevPlatformContext {
  readonly urls: DevPlatformUrls;
  readonly key: SigningKey;
  readonly tokens: AccessTokens;
  readonly gradebook: Gradebook;
  readonly statements: StatementLog;
  /** Links placed in the course through deep linking, and the requests still waiting for a response. */
  readonly placements: Placements;
  readonly deepLinking: DeepLinkingRequests;
  readonly deepLinkingReturns: DeepLinkingReturns;
  readonly lrsCredentials: DevLrsCredentials;
  /** LRS_ENDPOINT when it is set: the tool's statements then go there, not to this platform's LRS. */
  readonly externalLrs: string | undefined;
  /** The program the tool loaded: its courses are the links a persona can launch. */
  readonly program: () => Program;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The path of the tool's /assets (stylesheets and scripts, behind a content hash). */
  readonly asset: (file: string) => string;
}
