import { z } from 'zod';
import { isAbsoluteUrl } from '../../config/load-config.js';

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

function url(httpsRequired: boolean) {
  return z
    .string()
    .trim()
    .max(2048, 'must be at most 2048 characters')
    .superRefine((value, ctx) => {
      const ok = isAbsoluteUrl(value, httpsRequired);
      if (ok !== true) ctx.addIssue({ code: 'custom', message: ok });
    });
}

/** The body of POST /api/admin/platforms, and the CLI's `platform add` options. */
export function platformInputSchema(httpsRequired: boolean) {
  return z
    .object({
      issuer: url(httpsRequired),
      clientId: text(255),
      name: text(255),
      authLoginUrl: url(httpsRequired),
      accessTokenUrl: url(httpsRequired),
      jwksUrl: url(httpsRequired),
      tokenAudience: text(2048).optional(),
      deploymentIds: z.array(text(255)).max(1000, 'must list at most 1000 deployments').optional(),
      acceptNewDeployments: z.boolean().optional(),
    })
    .strict();
}

export type PlatformInput = z.infer<ReturnType<typeof platformInputSchema>>;
