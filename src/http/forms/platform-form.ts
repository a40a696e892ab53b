import type { NewPlatform } from '../../domain/platform.js';
import { type PlatformFormValues, platformFields } from '../../views/pages/admin-platforms-page.js';
import type { FieldError } from '../../views/pages/form-errors.js';
import { strings } from '../../views/strings.js';
import { platformInputSchema } from '../schemas/platform-input.js';
import { field } from './form-fields.js';

export type PlatformFormOutcome =
  | { readonly ok: true; readonly platform: NewPlatform }
  | { readonly ok: false; readonly values: PlatformFormValues; readonly problems: FieldError[] };

/**
 * The register form, checked by the admin API's own schema: each problem names its field (its
 * label, then what the schema says is wrong, as the API and the CLI say it).
 */
export function readPlatformForm(
  form: Record<string, string | string[]>,
  httpsRequired: boolean,
): PlatformFormOutcome {
  const values: PlatformFormValues = {
    issuer: field(form, 'issuer'),
    clientId: field(form, 'clientId'),
    name: field(form, 'name'),
    authLoginUrl: field(form, 'authLoginUrl'),
    accessTokenUrl: field(form, 'accessTokenUrl'),
    jwksUrl: field(form, 'jwksUrl'),
    tokenAudience: field(form, 'tokenAudience'),
    deploymentIds: field(form, 'deploymentIds'),
    acceptNewDeployments: field(form, 'acceptNewDeployments') === 'yes',
  };
  const deploymentIds = values.deploymentIds
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const parsed = platformInputSchema(httpsRequired).safeParse({
    issuer: values.issuer,
    clientId: values.clientId,
    name: values.name,
    authLoginUrl: values.authLoginUrl,
    accessTokenUrl: values.accessTokenUrl,
    jwksUrl: values.jwksUrl,
    ...(values.tokenAudience.trim() ? { tokenAudience: values.tokenAudience } : {}),
    deploymentIds,
    acceptNewDeployments: values.acceptNewDeployments,
  });
  if (!parsed.success) {
    const problems: FieldError[] = [];
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'issuer') as keyof typeof platformFields;
      const label = platformFields[name] ?? strings.admin.issuer;
      const fieldId = `platform-${name}`;
      if (problems.some((p) => p.field === fieldId)) continue;
      problems.push({ field: fieldId, message: strings.admin.fieldError(label, issue.message) });
    }
    return { ok: false, values, problems };
  }
  const input = parsed.data;
  return {
    ok: true,
    platform: {
      issuer: input.issuer,
      clientId: input.clientId,
      name: input.name,
      authLoginUrl: input.authLoginUrl,
      accessTokenUrl: input.accessTokenUrl,
      jwksUrl: input.jwksUrl,
      tokenAudience: input.tokenAudience,
      deploymentIds: input.deploymentIds ?? [],
      acceptNewDeployments: input.acceptNewDeployments ?? false,
    },
  };
}
