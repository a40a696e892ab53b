import type { EvidenceKind } from '../../domain/content/program.js';
import type { Evidence } from '../../domain/practical/submission.js';
import type { FieldError } from '../../views/pages/form-errors.js';
import { type EvidenceFormValues, evidenceLinkRows } from '../../views/pages/practical-page.js';
import { strings } from '../../views/strings.js';
import { evidenceInputSchema } from '../schemas/practical-input.js';
import { field } from './form-fields.js';

export type EvidenceFormOutcome =
  | { readonly ok: true; readonly evidence: Evidence }
  | { readonly ok: false; readonly values: EvidenceFormValues; readonly problems: FieldError[] };

/**
 * The evidence form, checked by the API's own schema; each problem is named after the field it
 * belongs to (link rows are numbered as the learner sees them, empty rows skipped).
 */
export function readEvidenceForm(
  form: Record<string, string | string[]>,
  kinds: readonly EvidenceKind[],
): EvidenceFormOutcome {
  const errors = strings.practical.errors;
  const rows = Array.from({ length: evidenceLinkRows }, (_, i) => ({
    n: i + 1,
    url: field(form, `link-url-${i + 1}`).trim(),
    title: field(form, `link-title-${i + 1}`).trim(),
  }));
  const values = { links: rows.map(({ url, title }) => ({ url, title })), notes: field(form, 'notes') };
  const problems: FieldError[] = rows
    .filter((r) => r.url === '' && r.title !== '')
    .map((r) => ({ field: `link-url-${r.n}`, message: errors.urlMissing(r.n) }));
  const given = rows.filter((r) => r.url !== '');
  const notes = values.notes.trim();
  const parsed = evidenceInputSchema.safeParse({
    links: given.map((r) => ({ url: r.url, ...(r.title ? { title: r.title } : {}) })),
    ...(notes ? { notes } : {}),
  });
  if (!parsed.success) {
    const takesLinks = kinds.includes('recording') || kinds.includes('document');
    for (const issue of parsed.error.issues) {
      const [where, index, part] = issue.path;
      const row = where === 'links' && typeof index === 'number' ? given[index] : undefined;
      if (row && part === 'title')
        problems.push({ field: `link-title-${row.n}`, message: errors.title(row.n) });
      else if (row) problems.push({ field: `link-url-${row.n}`, message: errors.url(row.n) });
      else if (where === 'notes') problems.push({ field: 'notes', message: errors.notes });
      else if (problems.length === 0) {
        problems.push(
          takesLinks
            ? { field: 'link-url-1', message: kinds.includes('notes') ? errors.nothing : errors.nothingLinks }
            : { field: 'notes', message: errors.nothing },
        );
      }
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, values, problems };
  return {
    ok: true,
    evidence: {
      links: parsed.data.links.map((l) => ({ url: l.url, title: l.title })),
      notes: parsed.data.notes,
    },
  };
}
