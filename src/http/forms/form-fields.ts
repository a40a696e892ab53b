/** A posted form's field as one string ('' when absent; the first when repeated). */
export function field(form: Record<string, string | string[]>, name: string): string {
  const value = form[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** A page's query parameter (a GET form's field) as a string, or undefined when absent or empty (an "all" choice). */
export function queryValue(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
