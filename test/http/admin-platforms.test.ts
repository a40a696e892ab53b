import { expect } from 'chai';
import { adminToken, type RunningTool, startTool } from '../support/start-tool.js';
import { testDatabases } from '../support/test-databases.js';

const valid = {
  issuer: 'https://lms.example.com',
  clientId: 'client-1',
  name: 'Example LMS',
  authLoginUrl: 'https://lms.example.com/auth',
  accessTokenUrl: 'https://lms.example.com/token',
  jwksUrl: 'https://lms.example.com/jwks',
  deploymentIds: ['d-1', 'd-2'],
};

for (const database of testDatabases) {
  describe(`admin platforms API (${database.name})`, () => {
    let storage: Awaited<ReturnType<typeof database.open>>;
    let tool: RunningTool;
    const count = async () => (await storage.platforms.list()).length;

    before(async () => {
      storage = await database.open();
      tool = await startTool(storage);
    });

    after(async () => {
      await tool.close();
      await storage.destroy();
    });

    afterEach(async () => {
      for (const p of await storage.platforms.list()) await storage.platforms.remove(p.id);
    });

    it('registers, lists and removes a platform', async () => {
      const created = await tool.admin('POST', '/api/admin/platforms', valid);
      expect(created.status).to.equal(201);
      const body = (await created.json()) as Record<string, unknown>;
      expect(body).to.include({
        issuer: valid.issuer,
        clientId: 'client-1',
        name: 'Example LMS',
        acceptNewDeployments: false,
      });
      expect(body.deploymentIds).to.deep.equal(['d-1', 'd-2']);
      expect(created.headers.get('location')).to.equal(`${tool.url}/api/admin/platforms/${body.id}`);

      const list = (await (await tool.admin('GET', '/api/admin/platforms')).json()) as {
        platforms: unknown[];
      };
      expect(list.platforms).to.deep.equal([body]);

      expect((await tool.admin('DELETE', `/api/admin/platforms/${body.id}`)).status).to.equal(204);
      expect(await count()).to.equal(0);
    });

    it('refuses a second registration of the same issuer and client id with 409 naming both', async () => {
      const first = (await (await tool.admin('POST', '/api/admin/platforms', valid)).json()) as {
        id: string;
      };
      const res = await tool.admin('POST', '/api/admin/platforms', { ...valid, name: 'Again' });
      expect(res.status).to.equal(409);
      expect(await res.json()).to.deep.equal({
        error: 'conflict',
        message: `A platform with issuer 'https://lms.example.com' and client id 'client-1' is already registered (id ${first.id}, 'Example LMS'); remove it first or use another client id.`,
      });
      expect(await count()).to.equal(1);
    });

    it('registers the same issuer again under another client id (hosted Canvas)', async () => {
      expect((await tool.admin('POST', '/api/admin/platforms', valid)).status).to.equal(201);
      expect(
        (await tool.admin('POST', '/api/admin/platforms', { ...valid, clientId: 'client-2' })).status,
      ).to.equal(201);
      expect(await count()).to.equal(2);
    });

    const invalid: [string, unknown, string][] = [
      [
        'a relative URL',
        { ...valid, jwksUrl: '/jwks' },
        'The platform registration is invalid: jwksUrl: is not an absolute URL; expected e.g. https://host/path.',
      ],
      [
        'a non-http URL',
        { ...valid, authLoginUrl: 'ftp://lms.example.com/auth' },
        'The platform registration is invalid: authLoginUrl: must be an http or https URL.',
      ],
      [
        'missing fields',
        { issuer: valid.issuer },
        'The platform registration is invalid: clientId: is required; name: is required; authLoginUrl: is required; accessTokenUrl: is required; jwksUrl: is required.',
      ],
      [
        'an empty client id',
        { ...valid, clientId: '  ' },
        'The platform registration is invalid: clientId: must not be empty.',
      ],
      [
        'an unknown field',
        { ...valid, secret: 'x' },
        'The platform registration is invalid: (body): unknown field(s) secret.',
      ],
      [
        'deployment ids that are not strings',
        { ...valid, deploymentIds: [42] },
        'The platform registration is invalid: deploymentIds.0: expected string, received number.',
      ],
      [
        'an array body',
        [valid],
        'The platform registration is invalid: (body): expected object, received array.',
      ],
    ];
    for (const [name, body, message] of invalid) {
      it(`refuses ${name} with 400 and registers nothing`, async () => {
        const res = await tool.admin('POST', '/api/admin/platforms', body);
        expect(res.status).to.equal(400);
        const json = (await res.json()) as { error: string; message: string };
        expect(json.error).to.equal('invalid_request');
        expect(json.message).to.equal(message);
        expect(await count()).to.equal(0);
      });
    }

    it('refuses malformed JSON with 400', async () => {
      const res = await fetch(`${tool.url}/api/admin/platforms`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
        body: '{"issuer":',
      });
      expect(res.status).to.equal(400);
      expect(await res.json()).to.deep.equal({
        error: 'invalid_request',
        message: 'The request body is not valid JSON.',
      });
      expect(await count()).to.equal(0);
    });

    it('requires https URLs in production', async () => {
      const prod = await startTool(storage, {
        config: { production: true, publicUrl: 'https://accredit.example.com' },
      });
      try {
        const res = await fetch(`${prod.url}/api/admin/platforms`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...valid, jwksUrl: 'http://lms.example.com/jwks' }),
        });
        expect(res.status).to.equal(400);
        expect(((await res.json()) as { message: string }).message).to.equal(
          'The platform registration is invalid: jwksUrl: must use https in production.',
        );
        expect(await count()).to.equal(0);
      } finally {
        await prod.close();
      }
    });

    for (const [name, headers, message] of [
      ['no token', {}, 'This admin route needs the header Authorization: Bearer <ADMIN_TOKEN>.'],
      ['a wrong token', { Authorization: 'Bearer not-the-admin-token' }, 'The admin token is wrong.'],
      [
        'a non-bearer scheme',
        { Authorization: `Basic ${adminToken}` },
        'This admin route needs the header Authorization: Bearer <ADMIN_TOKEN>.',
      ],
    ] as const) {
      it(`answers 401 to ${name} and touches nothing`, async () => {
        const created = (await (await tool.admin('POST', '/api/admin/platforms', valid)).json()) as {
          id: string;
        };
        for (const [method, path, body] of [
          ['GET', '/api/admin/platforms', undefined],
          ['POST', '/api/admin/platforms', { ...valid, clientId: 'client-9' }],
          ['DELETE', `/api/admin/platforms/${created.id}`, undefined],
        ] as const) {
          const res = await fetch(`${tool.url}${path}`, {
            method,
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: body ? JSON.stringify(body) : undefined,
          });
          expect(res.status, `${method} ${path}`).to.equal(401);
          expect(await res.json()).to.deep.equal({ error: 'unauthorized', message });
        }
        expect((await storage.platforms.list()).map((p) => p.id)).to.deep.equal([created.id]);
      });
    }

    it('answers 404 for an unknown platform id', async () => {
      const res = await tool.admin('DELETE', '/api/admin/platforms/nope');
      expect(res.status).to.equal(404);
      expect(await res.json()).to.deep.equal({
        error: 'not_found',
        message:
          "No platform has id 'nope'; list them with GET /api/admin/platforms or 'accredit platform list'.",
      });
    });

    it('sends no CORS headers to another origin', async () => {
      const res = await fetch(`${tool.url}/api/admin/platforms`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example.com', 'Access-Control-Request-Method': 'POST' },
      });
      expect(res.headers.get('access-control-allow-origin')).to.equal(null);
      expect(res.headers.get('access-control-allow-credentials')).to.equal(null);
    });

    it('serves an OpenAPI document listing every route', async () => {
      const doc = (await (await fetch(`${tool.url}/api/openapi.json`)).json()) as {
        paths: Record<string, object>;
      };
      expect(Object.keys(doc.paths)).to.include.members([
        '/lti/login',
        '/lti/launch',
        '/lti/keys',
        '/lti/register',
        '/api/admin/platforms',
        '/api/admin/platforms/{id}',
        '/api/me',
        '/healthz',
        '/readyz',
      ]);
    });
  });
}
