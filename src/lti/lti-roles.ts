import type { Role } from '../domain/role.js';

/**
 * Maps LTI role URIs (full, or the short names some platforms send) to Accredit roles.
 * Context Instructor and TeachingAssistant grade; Administrator administers; everything else,
 * empty and unknown roles included, is a learner (least privilege).
 */
export function rolesFromLti(ltiRoles: readonly string[]): Role[] {
  const roles = new Set<Role>();
  for (const raw of ltiRoles) {
    const name = roleName(raw);
    if (
      name === 'Instructor' ||
      name === 'TeachingAssistant' ||
      name === 'ContentDeveloper' ||
      name === 'Mentor'
    ) {
      roles.add('evaluator');
    }
    if (name === 'Administrator' && isContextOrInstitutionRole(raw)) roles.add('admin');
  }
  roles.add('learner');
  return [...roles];
}

/** `…/membership#Instructor`, `…/membership/Instructor#TeachingAssistant` and `Instructor` all name a role. */
function roleName(raw: string): string {
  const trimmed = raw.trim();
  const hash = trimmed.lastIndexOf('#');
  return hash >= 0 ? trimmed.slice(hash + 1) : (trimmed.split('/').pop() ?? '');
}

function isContextOrInstitutionRole(raw: string): boolean {
  return (
    !raw.includes('/') ||
    raw.includes('/lis/v2/membership') ||
    raw.includes('/lis/v2/institution/person') ||
    raw.includes('/lis/v2/system/person')
  );
}
