import type { DeepLinkingSettings } from '../domain/deep-linking.js';

/**
 * The `deep_linking_settings` claim of a deep linking request (Deep Linking 2.0 §4.4.1) as our
 * settings, or the reason it cannot be used: the return URL is required and must be http(s), since
 * the tool's page posts the signed response to it. Optional fields of the wrong type are dropped.
 */
export function deepLinkingSettingsOf(value: unknown): DeepLinkingSettings | { problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: 'The deep linking request has no deep_link_return_url.' };
  }
  const claim = value as Record<string, unknown>;
  const returnUrl = claim.deep_link_return_url;
  if (typeof returnUrl !== 'string') {
    return { problem: 'The deep linking request has no deep_link_return_url.' };
  }
  if (!isHttpUrl(returnUrl)) {
    return { problem: "The deep linking request's deep_link_return_url is not an http(s) URL." };
  }
  return {
    returnUrl,
    acceptTypes: strings(claim.accept_types),
    acceptPresentationDocumentTargets: strings(claim.accept_presentation_document_targets),
    acceptMultiple: claim.accept_multiple === true,
    acceptLineItem: typeof claim.accept_lineitem === 'boolean' ? claim.accept_lineitem : undefined,
    title: text(claim.title),
    text: text(claim.text),
    data: claim.data,
  };
}

function isHttpUrl(value: string): boolean {
  if (value.length > 2000) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, 50) : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 500) : undefined;
}
