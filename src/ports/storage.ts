import type { Attempt, AttemptResult, Learner } from '../domain/exam/attempt.js';
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

export interface AttemptRepository {
  /**
   * Inserts the attempt unless the learner already has an open one for the course; either way
   * returns the open attempt, and whether it is the one just drawn.
   */
  insertIfNoneOpen(attempt: Attempt): Promise<{ attempt: Attempt; created: boolean }>;
  findById(id: string): Promise<Attempt | undefined>;
  /** Like findById, and inside a transaction holds the row until it ends (PostgreSQL: FOR UPDATE). */
  findByIdForUpdate(id: string): Promise<Attempt | undefined>;
  listForLearner(learner: Learner, courseId?: string): Promise<Attempt[]>;
  saveResponse(attemptId: string, questionId: string, selected: readonly string[], at: Date): Promise<void>;
  /** Records the result of an open attempt; false when it was no longer open. */
  markSubmitted(id: string, result: AttemptResult, at: Date, by: 'learner' | 'timeout'): Promise<boolean>;
  /** Ids of open attempts whose deadline has passed, oldest deadline first. */
  listOverdue(now: Date, limit: number): Promise<string[]>;
}

export interface ContentVersionRepository {
  /** Keeps a content snapshot under its version; saving the same version again changes nothing. */
  save(version: string, content: string, at: Date): Promise<void>;
  find(version: string): Promise<string | undefined>;
}

export interface LearningPathVisitRepository {
  record(learner: Learner, courseId: string, at: Date): Promise<void>;
  lastVisit(learner: Learner, courseId: string): Promise<Date | undefined>;
}

/** The repositories whose writes can share one transaction. */
export interface Repositories {
  readonly attempts: AttemptRepository;
  readonly contentVersions: ContentVersionRepository;
  readonly learningPathVisits: LearningPathVisitRepository;
}

/** Everything the tool keeps, behind one port. Backends: storage/sql (SQLite, PostgreSQL). */
export interface Storage {
  readonly backend: 'sqlite' | 'postgres';
  readonly platforms: PlatformRepository;
  readonly loginStates: LoginStateRepository;
  readonly sessions: SessionRepository;
  readonly toolKeys: ToolKeyRepository;
  readonly ltiRecords: LtiRecordRepository;
  readonly attempts: AttemptRepository;
  readonly contentVersions: ContentVersionRepository;
  readonly learningPathVisits: LearningPathVisitRepository;
  /** Runs `work` in one database transaction: all its writes land, or none. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
