/**
 * Every failure the tool reports on purpose is an AppError with a stable machine code.
 * The map below decides its HTTP status; a new code without a status fails the typecheck.
 */
export type ErrorCode =
  | 'invalid_request'
  | 'payload_too_large'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unknown_platform'
  | 'unknown_deployment'
  | 'invalid_login'
  | 'invalid_token'
  | 'invalid_state'
  | 'launch_expired'
  | 'session_expired'
  | 'platform_unreachable'
  | 'attempt_closed'
  | 'not_allowed_yet'
  | 'invalid_response'
  | 'server_error';

export const statusOf: Record<ErrorCode, number> = {
  invalid_request: 400,
  payload_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unknown_platform: 400,
  unknown_deployment: 403,
  invalid_login: 400,
  invalid_token: 401,
  invalid_state: 401,
  launch_expired: 401,
  session_expired: 401,
  platform_unreachable: 502,
  attempt_closed: 409,
  not_allowed_yet: 409,
  invalid_response: 422,
  server_error: 500,
};

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  get status(): number {
    return statusOf[this.code];
  }
}

/** The wire form of any error: what an AppError says, or a generic server error for anything else. */
export function errorBody(err: unknown): { status: number; body: { error: ErrorCode; message: string } } {
  if (err instanceof AppError) {
    return { status: err.status, body: { error: err.code, message: err.message, ...err.details } };
  }
  return {
    status: 500,
    body: { error: 'server_error', message: 'Something went wrong on our side; try again.' },
  };
}
