/**
 * A registration of one LMS/LXP with Accredit, keyed by issuer and client id
 * (hosted Canvas uses one issuer for every customer), with its deployments beneath.
 */
export interface Platform {
  readonly id: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly name: string;
  readonly authLoginUrl: string;
  readonly accessTokenUrl: string;
  readonly jwksUrl: string;
  /** The `aud` of the client assertion when the platform wants its own (Brightspace); the token URL otherwise. */
  readonly tokenAudience: string | undefined;
  /** When true, a launch from a deployment not yet known is accepted and the deployment recorded. */
  readonly acceptNewDeployments: boolean;
  readonly deploymentIds: readonly string[];
  readonly createdAt: Date;
}

export type NewPlatform = Omit<Platform, 'id' | 'createdAt'>;
