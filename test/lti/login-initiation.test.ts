import { expect } from 'chai';
import { Browser } from '../support/browser.js';
import { useRegisteredPlatform } from '../support/lti-fixture.js';
import { startTool } from '../support/start-tool.js';
import { testDatabases } from '../support/test-databases.js';

for (const database of testDatabases) {
  describe(`LTI login initiation (${database.name})`, () => {
    const fixture = useRegisteredPlatform(database);

    function loginUrl(params: Record<string, string | undefined>) {
      const url = new URL(`${fixture.tool.url}/lti/login`);
      const all: Record<string, string | undefined> = {
        iss: fixture.platform.issuer,
        login_hint: 'user-1',
        target_link_uri: `${fixture.tool.url}/lti/launch`,
        client_id: fixture.platform.clientId,
        ...params,
      };
      for (const [k, v] of Object.entries(all)) if (v !== undefined) url.searchParams.set(k, v);
      return url.toString();
    }

    it('redirects to the platform with every OIDC parameter and a CSPRNG state and nonce', async () => {
      const res = await new Browser().get(
        loginUrl({ lti_message_hint: 'hint-1', lti_deployment_id: fixture.platform.deploymentId }),
      );
      expect(res.status).to.equal(302);
      const location = new URL(res.headers.get('location')!);
      expect(`${location.origin}${location.pathname}`).to.equal(`${fixture.platform.url}/auth`);
      const q = Object.fromEntries(location.searchParams);
      expect(q).to.include({
        scope: 'openid',
        response_type: 'id_token',
        response_mode: 'form_post',
        prompt: 'none',
        client_id: fixture.platform.clientId,
        redirect_uri: `${fixture.tool.url}/lti/launch`,
        login_hint: 'user-1',
        lti_message_hint: 'hint-1',
      });
      expect(q.state).to.match(/^[\w-]{43}$/);
      expect(q.nonce).to.match(/^[\w-]{43}$/);
      expect(q.state).to.not.equal(q.nonce);
      const cookie = Browser.setCookies(res).join('\n');
      expect(cookie).to.contain(`lti_state_${q.state}=`).and.contain('Path=/lti').and.contain('HttpOnly');
      expect(cookie).to.contain('SameSite=Lax');
    });

    it('accepts the login initiation as a form POST', async () => {
      const res = await new Browser().postForm(`${fixture.tool.url}/lti/login`, {
        iss: fixture.platform.issuer,
        login_hint: 'user-1',
        target_link_uri: `${fixture.tool.url}/lti/launch`,
        client_id: fixture.platform.clientId,
      });
      expect(res.status).to.equal(302);
    });

    it('finds the registration by issuer alone when the platform sends no client_id', async () => {
      const res = await new Browser().get(loginUrl({ client_id: undefined }));
      expect(res.status).to.equal(302);
    });

    const refusals: [string, Record<string, string | undefined>, number, string, RegExp][] = [
      [
        'missing iss, login_hint and target_link_uri',
        { iss: undefined, login_hint: undefined, target_link_uri: undefined },
        400,
        'invalid_login',
        /^Login initiation is missing iss, login_hint, target_link_uri: a platform must send iss, login_hint and target_link_uri\.$/,
      ],
      [
        'an unknown issuer',
        { iss: 'https://unknown.example.com' },
        400,
        'unknown_platform',
        /^No platform is registered with issuer 'https:\/\/unknown\.example\.com' and client id 'accredit-client'\. An admin registers it with POST \/api\/admin\/platforms or 'npx accredit platform add'\.$/,
      ],
      [
        'an unknown client id',
        { client_id: 'who-is-this' },
        400,
        'unknown_platform',
        /^No platform is registered with issuer 'http:\/\/127\.0\.0\.1:\d+' and client id 'who-is-this'\./,
      ],
      [
        'an unknown issuer without client id',
        { iss: 'https://unknown.example.com', client_id: undefined },
        400,
        'unknown_platform',
        /^No platform is registered with issuer 'https:\/\/unknown\.example\.com'\. /,
      ],
      [
        'a target_link_uri on another host (no open redirect)',
        { target_link_uri: 'https://evil.example.com/lti/launch' },
        400,
        'invalid_login',
        /^target_link_uri 'https:\/\/evil\.example\.com\/lti\/launch' does not point at this tool \(http:\/\/127\.0\.0\.1:\d+\); check the tool's URL in the platform's registration\.$/,
      ],
      [
        'an unregistered lti_deployment_id',
        { lti_deployment_id: 'deployment-unknown' },
        403,
        'unknown_deployment',
        /^Deployment 'deployment-unknown' is not registered for platform 'Test LMS'/,
      ],
    ];
    for (const [name, params, status, error, message] of refusals) {
      it(`refuses ${name}`, async () => {
        const res = await new Browser().get(loginUrl(params));
        expect(res.status).to.equal(status);
        expect(res.headers.get('location')).to.equal(null);
        expect(Browser.setCookies(res)).to.deep.equal([]);
        const body = (await res.json()) as { error: string; message: string };
        expect(body.error).to.equal(error);
        expect(body.message).to.match(message);
      });
    }

    it('asks for client_id when several registrations share the issuer', async () => {
      const res1 = await fixture.tool.admin(
        'POST',
        '/api/admin/platforms',
        fixture.platform.registration({ clientId: 'second-client' }),
      );
      expect(res1.status).to.equal(201);
      try {
        const res = await new Browser().get(loginUrl({ client_id: undefined }));
        expect(res.status).to.equal(400);
        expect(await res.json()).to.deep.equal({
          error: 'invalid_login',
          message: `Several registrations share issuer '${fixture.platform.issuer}': the platform must send client_id with the login initiation.`,
        });
      } finally {
        const { id } = (await res1.json()) as { id: string };
        expect((await fixture.tool.admin('DELETE', `/api/admin/platforms/${id}`)).status).to.equal(204);
      }
    });

    it('sets SameSite=None; Secure; Partitioned state cookies when the tool is served over https', async () => {
      const httpsTool = await startTool(fixture.storage, {
        config: { publicUrl: 'https://accredit.example.com' },
      });
      try {
        const res = await fetch(
          `${httpsTool.url}/lti/login?${new URLSearchParams({
            iss: fixture.platform.issuer,
            login_hint: 'user-1',
            target_link_uri: 'https://accredit.example.com/lti/launch',
            client_id: fixture.platform.clientId,
          })}`,
          { redirect: 'manual' },
        );
        expect(res.status).to.equal(302);
        const cookie = Browser.setCookies(res).join('\n');
        expect(cookie).to.contain('SameSite=None').and.contain('Secure').and.contain('Partitioned');
        expect(new URL(res.headers.get('location')!).searchParams.get('redirect_uri')).to.equal(
          'https://accredit.example.com/lti/launch',
        );
      } finally {
        await httpsTool.close();
      }
    });
  });
}
