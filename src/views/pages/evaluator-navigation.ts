import { strings } from '../strings.js';
import type { NavigationLink } from './layout.js';
import type { PageLinks } from './page-links.js';

/** The banner of the evaluator's pages: the queue, the agreement report, and their own progress. */
export function evaluatorNavigation(links: PageLinks, current?: 'queue' | 'agreement'): NavigationLink[] {
  return [
    { href: links.evaluatorQueue(), label: strings.evaluator.queue, current: current === 'queue' },
    { href: links.agreement(), label: strings.evaluator.agreementNav, current: current === 'agreement' },
    { href: links.progress(), label: strings.yourProgress },
  ];
}
