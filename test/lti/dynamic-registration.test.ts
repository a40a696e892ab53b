import { expect } from 'chai';
import { Browser } from '../support/browser.js';
import { closeServer, listenOnLoopback } from '../support/http-server.js';
import { type RunningTool, startTool } from '../support/start-tool.js';
import { testDatabases } from '../support/test-databases.js';
import { TestPlatform } from '../support/test-platform.js';

for (const database of testDatabases) {
  describe(`LTI dynamic registration (${database.name})`, () => {
    let storage: Awaited<ReturnType<typeof database.open>>;
    let tool: RunningTool;
    let platform: TestPlatform;

    beforeEach(async () => {
      storage = await database.open();
      tool = await startTool(storage);
      platform = await TestPlatform.start();
    });

    afterEach(async () => {
      await platform.close();
      await tool.close();
      await storage.destroy();
    });

    const register = (query: Record<string, string>) =>
      fetch(`${tool.url}/lti/register?${new URLSearchParams(query)}`);

    it('registers the platform through ltijs, then accepts its launches and records the deployment', async () => {
      const res = await register({
        openid_configuration: `${platform.url}/.well-known/openid-configuration`,
        registration_token: 'reg-token-1',
      });
      expect(res.status, await res.clone().text()).to.equal(200);
      const page = await res.text();
      expect(page).to.contain('org.imsglobal.lti.close');
      const nonce = /script-src 'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
      expect(page).to.contain(`<script nonce="${nonce}">`);

      expect(platform.registrationRequests).to.have.length(1);
      const request = platform.registrationRequests[0]!;
      expect(request.authorization).to.equal('Bearer reg-token-1');
      expect(request.body).to.deep.include({
        initiate_login_uri: `${tool.url}/lti/login`,
        redirect_uris: [`${tool.url}/lti/launch`],
        jwks_uri: `${tool.url}/lti/keys`,
        token_endpoint_auth_method: 'private_key_jwt',
      });

      const [registered] = await storage.platforms.list();
      expect(registered).to.deep.include({
        issuer: platform.issuer,
        clientId: 'dynamic-client-1',
        authLoginUrl: `${platform.url}/auth`,
        jwksUrl: `${platform.url}/jwks`,
        acceptNewDeployments: true,
      });

      platform.clientId = 'dynamic-client-1';
      const launch = await platform.launch(new Browser(), tool.url, { deploymentId: 'dyn-deployment' });
      expect(launch.response.status, launch.body).to.equal(200);
      expect((await storage.platforms.findById(registered!.id))?.deploymentIds).to.deep.equal([
        'dyn-deployment',
      ]);
    });

    it('refuses a second registration of the same platform and client id with 409', async () => {
      const url = `${platform.url}/.well-known/openid-configuration`;
      expect((await register({ openid_configuration: url })).status).to.equal(200);
      const res = await register({ openid_configuration: url });
      expect(res.status).to.equal(409);
      expect(await res.json()).to.deep.equal({
        error: 'conflict',
        message: `This platform (issuer '${platform.issuer}') is already registered with that client id.`,
      });
      expect(await storage.platforms.list()).to.have.length(1);
    });

    it('refuses a request without openid_configuration', async () => {
      const res = await register({});
      expect(res.status).to.equal(400);
      expect(await res.json()).to.deep.equal({
        error: 'invalid_request',
        message: 'Dynamic registration needs the openid_configuration parameter; start it from the platform.',
      });
    });

    it('refuses a configuration whose issuer is not the prefix of its URL (DR §3.5.1)', async () => {
      const { server, url } = await listenOnLoopback((_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(
          JSON.stringify({
            issuer: 'https://lms.example.com',
            registration_endpoint: 'https://lms.example.com/r',
          }),
        );
      });
      try {
        const res = await register({ openid_configuration: `${url}/config` });
        expect(res.status).to.equal(400);
        expect(await res.json()).to.deep.equal({
          error: 'invalid_request',
          message: `The platform configuration's issuer 'https://lms.example.com' is not the prefix of ${url}/config (LTI Dynamic Registration §3.5.1).`,
        });
        expect(await storage.platforms.list()).to.have.length(0);
      } finally {
        await closeServer(server);
      }
    });

    it('refuses a configuration URL that does not answer JSON', async () => {
      const res = await register({ openid_configuration: `${platform.url}/nowhere` });
      expect(res.status).to.equal(502);
      expect(await res.json()).to.deep.equal({
        error: 'platform_unreachable',
        message: `The platform configuration at ${platform.url}/nowhere answered 404 without a JSON object.`,
      });
    });
  });
}
