/**
 * Every setting, its environment variable and its default in one place.
 * Development needs no variable at all; production (NODE_ENV=production) must set
 * LTI_KEY, ADMIN_TOKEN and PUBLIC_URL.
 */
export const defaults = {
  /** PORT: the TCP port the HTTP server listens on. */
  port: 3000,
  /** DATABASE_URL: an embedded SQLite file under ./data unless set. */
  databaseUrl: 'sqlite:./data/accredit.sqlite',
  /** CONTENT_DIR: where the program's files live. */
  contentDir: './config',
  /** DATA_DIR: where development secrets and the default SQLite file are kept. */
  dataDir: './data',
  /** LOG_LEVEL: pino level. */
  logLevel: 'info',
  /** SESSION_TTL_MINUTES: how long the session a launch opens stays valid. */
  sessionTtlMinutes: 240,
  /** How long a login's state and nonce wait for the platform's answer. */
  loginStateTtlSeconds: 600,
  /** How long the login and launch pages wait for the platform's storage frame to answer a postMessage. */
  platformStorageTimeoutMilliseconds: 2000,
  /** Clock skew accepted on a platform's `iat`, `exp` and `nbf`. */
  clockToleranceSeconds: 60,
  /** The oldest `iat` a launch may carry: slow redirects and skew, not a replay window (nonces close that). */
  idTokenMaxAgeSeconds: 300,
  /** Platform JWKS: how long a fetched key set is trusted, and how long a fetch may take. */
  jwksCacheMaxAgeSeconds: 600,
  jwksTimeoutMilliseconds: 5000,
  /** How often expired login states, sessions and LTI records are purged. */
  purgeIntervalSeconds: 300,
  /** OUTBOX_LEASE_SECONDS: how long a dispatcher owns the rows it claimed; a crashed one's rows go to another after it. */
  outboxLeaseSeconds: 60,
  /** EVALUATION_CLAIM_MINUTES: how long an evaluator's claim on a submission holds before another may take it. */
  evaluationClaimMinutes: 120,
  /**
   * DEV_PLATFORM: the built-in development LTI platform and LRS at /dev ('on' or 'off'). On unless
   * NODE_ENV=production, where it is refused unless set to 'on' (it lets anyone launch as anyone).
   */
  devPlatform: { development: 'on', production: 'off' },
  /** How often open attempts past their deadline are submitted. */
  sweepIntervalSeconds: 15,
  /** How long a graceful shutdown waits for requests in flight. */
  shutdownGraceMilliseconds: 10_000,
} as const;
