import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config, ResolvedConfig } from './config.js';

/**
 * In development, a missing ADMIN_TOKEN or LTI_KEY is generated once and kept in
 * DATA_DIR/dev-secrets.json (mode 600), so `npm start` needs no variable and restarts keep the
 * encrypted keys readable. Production never gets here without both (loadConfig refuses).
 */
export function resolveSecrets(config: Config): { config: ResolvedConfig; generatedFile?: string } {
  if (config.adminToken !== undefined && config.ltiKey !== undefined) {
    return { config: { ...config, adminToken: config.adminToken, ltiKey: config.ltiKey } };
  }
  if (config.production) throw new Error('production configuration without ADMIN_TOKEN or LTI_KEY');
  const file = join(config.dataDir, 'dev-secrets.json');
  let stored: { adminToken?: string; ltiKey?: string } = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as typeof stored;
  const secrets = {
    adminToken: stored.adminToken ?? randomBytes(24).toString('hex'),
    ltiKey: stored.ltiKey ?? randomBytes(32).toString('hex'),
  };
  if (stored.adminToken === undefined || stored.ltiKey === undefined) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return {
    config: {
      ...config,
      adminToken: config.adminToken ?? secrets.adminToken,
      ltiKey: config.ltiKey ?? secrets.ltiKey,
    },
    generatedFile: file,
  };
}
