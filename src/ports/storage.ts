import type { Attempt, AttemptResult, Learner } from '../domain/exam/attempt.js';
import type { CourseLink } from '../domain/grade-passback/course-link.js';
import type { NewPlatform, Platform } from '../domain/platform.js';
import type { AuditEvent } from '../domain/practical/audit-event.js';
import type { CalibrationCloseness } from '../domain/practical/calibration.js';
import type { Certification } from '../domain/practical/certification.js';
import type { Evaluation } from '../domain/practical/evaluation.js';
import type { CriterionScore, RubricDecision } from '../domain/practical/rubric-decision.js';
import type {
  PracticalResult,
  PracticalSubmission,
  SubmissionStatus,
} from '../domain/practical/submission.js';
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
  /** Set when the platform offered its storage (`lti_storage_target`) at login. */
  readonly platformStorage?: PlatformStorageOffer;
}

/** Where the login put its proof in the platform's storage, and what the proof hashes to. */
export interface PlatformStorageOffer {
  /** The frame the platform named in `lti_storage_target` (`_parent`, or a frame of the parent). */
  readonly target: string;
  /** The hash (tokenHash) of the value put there: the value itself is never stored. */
  readonly proofHash: string;
}

export interface LoginStateRepository {
  save(state: LoginState): Promise<void>;
  /** Reads a state without consuming it: a launch that must first ask the platform's storage. */
  find(state: string): Promise<LoginState | undefined>;
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

export interface CourseLinkRepository {
  /**
   * Records a launch through a resource link: inserts it the first time (keeping the given id),
   * afterwards refreshes its title, course and AGS endpoint (a launch that lacks them keeps the
   * earlier ones); returns the link as stored.
   */
  recordLaunch(link: CourseLink): Promise<CourseLink>;
  findById(id: string): Promise<CourseLink | undefined>;
  list(filter: { platformId?: string; limit: number }): Promise<CourseLink[]>;
}

/** The line items Accredit created or found in a link's context, one per tag (stage). */
export interface LineItemRepository {
  find(linkId: string, tag: string): Promise<string | undefined>;
  /** Keeps the first URL saved for a link and tag; returns the one kept. */
  save(linkId: string, tag: string, url: string, at: Date): Promise<string>;
  forget(linkId: string, tag: string): Promise<void>;
}

export interface SubmissionChange {
  readonly status: SubmissionStatus;
  readonly result?: PracticalResult | undefined;
  readonly releasedAt?: Date | undefined;
  readonly appealedAt?: Date | undefined;
  readonly appealReason?: string | undefined;
}

export interface PracticalSubmissionRepository {
  /** 'duplicate' when the learner's submission of that number exists (a concurrent submit won). */
  insert(submission: PracticalSubmission): Promise<'inserted' | 'duplicate'>;
  findById(id: string): Promise<PracticalSubmission | undefined>;
  /** Like findById, and inside a transaction holds the row until it ends (PostgreSQL: FOR UPDATE). */
  findByIdForUpdate(id: string): Promise<PracticalSubmission | undefined>;
  listForLearner(learner: Learner, courseId?: string): Promise<PracticalSubmission[]>;
  /** Applies the change only while the status is one of `from`; false when it no longer was. */
  update(id: string, from: readonly SubmissionStatus[], change: SubmissionChange, at: Date): Promise<boolean>;
  /** Oldest first. `contextId` narrows to submissions made from that LMS context (null: from none). */
  listQueue(filter: {
    platformId: string;
    contextId?: string | null | undefined;
    courseId?: string | undefined;
    statuses: readonly SubmissionStatus[];
    submittedBefore?: Date | undefined;
    limit: number;
  }): Promise<PracticalSubmission[]>;
}

export interface EvaluationRepository {
  /**
   * Takes the claim for its submission and role unless someone holds a live one: an expired claim
   * is replaced. Of concurrent claims exactly one gets 'claimed'.
   */
  claim(evaluation: Evaluation, now: Date): Promise<'claimed' | 'taken'>;
  listForSubmission(submissionId: string): Promise<Evaluation[]>;
  /** Completes a claimed evaluation; false when it was not (any more) a claim. */
  complete(
    id: string,
    work: { scores: readonly CriterionScore[]; comment: string | undefined; decision: RubricDecision },
    at: Date,
  ): Promise<boolean>;
  /** Completed evaluations of submissions of a course, with the submission id, for agreement reports. */
  listCompleted(filter: { platformId: string; courseId?: string | undefined }): Promise<Evaluation[]>;
}

export interface CalibrationRun {
  readonly id: string;
  readonly evaluator: { readonly platformId: string; readonly subject: string };
  readonly courseId: string;
  readonly referenceId: string;
  readonly rubricVersion: string;
  readonly levels: Readonly<Record<string, string>>;
  readonly closeness: CalibrationCloseness;
  readonly at: Date;
}

export interface CalibrationRepository {
  record(run: CalibrationRun): Promise<void>;
  listFor(evaluator: { platformId: string; subject: string }, courseId: string): Promise<CalibrationRun[]>;
}

export interface AuditTrailRepository {
  append(events: readonly AuditEvent[]): Promise<void>;
  listForSubmission(submissionId: string): Promise<AuditEvent[]>;
}

export interface CertificationRepository {
  /** Keeps the first certification of a learner for a course; false when there was one. */
  insertIfAbsent(certification: Certification): Promise<boolean>;
  listForLearner(learner: Learner): Promise<Certification[]>;
}

export type OutboxTarget = 'xapi' | 'ags';
export type OutboxStatus = 'pending' | 'delivered' | 'dead';

/** One thing to deliver: its payload is frozen when it is queued, so every retry sends the same bytes. */
export interface OutboxEntry {
  readonly id: string;
  readonly target: OutboxTarget;
  readonly kind: string;
  readonly payload: string;
  readonly status: OutboxStatus;
  readonly tries: number;
  readonly nextTryAt: Date;
  readonly lastError: string | undefined;
  readonly createdAt: Date;
  readonly deliveredAt: Date | undefined;
  /** Entries sharing a key are delivered one after another in `orderAt` order (AGS: a line item and user). */
  readonly orderingKey: string | undefined;
  readonly orderAt: Date | undefined;
}

export interface OutboxInsert {
  readonly id: string;
  readonly target: OutboxTarget;
  readonly kind: string;
  readonly payload: string;
  readonly orderingKey?: string | undefined;
  readonly orderAt?: Date | undefined;
}

export interface OutboxRepository {
  enqueue(entries: readonly OutboxInsert[], at: Date): Promise<void>;
  /** The latest `orderAt` queued under an ordering key, whatever its status. */
  lastOrderAt(orderingKey: string): Promise<Date | undefined>;
  /**
   * Leases up to `limit` due pending entries of a target to `owner` until `leaseUntil`, in one
   * atomic step: two dispatchers (two processes on one PostgreSQL) never get the same entry. An
   * entry waits while an earlier pending one shares its ordering key.
   */
  claim(
    target: OutboxTarget,
    owner: string,
    now: Date,
    leaseUntil: Date,
    limit: number,
  ): Promise<OutboxEntry[]>;
  markDelivered(ids: readonly string[], owner: string, at: Date): Promise<void>;
  /** Another try later, keeping why this one failed. */
  markRetry(id: string, owner: string, nextTryAt: Date, error: string): Promise<void>;
  /** No more tries: a permanent refusal, kept with its reason for the admin. */
  markDead(id: string, owner: string, error: string, at: Date): Promise<void>;
  /** Dead or pending entries back to due now; returns how many. */
  retry(ids: readonly string[] | 'all-dead', now: Date): Promise<number>;
  counts(): Promise<
    { target: OutboxTarget; status: OutboxStatus; count: number; oldest: Date | undefined }[]
  >;
  list(filter: { status?: OutboxStatus; target?: OutboxTarget; limit: number }): Promise<OutboxEntry[]>;
}

/** The repositories whose writes can share one transaction. */
export interface Repositories {
  readonly outbox: OutboxRepository;
  readonly sessions: SessionRepository;
  readonly courseLinks: CourseLinkRepository;
  readonly lineItems: LineItemRepository;
  readonly submissions: PracticalSubmissionRepository;
  readonly evaluations: EvaluationRepository;
  readonly calibrations: CalibrationRepository;
  readonly auditTrail: AuditTrailRepository;
  readonly certifications: CertificationRepository;
  readonly attempts: AttemptRepository;
  readonly contentVersions: ContentVersionRepository;
  readonly learningPathVisits: LearningPathVisitRepository;
}

/** Everything the tool keeps, behind one port. Backends: storage/sql (SQLite, PostgreSQL). */
export interface Storage extends Repositories {
  readonly backend: 'sqlite' | 'postgres';
  readonly platforms: PlatformRepository;
  readonly loginStates: LoginStateRepository;
  readonly toolKeys: ToolKeyRepository;
  readonly ltiRecords: LtiRecordRepository;
  /** Runs `work` in one database transaction: all its writes land, or none. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
