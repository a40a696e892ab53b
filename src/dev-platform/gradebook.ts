import type { JsonFile } from './json-file.js';

export const activityProgressValues = [
  'Initialized',
  'Started',
  'InProgress',
  'Submitted',
  'Completed',
] as const;
export const gradingProgressValues = [
  'FullyGraded',
  'Pending',
  'PendingManual',
  'Failed',
  'NotReady',
] as const;

export interface LineItem {
  /** Its URL: AGS line items are identified by where they live. */
  readonly id: string;
  readonly contextId: string;
  readonly label: string;
  readonly scoreMaximum: number;
  readonly resourceLinkId?: string;
  readonly resourceId?: string;
  readonly tag?: string;
  readonly createdAt: string;
}

export interface Score {
  readonly lineItemId: string;
  readonly userId: string;
  readonly scoreGiven?: number;
  readonly scoreMaximum?: number;
  readonly activityProgress: (typeof activityProgressValues)[number];
  readonly gradingProgress: (typeof gradingProgressValues)[number];
  readonly comment?: string;
  /** When the tool says the score was made (ISO 8601): a later score for the same user must be newer. */
  readonly timestamp: string;
  readonly receivedAt: string;
}

export interface GradebookDocument {
  lineItems: LineItem[];
  /** Every score accepted, oldest first; the newest per line item and user is the grade. */
  scores: Score[];
}

export type NewLineItem = Omit<LineItem, 'id' | 'contextId' | 'createdAt'>;
export type NewScore = Omit<Score, 'lineItemId' | 'receivedAt'>;

export interface LineItemFilter {
  readonly resourceLinkId?: string;
  readonly resourceId?: string;
  readonly tag?: string;
}

/**
 * The platform's gradebook: line items per course (context) and the scores posted to them, with the
 * rule platforms such as Moodle enforce: a score is taken only when its timestamp is strictly newer
 * than the one held for that line item and user.
 */
export class Gradebook {
  constructor(
    private readonly file: JsonFile<GradebookDocument>,
    private readonly lineItemsUrl: (contextId: string) => string,
  ) {}

  static empty(): GradebookDocument {
    return { lineItems: [], scores: [] };
  }

  lineItems(contextId?: string, filter: LineItemFilter = {}): LineItem[] {
    return this.file.current.lineItems.filter(
      (i) =>
        (contextId === undefined || i.contextId === contextId) &&
        (filter.resourceLinkId === undefined || i.resourceLinkId === filter.resourceLinkId) &&
        (filter.resourceId === undefined || i.resourceId === filter.resourceId) &&
        (filter.tag === undefined || i.tag === filter.tag),
    );
  }

  lineItem(id: string): LineItem | undefined {
    return this.file.current.lineItems.find((i) => i.id === id);
  }

  createLineItem(contextId: string, item: NewLineItem, at: Date): Promise<LineItem> {
    return this.file.change((doc) => {
      const n = doc.lineItems.length + 1;
      const created: LineItem = {
        ...item,
        id: `${this.lineItemsUrl(contextId)}/${n}`,
        contextId,
        createdAt: at.toISOString(),
      };
      doc.lineItems.push(created);
      return created;
    });
  }

  /** The grade: the newest score held for the line item and user. */
  grade(lineItemId: string, userId: string): Score | undefined {
    return this.file.current.scores.findLast((s) => s.lineItemId === lineItemId && s.userId === userId);
  }

  /** The users who have a score on the line item, in the order of their first score. */
  usersOf(lineItemId: string): string[] {
    return [
      ...new Set(this.file.current.scores.filter((s) => s.lineItemId === lineItemId).map((s) => s.userId)),
    ];
  }

  scoresOf(lineItemId: string, userId: string): Score[] {
    return this.file.current.scores.filter((s) => s.lineItemId === lineItemId && s.userId === userId);
  }

  /** Takes a score, or answers the newer one held when the score is not newer. */
  async record(lineItemId: string, score: NewScore, at: Date): Promise<{ held?: Score }> {
    const held = this.grade(lineItemId, score.userId);
    if (held && Date.parse(held.timestamp) >= Date.parse(score.timestamp)) return { held };
    await this.file.change((doc) => {
      doc.scores.push({ ...score, lineItemId, receivedAt: at.toISOString() });
    });
    return {};
  }
}
