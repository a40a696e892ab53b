import type { PlatformStorageRequest } from '../lti/platform-storage.js';
import { html, page } from './html.js';
import { strings } from './strings.js';

/**
 * The pages that talk to the platform's storage frame (public/platform-storage.js does the
 * postMessage part: the target frame, origin, key and value are in data attributes, never in an
 * inline script). Both work without the script as far as they can: a link or a button goes on.
 */
export interface StoragePageAssets {
  readonly stylesheet: string;
  readonly script: string;
  readonly timeoutMs: number;
}

/** At login: put the proof in the platform's storage, then go on to the authorization URL. */
export function storagePutPage(
  request: PlatformStorageRequest & { value: string },
  next: string,
  assets: StoragePageAssets,
): string {
  const text = strings.platformStorage;
  return page(
    text.loginTitle,
    html`<main id="main" data-platform-storage="put" data-target="${request.target}" data-origin="${request.origin}" data-key="${request.key}" data-value="${request.value}" data-next="${next}" data-timeout-ms="${assets.timeoutMs}" data-failed="${text.putFailed}">
<h1>${text.loginTitle}</h1>
<p id="storage-status" role="status">${text.saving}</p>
<p><a id="continue" class="button" href="${next}">${text.continue}</a></p>
</main>`,
    head(assets),
  );
}

/** At launch: read the proof back and re-post the launch with it, to the same URL. */
export function storageGetPage(
  request: PlatformStorageRequest,
  launch: { action: string; idToken: string; state: string; answerField: string },
  assets: StoragePageAssets,
): string {
  const text = strings.platformStorage;
  return page(
    text.launchTitle,
    html`<main id="main" data-platform-storage="get" data-target="${request.target}" data-origin="${request.origin}" data-key="${request.key}" data-timeout-ms="${assets.timeoutMs}" data-failed="${text.getFailed}">
<h1>${text.launchTitle}</h1>
<p id="storage-status" role="status">${text.checking}</p>
<noscript><p>${text.noScript}</p></noscript>
<form id="storage-launch" method="post" action="${launch.action}">
<input type="hidden" name="id_token" value="${launch.idToken}">
<input type="hidden" name="state" value="${launch.state}">
<input type="hidden" name="${launch.answerField}" value="">
<button type="submit" class="button">${text.continueLaunch}</button>
</form>
</main>`,
    head(assets),
  );
}

function head(assets: StoragePageAssets) {
  return html`<link rel="stylesheet" href="${assets.stylesheet}">
<script type="module" src="${assets.script}"></script>`;
}
