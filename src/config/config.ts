export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string };

export interface LrsConfig {
  readonly endpoint: string;
  readonly username?: string;
  readonly password?: string;
}

/** The validated configuration: built once at start, never read from `process.env` elsewhere. */
export interface Config {
  readonly production: boolean;
  readonly port: number;
  /** The tool's public origin and base path, without a trailing slash. */
  readonly publicUrl: string;
  readonly database: DatabaseConfig;
  /** Undefined in development until dev secrets are resolved. */
  readonly adminToken: string | undefined;
  readonly ltiKey: string | undefined;
  readonly lrs: LrsConfig | undefined;
  readonly contentDir: string;
  readonly dataDir: string;
  readonly logLevel: string;
  readonly sessionTtlMinutes: number;
  readonly outboxLeaseSeconds: number;
  readonly evaluationClaimMinutes: number;
  /** People who evaluate practicals on their platform whatever their LTI role (EVALUATORS). */
  readonly evaluators: readonly NamedEvaluator[];
  /**
   * DEV_PLATFORM: whether the tool serves its built-in development LTI platform (and LRS) at /dev.
   * Absent means off, so a configuration built by hand (tests) never gets it by surprise.
   */
  readonly devPlatform?: boolean;
}

/** An evaluator named in configuration: the platform's issuer and the person's LTI subject. */
export interface NamedEvaluator {
  readonly issuer: string;
  readonly subject: string;
}

export type ResolvedConfig = Config & { readonly adminToken: string; readonly ltiKey: string };
