import type { RequestHandler } from 'express';

/** GET /api/me: who the session belongs to, as the launch said. */
export function whoAmI(): RequestHandler {
  return (_req, res) => {
    const session = res.locals.session!;
    const { launch } = session;
    res.json({
      subject: launch.subject,
      name: launch.name ?? null,
      email: launch.email ?? null,
      roles: launch.roles,
      platformId: launch.platformId,
      deploymentId: launch.deploymentId,
      context: launch.context ?? null,
      resourceLink: launch.resourceLink ?? null,
      courseId: launch.courseId ?? null,
      expiresAt: session.expiresAt.toISOString(),
    });
  };
}
