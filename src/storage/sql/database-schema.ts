/** Table shapes as Kysely sees them. Times are ISO-8601 UTC strings; flags are 0/1 on both backends. */
export interface Database {
  platforms: PlatformsTable;
  platform_deployments: PlatformDeploymentsTable;
  lti_login_states: LoginStatesTable;
  sessions: SessionsTable;
  tool_keys: ToolKeysTable;
  lti_records: LtiRecordsTable;
  content_versions: ContentVersionsTable;
  attempts: AttemptsTable;
  attempt_responses: AttemptResponsesTable;
  learning_path_visits: LearningPathVisitsTable;
  outbox: OutboxTable;
  course_links: CourseLinksTable;
  line_items: LineItemsTable;
  practical_submissions: PracticalSubmissionsTable;
  practical_evaluations: PracticalEvaluationsTable;
  calibration_runs: CalibrationRunsTable;
  audit_events: AuditEventsTable;
  certifications: CertificationsTable;
}

export interface PracticalSubmissionsTable {
  id: string;
  platform_id: string;
  subject: string;
  learner_name: string | null;
  course_id: string;
  content_version: string;
  rubric_version: string;
  link_id: string | null;
  context_id: string | null;
  number: number;
  evidence: string;
  status: string;
  submitted_at: string;
  result: string | null;
  released_at: string | null;
  appealed_at: string | null;
  appeal_reason: string | null;
  updated_at: string;
}

export interface PracticalEvaluationsTable {
  id: string;
  submission_id: string;
  role: string;
  evaluator_platform_id: string;
  evaluator_subject: string;
  evaluator_name: string | null;
  rubric_version: string;
  status: string;
  claimed_at: string;
  claim_expires_at: string;
  scores: string;
  comment: string | null;
  decision: string | null;
  completed_at: string | null;
}

export interface CalibrationRunsTable {
  id: string;
  evaluator_platform_id: string;
  evaluator_subject: string;
  course_id: string;
  reference_id: string;
  rubric_version: string;
  levels: string;
  closeness: string;
  at: string;
}

export interface AuditEventsTable {
  id: string;
  submission_id: string;
  at: string;
  actor_platform_id: string;
  actor_subject: string;
  actor_name: string | null;
  action: string;
  seq: number;
  details: string;
}

export interface CertificationsTable {
  platform_id: string;
  subject: string;
  course_id: string;
  content_version: string;
  written_attempt_id: string;
  written: string;
  submission_id: string;
  practical: string;
  certified_at: string;
}

export interface CourseLinksTable {
  id: string;
  platform_id: string;
  deployment_id: string;
  context_id: string;
  resource_link_id: string;
  title: string | null;
  course_id: string | null;
  grade_service: string | null;
  passback_problem: string | null;
  first_launch_at: string;
  last_launch_at: string;
}

export interface LineItemsTable {
  link_id: string;
  tag: string;
  url: string;
  created_at: string;
}

export interface OutboxTable {
  id: string;
  target: string;
  kind: string;
  payload: string;
  status: string;
  tries: number;
  next_try_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
  ordering_key: string | null;
  order_at: string | null;
}

export interface ContentVersionsTable {
  version: string;
  content: string;
  created_at: string;
}

export interface AttemptsTable {
  id: string;
  platform_id: string;
  subject: string;
  course_id: string;
  content_version: string;
  seed: string;
  items: string;
  status: string;
  started_at: string;
  deadline: string;
  submitted_at: string | null;
  submitted_by: string | null;
  result: string | null;
  link_id: string | null;
}

export interface AttemptResponsesTable {
  attempt_id: string;
  question_id: string;
  selected: string;
  saved_at: string;
}

export interface LearningPathVisitsTable {
  platform_id: string;
  subject: string;
  course_id: string;
  visited_at: string;
}

export interface PlatformsTable {
  id: string;
  issuer: string;
  client_id: string;
  name: string;
  auth_login_url: string;
  access_token_url: string;
  jwks_url: string;
  token_audience: string | null;
  accept_new_deployments: number;
  created_at: string;
}

export interface PlatformDeploymentsTable {
  platform_id: string;
  deployment_id: string;
  source: string;
  created_at: string;
}

export interface LoginStatesTable {
  state: string;
  nonce: string;
  platform_id: string;
  created_at: string;
  expires_at: string;
  storage_target: string | null;
  storage_proof_hash: string | null;
}

export interface SessionsTable {
  id: string;
  launch: string;
  link_id: string | null;
  created_at: string;
  expires_at: string;
}

export interface ToolKeysTable {
  kid: string;
  public_jwk: string;
  private_jwk_sealed: string;
  created_at: string;
}

export interface LtiRecordsTable {
  id: string;
  collection: string;
  lookup_key: string;
  data: string;
  created_at: string;
  expires_at: string | null;
}
