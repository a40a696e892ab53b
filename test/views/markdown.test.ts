import { expect } from 'chai';
import { html } from '../../src/views/html.js';
import { renderInlineMarkdown, renderMarkdown } from '../../src/views/markdown.js';

describe('content Markdown', () => {
  it('renders Markdown', () => {
    expect(renderMarkdown('A **bold** [link](https://example.com)')).to.equal(
      '<p>A <strong>bold</strong> <a href="https://example.com">link</a></p>',
    );
    expect(renderInlineMarkdown('`code` and *em*')).to.equal('<code>code</code> and <em>em</em>');
  });

  it('escapes raw HTML and refuses script links', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).to.equal(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(renderMarkdown('<img src=x onerror=alert(1)>')).to.not.contain('<img');
    expect(renderMarkdown('[x](javascript:alert(1))')).to.not.contain('href="javascript');
  });
});

describe('html templates', () => {
  it('escape interpolated text and keep nested templates', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"quoted"'}">${inner}${['a', html`<br>`]}</p>`.value).to.equal(
      '<p title="&quot;quoted&quot;"><b>&lt;i&gt;</b>a<br></p>',
    );
  });
});
