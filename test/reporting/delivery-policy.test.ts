import { expect } from 'chai';
import { isTransient, nextTryDelayMs } from '../../src/reporting/delivery-policy.js';

describe('delivery policy', () => {
  const policy = { baseMs: 2000, maxMs: 600_000 };

  it('backs off exponentially with jitter between half and one and a half times', () => {
    expect(nextTryDelayMs(1, undefined, () => 0.5, policy)).to.equal(2000);
    expect(nextTryDelayMs(4, undefined, () => 0.5, policy)).to.equal(16_000);
    expect(nextTryDelayMs(4, undefined, () => 0, policy)).to.equal(8000);
    expect(nextTryDelayMs(4, undefined, () => 0.999, policy)).to.be.closeTo(23_984, 1);
    expect(nextTryDelayMs(40, undefined, () => 0.5, policy)).to.equal(600_000);
  });

  it('honours Retry-After, within the maximum', () => {
    expect(nextTryDelayMs(1, 30, () => 0.5, policy)).to.equal(30_000);
    expect(nextTryDelayMs(1, 86_400, () => 0.5, policy)).to.equal(600_000);
  });

  it('tries again on 5xx, 429, 408 and 401, not on other 4xx', () => {
    expect([500, 502, 503, 429, 408, 401].every(isTransient)).to.equal(true);
    expect([400, 403, 404, 409, 413].some(isTransient)).to.equal(false);
  });
});
