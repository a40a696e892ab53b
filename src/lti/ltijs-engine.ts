import ltijs from 'ltijs';
import LtijsPlatform from 'ltijs/dist/Utils/Platform.js';
import type { Platform } from '../domain/platform.js';
import type { Clock } from '../ports/clock.js';
import type { PlatformRepository } from '../ports/storage.js';
import { registerPlatform } from '../services/register-platform.js';
import type { LtijsDatabasePlugin } from './ltijs-database-plugin.js';
import type { ToolKeyRing } from './tool-key-ring.js';

interface LtijsProvider {
  setup(
    key: string,
    database: { plugin: LtijsDatabasePlugin },
    options: Record<string, unknown>,
  ): LtijsProvider;
  getPlatform: (url: string, clientId?: string) => Promise<LtijsPlatform | false>;
  registerPlatform: (platform: LtijsPlatformInput) => Promise<LtijsPlatform>;
  DynamicRegistration: {
    register(openidConfiguration: string, registrationToken?: string): Promise<string>;
  };
}

interface LtijsPlatformInput {
  url: string;
  name: string;
  clientId: string;
  authenticationEndpoint: string;
  accesstokenEndpoint: string;
  authorizationServer?: string;
  authConfig: { method: string; key: string };
}

export interface LtijsEngineDeps {
  readonly ltiKey: string;
  readonly publicUrl: string;
  readonly plugin: LtijsDatabasePlugin;
  readonly platforms: PlatformRepository;
  readonly keyRing: ToolKeyRing;
  readonly clock: Clock;
}

/**
 * ltijs, kept behind this file: a fresh Provider per app (the package exports a singleton), never
 * deployed or mounted, so its express app, CORS, cookies, SIGINT handler and launch validator stay
 * out. Accredit uses its dynamic registration and service clients on our storage plugin, with
 * platform lookups and registrations answered by our registry.
 */
export class LtijsEngine {
  private readonly provider: LtijsProvider;

  constructor(private readonly deps: LtijsEngineDeps) {
    const ProviderClass = Object.getPrototypeOf(ltijs.Provider).constructor as new () => LtijsProvider;
    const provider = new ProviderClass();
    provider.getPlatform = (url, clientId) => this.platform(url, clientId);
    provider.registerPlatform = (input) => this.register(input);
    this.provider = provider.setup(
      deps.ltiKey,
      { plugin: deps.plugin },
      {
        appRoute: '/lti/launch',
        loginRoute: '/lti/login',
        keysetRoute: '/lti/keys',
        dynRegRoute: '/lti/register',
        cors: false,
        tokenMaxAge: false,
        dynReg: {
          url: deps.publicUrl,
          name: 'Accredit',
          description: 'Role-based accreditation: written exam, practical assessment, badges',
          autoActivate: true,
          useDeepLinking: true,
        },
      },
    );
  }

  /** Runs ltijs's Dynamic Registration 1.0 flow; resolves to the page that tells the platform we are done. */
  registerDynamically(openidConfiguration: string, registrationToken: string | undefined): Promise<string> {
    return this.provider.DynamicRegistration.register(openidConfiguration, registrationToken);
  }

  /** An ltijs Platform for a registration, for ltijs's service clients (AGS, NRPS, deep linking). */
  async platform(issuer: string, clientId?: string): Promise<LtijsPlatform | false> {
    const found = clientId
      ? await this.deps.platforms.findByIssuerAndClientId(issuer, clientId)
      : (await this.deps.platforms.findByIssuer(issuer))[0];
    return found ? this.toLtijs(found) : false;
  }

  private async register(input: LtijsPlatformInput): Promise<LtijsPlatform> {
    const created = await registerPlatform(this.deps, {
      issuer: input.url,
      clientId: input.clientId,
      name: input.name,
      authLoginUrl: input.authenticationEndpoint,
      accessTokenUrl: input.accesstokenEndpoint,
      jwksUrl: input.authConfig.key,
      tokenAudience:
        input.authorizationServer && input.authorizationServer !== input.accesstokenEndpoint
          ? input.authorizationServer
          : undefined,
      // ltijs drops the deployment id of the registration response, so the first launch records it.
      acceptNewDeployments: true,
      deploymentIds: [],
    });
    return this.toLtijs(created);
  }

  private async toLtijs(p: Platform): Promise<LtijsPlatform> {
    const { kid } = await this.deps.keyRing.newestPrivateJwk();
    return new LtijsPlatform(
      p.name,
      p.issuer,
      p.clientId,
      p.authLoginUrl,
      p.accessTokenUrl,
      p.tokenAudience ?? p.accessTokenUrl,
      kid,
      this.deps.ltiKey,
      { method: 'JWK_SET', key: p.jwksUrl },
      this.deps.plugin,
    );
  }
}
