// The development platform's authorization answer (OIDC form_post): post the signed launch to the
// tool at once, as an LMS does. Without scripts the form's button does the same.
const form = document.querySelector('form[data-auto-submit]');
if (form instanceof HTMLFormElement) form.submit();
