/** AGS 2.0 scopes the tool uses. */
export const agsScope = {
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  lineItemReadOnly: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
} as const;

/** The platform's Assignment and Grade Services endpoint for one resource link, as the launch gave it. */
export interface GradeService {
  /** The line items container of the context. */
  readonly lineItemsUrl: string | undefined;
  /** The one line item the platform coupled with the link, when it made one. */
  readonly lineItemUrl: string | undefined;
  readonly scopes: readonly string[];
}

/**
 * Why scores cannot be sent back for a link, or undefined when they can. Accredit keeps a line item
 * per stage (written exam, practical), so it needs the container and the right to create in it.
 */
export function passbackProblem(service: GradeService | undefined): string | undefined {
  if (!service) return 'the launch carried no Assignment and Grade Services claim';
  if (!service.scopes.includes(agsScope.score)) return 'the platform did not grant the score scope';
  if (!service.lineItemsUrl) return 'the platform gave no line items container URL';
  if (!service.scopes.includes(agsScope.lineItem))
    return 'the platform did not grant the line item scope (needed to create the written and practical line items)';
  return undefined;
}
