// Forms sent back with problems: move the focus to the error summary (autofocus is not honoured
// everywhere, e.g. in a cross-origin iframe), and let its links move the focus to their field.
const summary = document.querySelector('[data-error-summary]');
if (summary instanceof HTMLElement) {
  summary.focus();
  summary.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-field]') : null;
    const field = link ? document.getElementById(link.getAttribute('data-field') ?? '') : null;
    if (field) {
      event.preventDefault();
      field.focus();
      field.scrollIntoView({ block: 'center' });
    }
  });
}
