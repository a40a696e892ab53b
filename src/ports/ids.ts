/** Where new identifiers come from; tests may pass their own. */
export interface Ids {
  /** A UUID for a new record. */
  uuid(): string;
  /** An unguessable token (attempt seeds). */
  token(): string;
}
