// The launch page: go on at once to the page the launch leads to (the link stays for browsers
// without scripts). Pages carry the session in their URL, so replace() keeps the launch POST out of
// the history. A page with something to say first (an unknown course) marks no link to follow.
const onwards = document.querySelector('a[data-follow]');
if (onwards instanceof HTMLAnchorElement) window.location.replace(onwards.href);
