import type { AgsScore } from './score-rules.js';

/** The line item a score goes to: found in the link's context by tag, or created with these fields. */
export interface LineItemSpec {
  readonly label: string;
  readonly scoreMaximum: number;
  readonly resourceLinkId: string;
  readonly resourceId: string;
  readonly tag: string;
}

/** An AGS outbox entry's payload, frozen when queued: every retry posts the same score. */
export interface GradeDelivery {
  readonly platformId: string;
  readonly linkId: string;
  readonly lineItemsUrl: string;
  readonly lineItem: LineItemSpec;
  readonly score: AgsScore;
}
