/**
 * What a platform's deep linking request allows (Deep Linking 2.0 §4.4.1, the
 * `deep_linking_settings` claim), kept with the session the request opened: the response is built
 * from these, never from values the browser posts back.
 */
export interface DeepLinkingSettings {
  /** Where the response goes: the one URL the request carried. */
  readonly returnUrl: string;
  readonly acceptTypes: readonly string[];
  readonly acceptPresentationDocumentTargets: readonly string[];
  readonly acceptMultiple: boolean;
  /**
   * true: the platform creates a line item for a resource link that carries one; false: it ignores
   * them; undefined: the platform did not say, so none is sent.
   */
  readonly acceptLineItem: boolean | undefined;
  /** The platform's suggested title and text for what is placed. */
  readonly title: string | undefined;
  readonly text: string | undefined;
  /** Opaque to the tool, echoed in the response when present. */
  readonly data: unknown;
}

/** What Accredit places: a link to the learner's progress, or to one course. */
export type Placement =
  | { readonly kind: 'progress'; readonly title: string }
  | { readonly kind: 'course'; readonly courseId: string; readonly title: string };

/** The content item type Accredit places, and the document targets it can be shown in. */
export const resourceLinkType = 'ltiResourceLink';
const usableTargets = ['iframe', 'window'];

/**
 * Why nothing Accredit has can be placed through this request (the platform does not take LTI
 * resource links, or shows content only in targets Accredit cannot run in), or undefined.
 */
export function placementRefusal(settings: DeepLinkingSettings): string | undefined {
  if (!settings.acceptTypes.includes(resourceLinkType)) {
    return `The platform accepts only ${list(settings.acceptTypes)} here, and Accredit places LTI resource links (${resourceLinkType}).`;
  }
  if (!settings.acceptPresentationDocumentTargets.some((t) => usableTargets.includes(t))) {
    return `The platform would show the link only as ${list(settings.acceptPresentationDocumentTargets)}, and Accredit opens in an iframe or a window.`;
  }
  return undefined;
}

/** Whether the platform creates the line item a placed course link carries (accept_lineitem). */
export function sendsLineItem(settings: DeepLinkingSettings, placement: Placement): boolean {
  return placement.kind === 'course' && settings.acceptLineItem === true;
}

function list(values: readonly string[]): string {
  return values.length === 0 ? 'nothing' : values.map((v) => `'${v}'`).join(', ');
}
