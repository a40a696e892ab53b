/** What a platform service said to one request: its status and body, or that it could not be reached. */
export type ServiceAnswer =
  | {
      readonly reached: true;
      readonly status: number;
      readonly body: string;
      readonly retryAfterSeconds: number | undefined;
      readonly headers: Headers;
    }
  | { readonly reached: false; readonly error: string };

/** One request with a timeout, never following redirects (a token must not leak to another host). */
export async function callService(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  timeoutMs: number,
): Promise<ServiceAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (err) {
    return { reached: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
  const body = await response.text().catch(() => '');
  const retryAfter = Number(response.headers.get('retry-after'));
  return {
    reached: true,
    status: response.status,
    body: body.slice(0, 100_000),
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    headers: response.headers,
  };
}

export function describeAnswer(service: string, answer: ServiceAnswer): string {
  return answer.reached
    ? `${service} answered ${answer.status}: ${answer.body.slice(0, 4000)}`
    : `${service} not reached: ${answer.error}`;
}
