// Platform storage (1EdTech LTI Client Side postMessages, lti.put_data / lti.get_data) for a tool
// in a frame whose browser refuses its cookies. At login the page puts a proof in the platform's
// storage and goes on to the platform; at launch it reads the proof back and re-posts the launch
// with it. Messages go only to the platform's origin (never the wildcard), and only answers from that
// origin, to the message this page sent, are read. If the platform does not answer, the login goes
// on with its cookie, and the launch is re-posted without a proof, for the server to refuse clearly.
const root = document.querySelector('main[data-platform-storage]');
if (root instanceof HTMLElement) run(root);

function run(root) {
  const { platformStorage: action, target, origin, key, value, next, failed } = root.dataset;
  const timeoutMs = Number(root.dataset.timeoutMs) || 2000;
  const status = document.getElementById('storage-status');
  const fail = () => {
    if (status) {
      status.setAttribute('role', 'alert');
      status.textContent = failed ?? '';
    }
  };
  const frame = storageFrame(target);
  if (action === 'put') {
    const goOn = () => window.location.replace(next);
    if (!frame) return goOn();
    ask(frame, origin, { subject: 'lti.put_data', key, value }, timeoutMs).then(goOn, () => {
      fail();
      goOn();
    });
    return;
  }
  const form = document.getElementById('storage-launch');
  if (!(form instanceof HTMLFormElement)) return;
  const answer = form.elements.namedItem('lti_storage_state');
  const submit = (proof) => {
    if (answer instanceof HTMLInputElement) answer.value = proof;
    form.submit();
  };
  const refused = () => {
    fail();
    submit('');
  };
  if (!frame) return refused();
  ask(frame, origin, { subject: 'lti.get_data', key }, timeoutMs).then(
    (data) => (typeof data.value === 'string' && data.value !== '' ? submit(data.value) : refused()),
    refused,
  );
}

/** The platform's storage frame: the parent itself, or a named frame of the parent (or opener). */
function storageFrame(target) {
  const host = window.parent !== window ? window.parent : window.opener;
  if (!host || !target) return undefined;
  if (target === '_parent') return host;
  try {
    return host.frames[target] ?? undefined;
  } catch {
    return undefined;
  }
}

/** Sends one message and waits for its `.response` from the platform's origin, or a timeout. */
function ask(frame, origin, message, timeoutMs) {
  const messageId = randomId();
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(() => {
      stop();
      reject(new Error('timeout'));
    }, timeoutMs);
    function listen(event) {
      if (event.origin !== origin) return;
      const data = event.data;
      if (typeof data !== 'object' || data === null || data.message_id !== messageId) return;
      if (data.subject !== `${message.subject}.response`) return;
      stop();
      if (data.error) reject(new Error(String(data.error.code ?? 'error')));
      else resolve(data);
    }
    function stop() {
      window.clearTimeout(timer);
      window.removeEventListener('message', listen);
    }
    window.addEventListener('message', listen);
    try {
      frame.postMessage({ ...message, message_id: messageId }, origin);
    } catch (err) {
      stop();
      reject(err);
    }
  });
}

/** crypto.randomUUID needs a secure context; getRandomValues does not. */
function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
