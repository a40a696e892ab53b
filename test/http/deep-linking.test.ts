import { expect } from 'chai';
import { createRemoteJWKSet, decodeProtectedHeader, type JWTPayload, jwtVerify } from 'jose';
import { escapeHtml } from '../../src/views/html.js';
import { Browser, parseForm } from '../support/browser.js';
import { useRegisteredPlatform } from '../support/lti-fixture.js';
import { testDatabases } from '../support/test-databases.js';
import { type LaunchOptions, roles } from '../support/test-platform.js';

const sqlite = testDatabases.find((d) => d.name === 'sqlite')!;
const lti = 'https://purl.imsglobal.org/spec/lti/claim/';
const dl = 'https://purl.imsglobal.org/spec/lti-dl/claim/';

describe('deep linking (the tool side)', () => {
  const fixture = useRegisteredPlatform(sqlite);

  /** A deep linking launch: the landing page's token, and the picker page it leads to. */
  async function deepLinkingLaunch(settings: Record<string, unknown> = {}, options: LaunchOptions = {}) {
    const launch = await fixture.platform.launch(new Browser(), fixture.tool.url, {
      sub: 'instructor-1',
      roles: [roles.instructor],
      deepLinking: settings,
      ...options,
    });
    expect(launch.response.status, launch.body).to.equal(200);
    const token = launch.sessionToken!;
    const onwards = /<a id="continue"[^>]*data-follow href="([^"]+)"/.exec(launch.body)?.[1];
    expect(onwards).to.equal(`/deep-linking?session=${token}`);
    return { token, landing: launch.body };
  }

  const picker = (token: string) => fetch(`${fixture.tool.url}/deep-linking?session=${token}`);
  const respond = (token: string, fields: [string, string][]) =>
    fetch(`${fixture.tool.url}/deep-linking?session=${token}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  /** The response page's form, and its JWT verified against the tool's published JWKS. */
  async function signedResponse(
    res: Response,
  ): Promise<{ action: string; payload: JWTPayload; kid: string }> {
    const body = await res.text();
    expect(res.status, body).to.equal(200);
    expect(body).to.contain('<script type="module" src="/assets/deep-linking.js?v=');
    expect(body).to.match(/<button class="button primary" type="submit">Continue to your platform<\/button>/);
    const form = parseForm(body);
    expect(Object.keys(form.fields)).to.deep.equal(['JWT']);
    const { payload } = await jwtVerify(
      form.fields.JWT!,
      createRemoteJWKSet(new URL(`${fixture.tool.url}/lti/keys`)),
      {
        algorithms: ['RS256'],
        issuer: fixture.platform.clientId,
        audience: fixture.platform.issuer,
        requiredClaims: ['iat', 'exp', 'nonce'],
      },
    );
    return { action: form.action, payload, kid: decodeProtectedHeader(form.fields.JWT!).kid! };
  }

  it('refuses a learner a deep linking launch (403) and opens no session', async () => {
    const before = await fixture.storage.sessions.countLive(new Date());
    const launch = await fixture.platform.launch(new Browser(), fixture.tool.url, {
      roles: [roles.learner],
      deepLinking: {},
    });
    expect(launch.response.status).to.equal(403);
    expect(JSON.parse(launch.body)).to.deep.equal({
      error: 'forbidden',
      message:
        'Only an instructor or an administrator can choose Accredit content to add to a course; your platform launched you as a learner.',
    });
    expect(await fixture.storage.sessions.countLive(new Date())).to.equal(before);
  });

  it("lands an instructor on the picker, which lists the progress page and the program's courses", async () => {
    const { token, landing } = await deepLinkingLaunch({ title: 'Week 3 assessment' });
    expect(landing).to.contain('Your platform asks you to choose what to add to the course.');
    const res = await picker(token);
    expect(res.status).to.equal(200);
    const body = await res.text();
    expect(body).to.contain('<h1>Add Accredit to your course</h1>');
    expect(body).to.contain('Your platform asks for: Week 3 assessment');
    expect(body).to.contain('What to place (choose one)');
    const inputs = [
      ...body.matchAll(/<input type="(radio|checkbox)" id="item-\d+" name="item" value="([^"]+)"/g),
    ];
    expect(inputs.map((m) => [m[1], m[2]])).to.deep.equal([
      ['radio', 'progress'],
      ['radio', 'course:pipelines'],
      ['radio', 'course:security'],
    ]);
    expect(body).to.contain('name="title:course:pipelines" value="Pipelines"');
    expect(body).to.contain('Part of Solution Architect Accreditation.');
    expect(body).to.not.contain('gradebook column');
  });

  it('signs the response for the session’s platform and deployment, with the chosen course, the title and the data echoed', async () => {
    const { token } = await deepLinkingLaunch();
    const res = await respond(token, [
      ['item', 'course:pipelines'],
      ['title:course:pipelines', '  Pipelines <exam>  '],
      ['title:course:security', 'ignored: not chosen'],
      // Values only the session may decide are not read from the browser.
      ['deep_link_return_url', 'https://evil.example/steal'],
      ['deployment_id', 'other-deployment'],
      ['data', 'forged'],
    ]);
    const { action, payload, kid } = await signedResponse(res);
    expect(action).to.equal(fixture.platform.deepLinkReturnUrl);
    const jwks = (await (await fetch(`${fixture.tool.url}/lti/keys`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.at(-1)!.kid).to.equal(kid);
    expect(payload.exp! - payload.iat!).to.equal(300);
    expect(payload.nonce).to.be.a('string').with.length.greaterThan(20);
    expect(payload[`${lti}message_type`]).to.equal('LtiDeepLinkingResponse');
    expect(payload[`${lti}version`]).to.equal('1.3.0');
    expect(payload[`${lti}deployment_id`]).to.equal(fixture.platform.deploymentId);
    expect(payload[`${dl}data`]).to.equal('platform-data-1');
    expect(payload[`${dl}msg`]).to.equal('Accredit placed 1 link.');
    expect(payload[`${dl}content_items`]).to.deep.equal([
      {
        type: 'ltiResourceLink',
        title: 'Pipelines <exam>',
        url: `${fixture.tool.url}/lti/launch`,
        custom: { course: 'pipelines' },
      },
    ]);
  });

  it('places several items when the platform accepts them, with the line item only where it creates them', async () => {
    const { token } = await deepLinkingLaunch({
      accept_multiple: true,
      accept_lineitem: true,
      data: undefined,
    });
    const page = await (await picker(token)).text();
    expect(page).to.contain('What to place (choose one or more)');
    expect(page).to.contain('<input type="checkbox" id="item-1" name="item" value="progress"');
    expect(page).to.contain('gradebook column');
    const { payload } = await signedResponse(
      await respond(token, [
        ['item', 'progress'],
        ['item', 'course:security'],
        ['title:progress', ''],
        ['title:course:security', 'Security'],
      ]),
    );
    expect(payload).to.not.have.property(`${dl}data`);
    expect(payload[`${dl}content_items`]).to.deep.equal([
      { type: 'ltiResourceLink', title: 'Accreditation progress', url: `${fixture.tool.url}/lti/launch` },
      {
        type: 'ltiResourceLink',
        title: 'Security',
        url: `${fixture.tool.url}/lti/launch`,
        custom: { course: 'security' },
        lineItem: {
          scoreMaximum: 100,
          label: 'Security: written exam',
          resourceId: 'security',
          tag: 'accredit-written',
        },
      },
    ]);
  });

  it('sends no content item when the person cancels', async () => {
    const { token } = await deepLinkingLaunch();
    const { payload } = await signedResponse(await respond(token, [['action', 'cancel']]));
    expect(payload[`${dl}content_items`]).to.deep.equal([]);
    expect(payload[`${dl}msg`]).to.equal('Nothing was placed.');
    expect(payload[`${dl}data`]).to.equal('platform-data-1');
  });

  for (const [label, settings, fields, message] of [
    [
      'a course the program does not have',
      {},
      [['item', 'course:forged<b>']],
      "'course:forged<b>' is not the progress page or a course of the program Accredit has loaded, so it cannot be placed.",
    ],
    [
      'two items when the platform accepts one',
      {},
      [
        ['item', 'course:pipelines'],
        ['item', 'course:security'],
      ],
      'The platform accepts one item from this request, and 2 were chosen.',
    ],
    [
      'a choice when the platform takes no LTI resource link',
      { accept_types: ['link', 'file'] },
      [['item', 'progress']],
      "The platform accepts only 'link', 'file' here, and Accredit places LTI resource links (ltiResourceLink).",
    ],
    [
      'a choice when the platform shows content only embedded',
      { accept_presentation_document_targets: ['embed'] },
      [['item', 'progress']],
      "The platform would show the link only as 'embed', and Accredit opens in an iframe or a window.",
    ],
  ] as [string, Record<string, unknown>, [string, string][], string][]) {
    it(`refuses ${label} with 400, naming it, and signs nothing`, async () => {
      const { token } = await deepLinkingLaunch(settings);
      const res = await respond(token, fields);
      expect(res.status).to.equal(400);
      const body = await res.text();
      expect(body).to.contain(escapeHtml(message));
      expect(body).to.not.contain('name="JWT"');
    });
  }

  it('says on the picker when the platform takes nothing Accredit places, and offers only the way back', async () => {
    const { token } = await deepLinkingLaunch({ accept_types: ['file'] });
    const body = await (await picker(token)).text();
    expect(body).to.contain('Accredit cannot place anything through this request.');
    expect(body).to.not.contain('name="item"');
    expect(body).to.contain(
      '<button class="button" type="submit" name="action" value="cancel">Return to your platform</button>',
    );
  });

  it('sends the form back (422) when nothing is chosen', async () => {
    const { token } = await deepLinkingLaunch();
    const res = await respond(token, [['title:progress', 'Mine']]);
    expect(res.status).to.equal(422);
    const body = await res.text();
    expect(body).to.contain('<a href="#item-1" data-field="item-1">Choose what to place in the course.</a>');
    expect(body).to.contain('name="title:progress" value="Mine"');
    expect(body).to.not.contain('name="JWT"');
  });

  it('refuses the picker and a response to a resource link session (403)', async () => {
    const launch = await fixture.platform.launch(new Browser(), fixture.tool.url, {
      sub: 'instructor-2',
      roles: [roles.instructor],
    });
    expect(launch.response.status).to.equal(200);
    for (const res of [
      await picker(launch.sessionToken!),
      await respond(launch.sessionToken!, [['item', 'course:pipelines']]),
    ]) {
      expect(res.status).to.equal(403);
      const body = await res.text();
      expect(body).to.contain(
        'This session was not opened by a deep linking request, so it cannot place content; start &quot;add content&quot; from your platform.',
      );
      expect(body).to.not.contain('name="JWT"');
    }
  });

  it('refuses a deep linking request whose return URL is not http(s)', async () => {
    const launch = await fixture.platform.launch(new Browser(), fixture.tool.url, {
      roles: [roles.instructor],
      deepLinking: { deep_link_return_url: 'javascript:alert(1)' },
    });
    expect(launch.response.status).to.equal(401);
    expect(JSON.parse(launch.body)).to.deep.equal({
      error: 'invalid_token',
      message: "The deep linking request's deep_link_return_url is not an http(s) URL.",
    });
  });

  it('lets an admin place content too', async () => {
    const { token } = await deepLinkingLaunch({}, { sub: 'admin-1', roles: [roles.administrator] });
    const { payload } = await signedResponse(await respond(token, [['item', 'progress']]));
    expect(payload[`${dl}content_items`]).to.have.length(1);
  });
});
