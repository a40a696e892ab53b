import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { randomToken } from './random-token.js';

/** How long an admin page session lasts after sign-in. */
export const adminPageSessionMinutes = 30;

/**
 * Admin page sessions, so that the admin pages never carry ADMIN_TOKEN itself: after a sign-in
 * with the token, the pages carry `<expiry>.<nonce>.<mac>`, an HMAC-SHA256 under a key derived
 * (HKDF) from ADMIN_TOKEN. Nothing is stored: any process sharing the ADMIN_TOKEN accepts it (the
 * tool runs as many stateless processes behind a load balancer), it expires on its own after
 * 30 minutes, and changing ADMIN_TOKEN ends every one of them at once.
 */
export class AdminPageTokens {
  private readonly key: Buffer;

  constructor(adminToken: string) {
    this.key = Buffer.from(hkdfSync('sha256', adminToken, 'accredit', 'admin page sessions v1', 32));
  }

  issue(now: Date): { token: string; expiresAt: Date } {
    const expiresAt = new Date(now.getTime() + adminPageSessionMinutes * 60_000);
    const body = `${Math.floor(expiresAt.getTime() / 1000)}.${randomToken(16)}`;
    return { token: `${body}.${this.mac(body)}`, expiresAt };
  }

  /** Whether the token was issued here (MAC compared in constant time), and whether it still holds. */
  check(token: string, now: Date): 'valid' | 'invalid' | 'expired' {
    const parts = token.length <= 200 ? token.split('.') : [];
    if (parts.length !== 3 || !/^\d{1,12}$/.test(parts[0]!)) return 'invalid';
    const given = Buffer.from(parts[2]!);
    const expected = Buffer.from(this.mac(`${parts[0]}.${parts[1]}`));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return Number(parts[0]) * 1000 > now.getTime() ? 'valid' : 'expired';
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
