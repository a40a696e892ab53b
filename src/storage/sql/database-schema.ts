/** Table shapes as Kysely sees them. Times are ISO-8601 UTC strings; flags are 0/1 on both backends. */
export interface Database {
  platforms: PlatformsTable;
  platform_deployments: PlatformDeploymentsTable;
  lti_login_states: LoginStatesTable;
  sessions: SessionsTable;
  tool_keys: ToolKeysTable;
  lti_records: LtiRecordsTable;
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
}

export interface SessionsTable {
  id: string;
  launch: string;
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
