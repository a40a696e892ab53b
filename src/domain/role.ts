/**
 * What a person may do in Accredit. Anyone launched without a recognised role is a learner:
 * the least privilege, which only ever reaches their own attempts.
 */
export type Role = 'learner' | 'evaluator' | 'admin';

export function hasRole(roles: readonly Role[], role: Role): boolean {
  return roles.includes(role);
}
