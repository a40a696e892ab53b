import type { Platform } from '../domain/platform.js';

/** A registration as the admin API shows it (nothing secret is stored on a platform). */
export function platformView(p: Platform) {
  return {
    id: p.id,
    issuer: p.issuer,
    clientId: p.clientId,
    name: p.name,
    authLoginUrl: p.authLoginUrl,
    accessTokenUrl: p.accessTokenUrl,
    jwksUrl: p.jwksUrl,
    tokenAudience: p.tokenAudience ?? null,
    acceptNewDeployments: p.acceptNewDeployments,
    deploymentIds: p.deploymentIds,
    createdAt: p.createdAt.toISOString(),
  };
}
