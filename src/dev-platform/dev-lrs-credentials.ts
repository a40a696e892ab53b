import { hkdfSync } from 'node:crypto';

export interface DevLrsCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * The Basic credentials of the development LRS, derived from LTI_KEY: the tool's xAPI delivery is
 * given them, and anyone else posting statements is refused as a real LRS would refuse them.
 */
export function devLrsCredentials(ltiKey: string): DevLrsCredentials {
  const password = Buffer.from(hkdfSync('sha256', ltiKey, 'accredit', 'accredit/dev-lrs/v1', 24)).toString(
    'base64url',
  );
  return { username: 'accredit', password };
}
