const ags = 'https://purl.imsglobal.org/spec/lti-ags/scope/';

export const scope = {
  lineItem: `${ags}lineitem`,
  lineItemReadOnly: `${ags}lineitem.readonly`,
  resultReadOnly: `${ags}result.readonly`,
  score: `${ags}score`,
  memberships: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
} as const;

/** The Assignment and Grade Services scopes every launch offers the tool. */
export const agsScopes = [scope.lineItem, scope.resultReadOnly, scope.score] as const;

/** Every scope the token endpoint grants. */
export const grantableScopes: readonly string[] = Object.values(scope);
