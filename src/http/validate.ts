import type { z } from 'zod';
import { AppError } from '../errors.js';

/** Parses a request body with its schema; the error names every field that is wrong and why. */
export function validate<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(body)';
    if (issue.code === 'unrecognized_keys') return `${path}: unknown field(s) ${issue.keys.join(', ')}`;
    if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined'))
      return `${path}: is required`;
    return `${path}: ${issue.message.replace(/^Invalid input: /, '')}`;
  });
  throw new AppError('invalid_request', `${what} is invalid: ${problems.join('; ')}.`, { problems });
}
