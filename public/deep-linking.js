// The deep linking response page: post the signed response to the platform's return URL at once,
// as the Deep Linking spec expects. Without scripts the form's button does the same.
const form = document.querySelector('form[data-auto-submit]');
if (form instanceof HTMLFormElement) form.submit();
