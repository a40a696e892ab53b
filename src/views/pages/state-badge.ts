import { html, type SafeHtml } from '../html.js';

const symbols: Record<string, string> = {
  passed: '✓',
  failed: '✗',
  in_progress: '…',
  not_started: '○',
  open: '→',
  locked: '–',
  submitted: '…',
  in_grading: '…',
  certified: '★',
  withdrawn: '–',
};

/**
 * A state in words with a symbol in front: colour only repeats what the words say (WCAG 1.4.1).
 * The symbol is decoration, hidden from screen readers.
 */
export function stateBadge(state: string, words: string): SafeHtml {
  return html`<span class="state state-${state}"><span aria-hidden="true">${symbols[state] ?? ''}</span> ${words}</span>`;
}
