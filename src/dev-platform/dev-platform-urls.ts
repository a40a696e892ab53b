/** Where the development platform is mounted in the tool's app. */
export const devMountPath = '/dev';

/**
 * Every URL of the development platform and of the tool it launches into, from PUBLIC_URL: the
 * platform reaches the tool (login initiation, launch, JWKS) over HTTP at its public address, as an
 * external platform would, and the tool reaches the platform the same way.
 */
export class DevPlatformUrls {
  readonly clientId = 'accredit-dev-platform';
  readonly deploymentId = 'dev-deployment';
  readonly name = 'Accredit development platform';

  constructor(
    /** The tool's PUBLIC_URL, without a trailing slash. */
    readonly toolUrl: string,
  ) {}

  /** The platform's issuer, and the root of every page and endpoint it serves. */
  get issuer(): string {
    return `${this.toolUrl}${devMountPath}`;
  }

  get startPage(): string {
    return this.issuer;
  }

  get authorization(): string {
    return `${this.issuer}/auth`;
  }

  get token(): string {
    return `${this.issuer}/token`;
  }

  get jwks(): string {
    return `${this.issuer}/jwks`;
  }

  get lrs(): string {
    return `${this.issuer}/lrs`;
  }

  /** Where the tool posts its deep linking response (the request's deep_link_return_url). */
  get deepLinkingReturn(): string {
    return `${this.issuer}/deep-linking/return`;
  }

  lineItems(contextId: string): string {
    return `${this.issuer}/contexts/${encodeURIComponent(contextId)}/lineitems`;
  }

  memberships(contextId: string): string {
    return `${this.issuer}/contexts/${encodeURIComponent(contextId)}/memberships`;
  }

  /** The tool's endpoints, as its README tells a platform admin to configure them. */
  get toolLogin(): string {
    return `${this.toolUrl}/lti/login`;
  }

  get toolLaunch(): string {
    return `${this.toolUrl}/lti/launch`;
  }

  get toolJwks(): string {
    return `${this.toolUrl}/lti/keys`;
  }

  /** The body an admin would POST to /api/admin/platforms for this platform. */
  registration() {
    return {
      issuer: this.issuer,
      clientId: this.clientId,
      name: this.name,
      authLoginUrl: this.authorization,
      accessTokenUrl: this.token,
      jwksUrl: this.jwks,
      deploymentIds: [this.deploymentId],
    };
  }
}
