import type { Logger } from 'pino';
import type { ResolvedConfig } from '../config/config.js';
import type { LtijsEngine } from '../lti/ltijs-engine.js';
import type { PlatformKeySets } from '../lti/platform-key-sets.js';
import type { ToolKeyRing } from '../lti/tool-key-ring.js';
import type { Clock } from '../ports/clock.js';
import type { Ids } from '../ports/ids.js';
import type { LearningRecords } from '../ports/learning-records.js';
import type { Storage } from '../ports/storage.js';
import type { DeliveryMetrics } from '../reporting/delivery-metrics.js';
import type { ProgramVersions } from '../services/exam/program-versions.js';

/** What the HTTP handlers are given: wired once by app.ts. */
export interface ToolContext {
  readonly config: ResolvedConfig;
  readonly storage: Storage;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly programs: ProgramVersions;
  readonly records: LearningRecords;
  readonly metrics: DeliveryMetrics;
  readonly logger: Logger;
  readonly keyRing: ToolKeyRing;
  readonly keySets: PlatformKeySets;
  readonly engine: LtijsEngine;
  readonly userAgent: string;
}
