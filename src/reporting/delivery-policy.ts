/** When to try again after a failed delivery: exponential back-off with jitter, honouring Retry-After. */
export function nextTryDelayMs(
  tries: number,
  retryAfterSeconds: number | undefined,
  random: () => number,
  policy: { baseMs: number; maxMs: number },
): number {
  if (retryAfterSeconds !== undefined) return Math.min(retryAfterSeconds * 1000, policy.maxMs);
  const exponential = Math.min(policy.baseMs * 2 ** Math.max(0, tries - 1), policy.maxMs);
  return Math.round(exponential * (0.5 + random()));
}

/** A status the LRS gives for a problem that may pass: worth trying the same bytes again. */
export function isTransient(status: number): boolean {
  return status >= 500 || status === 429 || status === 408 || status === 401;
}
