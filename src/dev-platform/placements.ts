import type { JsonFile } from './json-file.js';

/** A link placed in the platform's course by a deep linking response. */
export interface Placement {
  /** Its resource link id, which launches through it carry. */
  readonly resourceLinkId: string;
  readonly title: string;
  /** The tool URL the content item named: the launch's target_link_uri. */
  readonly url: string;
  readonly custom: Readonly<Record<string, string>>;
  /** The line item the platform created for it, when the item asked for one. */
  readonly lineItemId: string | undefined;
  /** Who placed it (the persona's LTI subject) and when. */
  readonly addedBy: string;
  readonly addedAt: string;
}

export interface PlacementsDocument {
  placements: Placement[];
}

/** The links placed through deep linking, kept in DATA_DIR/dev-platform/placements.json. */
export class Placements {
  constructor(private readonly file: JsonFile<PlacementsDocument>) {}

  static empty(): PlacementsDocument {
    return { placements: [] };
  }

  all(): readonly Placement[] {
    return this.file.current.placements;
  }

  add(placements: readonly Placement[]): Promise<void> {
    return this.file.change((doc) => {
      doc.placements.push(...placements);
    });
  }
}
