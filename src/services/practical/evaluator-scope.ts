import type { NamedEvaluator } from '../../config/config.js';
import type { LaunchContext } from '../../domain/launch-context.js';
import type { PracticalSubmission } from '../../domain/practical/submission.js';
import { AppError } from '../../errors.js';
import type { Actor } from './practical-deps.js';

/**
 * Whose submissions an evaluator may see and grade: those made from the LMS context where they
 * hold the Instructor or Teaching Assistant role, or, for evaluators named in EVALUATORS, every
 * submission from their platform.
 */
export interface EvaluatorScope {
  readonly actor: Actor;
  readonly platformId: string;
  readonly contexts: 'all' | { readonly id: string | undefined };
}

export function evaluatorScope(launch: LaunchContext, named: readonly NamedEvaluator[]): EvaluatorScope {
  const actor: Actor = {
    platformId: launch.platformId,
    issuer: launch.issuer,
    subject: launch.subject,
    name: launch.name,
  };
  if (named.some((e) => e.issuer === launch.issuer && e.subject === launch.subject))
    return { actor, platformId: launch.platformId, contexts: 'all' };
  if (launch.roles.includes('evaluator'))
    return { actor, platformId: launch.platformId, contexts: { id: launch.context?.id } };
  throw new AppError(
    'forbidden',
    'Only evaluators can do this: an Instructor or Teaching Assistant of the LMS course, or someone named in EVALUATORS.',
  );
}

export function inScope(scope: EvaluatorScope, submission: PracticalSubmission): boolean {
  if (submission.learner.platformId !== scope.platformId) return false;
  return scope.contexts === 'all' || submission.contextId === scope.contexts.id;
}

/** The submission, when it exists and the evaluator may act on it: 404 or 403 otherwise. */
export function requireInScope(
  scope: EvaluatorScope,
  submission: PracticalSubmission | undefined,
  id: string,
): PracticalSubmission {
  if (!submission || submission.learner.platformId !== scope.platformId)
    throw new AppError('not_found', `There is no practical submission '${id}'.`);
  if (!inScope(scope, submission))
    throw new AppError(
      'forbidden',
      'This submission was made from another LMS course than the one you evaluate in.',
    );
  if (submission.learner.subject === scope.actor.subject)
    throw new AppError('forbidden', 'You cannot evaluate your own submission; another evaluator must.');
  return submission;
}
