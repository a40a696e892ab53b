import type { RequestHandler } from 'express';
import { scope } from './access-scopes.js';
import { send } from './ags-handlers.js';
import { devContext } from './destinations.js';
import type { DevPlatformContext } from './dev-platform-context.js';
import { fullName, personas } from './personas.js';

/**
 * GET /dev/contexts/:contextId/memberships: Names and Role Provisioning Services 2.0 (§2.2): every
 * persona, active, with the roles their launches carry; `role` filters as the spec allows.
 */
export function getMemberships(ctx: DevPlatformContext): RequestHandler {
  return (req, res) => {
    const problem = ctx.tokens.check(req.headers.authorization, [scope.memberships]);
    if (problem) return send(res, problem);
    if (req.params.contextId !== devContext.id) {
      res
        .status(404)
        .json({ error: `There is no course '${String(req.params.contextId)}' on this platform.` });
      return;
    }
    const role = typeof req.query.role === 'string' ? req.query.role : undefined;
    const members = personas
      .filter((p) => role === undefined || p.roles.some((r) => r === role || r.endsWith(`#${role}`)))
      .map((p) => ({
        status: 'Active',
        user_id: p.subject,
        name: fullName(p),
        given_name: p.givenName,
        family_name: p.familyName,
        email: p.email,
        roles: [...p.roles],
      }));
    res.type('application/vnd.ims.lti-nrps.v2.membershipcontainer+json').send(
      JSON.stringify({
        id: `${ctx.urls.memberships(devContext.id)}${role ? `?role=${encodeURIComponent(role)}` : ''}`,
        context: { id: devContext.id, label: devContext.label, title: devContext.title },
        members,
      }),
    );
  };
}
