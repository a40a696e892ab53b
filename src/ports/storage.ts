import type { NewPlatform, Platform } from '../domain/platform.js';
import type { Session } from '../domain/session.js';

export interface PlatformRepository {
  /** Fails with a `duplicate` result when the issuer and client id are already registered. */
  create(platform: NewPlatform & { id: string; createdAt: Date }): Promise<'created' | 'duplicate'>;
  findById(id: string): Promise<Platform | undefined>;
  findByIssuerAndClientId(issuer: string, clientId: string): Promise<Platform | undefined>;
  findByIssuer(issuer: string): Promise<Platform[]>;
  list(): Promise<Platform[]>;
  /** Removes the platform and its deployments; false when there was none. */
  remove(id: string): Promise<boolean>;
  /** Records a deployment; true when it was new. */
  addDeployment(
    platformId: string,
    deploymentId: string,
    source: 'admin' | 'launch',
    at: Date,
  ): Promise<boolean>;
}

/** What a login initiation leaves behind for the launch that follows. */
export interface LoginState {
  readonly state: string;
  readonly nonce: string;
  readonly platformId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export interface LoginStateRepository {
  save(state: LoginState): Promise<void>;
  /** Deletes and returns the state in one atomic step: of two concurrent callers only one gets it. */
  consume(state: string): Promise<LoginState | undefined>;
  purgeExpired(now: Date): Promise<number>;
}

export interface SessionRepository {
  save(session: Session): Promise<void>;
  /** The id is the token's hash: the token itself is never stored. */
  findById(id: string): Promise<Session | undefined>;
  /** Sessions not yet expired: a gauge for operators, and what tests use to prove a refusal opened none. */
  countLive(now: Date): Promise<number>;
  purgeExpired(now: Date): Promise<number>;
}

/** The tool's own signing keys; the private half is encrypted before it reaches storage. */
export interface ToolKey {
  readonly kid: string;
  readonly publicJwk: Record<string, unknown>;
  readonly privateJwkSealed: string;
  readonly createdAt: Date;
}

export interface ToolKeyRepository {
  list(): Promise<ToolKey[]>;
  save(key: ToolKey): Promise<void>;
}

/** A document of one of ltijs's collections, with the fields it is looked up by kept apart. */
export interface LtiRecord {
  readonly collection: string;
  readonly lookup: Readonly<Record<string, string>>;
  readonly data: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | undefined;
}

export interface LtiRecordRepository {
  find(collection: string, lookup: Readonly<Record<string, string>>, now: Date): Promise<LtiRecord[]>;
  insert(record: LtiRecord): Promise<void>;
  /** Replaces every record matching the lookup (or inserts one when none does). */
  replace(record: LtiRecord, match: Readonly<Record<string, string>>): Promise<void>;
  remove(collection: string, lookup: Readonly<Record<string, string>>): Promise<number>;
  purgeExpired(now: Date): Promise<number>;
}

/** Everything the tool keeps, behind one port. Backends: storage/sql (SQLite, PostgreSQL). */
export interface Storage {
  readonly backend: 'sqlite' | 'postgres';
  readonly platforms: PlatformRepository;
  readonly loginStates: LoginStateRepository;
  readonly sessions: SessionRepository;
  readonly toolKeys: ToolKeyRepository;
  readonly ltiRecords: LtiRecordRepository;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
