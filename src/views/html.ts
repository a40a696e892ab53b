const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => entities[c]!);
}

/** HTML that is already safe: made by `html`, or by `raw` for markup produced elsewhere (Markdown). */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** A tagged template: interpolated text is escaped, interpolated SafeHtml (and arrays of it) is kept. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += fragment(v) + strings[i + 1];
  });
  return new SafeHtml(out);
}

function fragment(v: unknown): string {
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(fragment).join('');
  return v === undefined || v === null || v === false ? '' : escapeHtml(String(v));
}

export function raw(value: string): SafeHtml {
  return new SafeHtml(value);
}

export function page(title: string, body: SafeHtml, head: SafeHtml = raw('')): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Accredit</title>
${head}
</head>
<body>
${body}
</body>
</html>
`.value;
}
