import { expect } from 'chai';
import { Browser } from './browser.js';
import type { LtiFixture } from './lti-fixture.js';
import type { LaunchOptions } from './test-platform.js';

export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read back as loose JSON, checked by the assertions.
  body: Record<string, any> & { error?: string; message?: string };
  text: string;
}

export interface LearnerApi {
  readonly token: string;
  call(method: string, path: string, body?: unknown): Promise<ApiAnswer>;
}

/** Launches a user through the test platform and returns an API client carrying their session. */
export async function launchAs(fixture: LtiFixture, options: LaunchOptions = {}): Promise<LearnerApi> {
  const launch = await fixture.platform.launch(new Browser(), fixture.tool.url, options);
  expect(launch.response.status, launch.body).to.equal(200);
  return sessionApi(fixture.tool.url, launch.sessionToken!);
}

/** An API client for the tool at `toolUrl` carrying a launch's session token. */
export function sessionApi(toolUrl: string, token: string): LearnerApi {
  return {
    token,
    call: async (method, path, body) => {
      const res = await fetch(`${toolUrl}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as ApiAnswer['body']) : {}, text };
    },
  };
}
