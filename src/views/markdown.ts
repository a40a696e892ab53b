import MarkdownIt from 'markdown-it';

// Raw HTML in content is escaped, not passed through; markdown-it's link check refuses
// javascript:, vbscript:, file: and data: (but images) URLs.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

/** Content Markdown as safe HTML. */
export function renderMarkdown(text: string): string {
  return md.render(text).trim();
}

/** One line of Markdown (an option) as safe inline HTML. */
export function renderInlineMarkdown(text: string): string {
  return md.renderInline(text).trim();
}
