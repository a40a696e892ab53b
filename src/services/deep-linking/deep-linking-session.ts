import type { DeepLinkingSettings } from '../../domain/deep-linking.js';
import { hasRole } from '../../domain/role.js';
import type { Session } from '../../domain/session.js';
import { AppError } from '../../errors.js';

/** Who may choose what a deep linking request places: the course's instructors and admins. */
export function mayPlaceContent(roles: Session['launch']['roles']): boolean {
  return hasRole(roles, 'evaluator') || hasRole(roles, 'admin');
}

export const learnerMayNotPlace =
  'Only an instructor or an administrator can choose Accredit content to add to a course; your platform launched you as a learner.';

/**
 * The deep linking settings of the session's own request: only a session opened by a deep linking
 * launch, of someone who may place content, can answer one.
 */
export function deepLinkingOf(session: Session): DeepLinkingSettings {
  const { launch } = session;
  if (launch.messageType !== 'LtiDeepLinkingRequest' || !launch.deepLinking) {
    throw new AppError(
      'forbidden',
      'This session was not opened by a deep linking request, so it cannot place content; start "add content" from your platform.',
    );
  }
  if (!mayPlaceContent(launch.roles)) throw new AppError('forbidden', learnerMayNotPlace);
  return launch.deepLinking;
}
