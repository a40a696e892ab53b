// The exam page's enhancement (the markup is src/views/pages/exam-page.ts): one question at a time
// with a question list, flags for review, autosave of every change with a visible state and retries
// after a lost connection, the timer from the server's seconds left with spoken announcements, and a
// confirmation before submitting. Without this script the page is one form that saves on submit.

const form = document.getElementById('exam-form');
const strings = JSON.parse(document.getElementById('exam-strings').textContent);
const token = document.querySelector('meta[name="accredit-session"]').content;
const { attemptId, api, resultUrl } = form.dataset;
const sections = [...form.querySelectorAll('section.question')];
const navLinks = [...document.querySelectorAll('.question-nav a[data-question-index]')];
const pager = form.querySelector('.pager');
const previousButton = pager.querySelector('[data-pager="previous"]');
const nextButton = pager.querySelector('[data-pager="next"]');
const submitButton = document.getElementById('submit-exam');
const saveState = document.getElementById('save-state');
const progress = document.getElementById('answered-progress');
const answeredCount = document.getElementById('answered-count');
const timerElement = document.getElementById('timer');
const announcer = document.getElementById('timer-announcement');
const dialog = document.getElementById('confirm-submit');

/** Set once the page is being left on purpose (submit, result): no "unsaved changes" prompt then. */
let leaving = false;

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

function selectedOf(section) {
  return [...section.querySelectorAll('input:checked')].map((input) => input.value);
}

// Navigation: one question shown; the list, Previous and Next move between them.

let current = 0;

function show(index, moveFocus) {
  current = Math.max(0, Math.min(sections.length - 1, index));
  sections.forEach((section, i) => {
    section.hidden = i !== current;
  });
  navLinks.forEach((link, i) => {
    if (i === current) link.setAttribute('aria-current', 'step');
    else link.removeAttribute('aria-current');
  });
  previousButton.disabled = current === 0;
  nextButton.disabled = current === sections.length - 1;
  history.replaceState(null, '', `#${sections[current].id}`);
  if (moveFocus) sections[current].querySelector('h2').focus();
}

function startIndex() {
  const fromHash = sections.findIndex((section) => `#${section.id}` === window.location.hash);
  if (fromHash >= 0) return fromHash;
  const unanswered = sections.findIndex((section) => selectedOf(section).length === 0);
  return Math.max(unanswered, 0);
}

navLinks.forEach((link, i) => {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    show(i, true);
  });
});
previousButton.addEventListener('click', () => show(current - 1, true));
nextButton.addEventListener('click', () => show(current + 1, true));

// Answered count, progress bar and the question list's states.

function showAnswered() {
  const answered = sections.filter((section) => selectedOf(section).length > 0).length;
  const words = fill(strings.answeredOf, { answered, total: sections.length });
  progress.value = answered;
  progress.textContent = words;
  answeredCount.textContent = words;
  navLinks.forEach((link, i) => {
    link.querySelector('[data-nav="answered"]').textContent =
      selectedOf(sections[i]).length > 0 ? strings.answered : strings.notAnswered;
  });
}

// Flags for review live in this browser only (sessionStorage, when the browser allows it).

const flagKey = `accredit-flags-${attemptId}`;
const flags = new Set(readFlags());

function readFlags() {
  try {
    return JSON.parse(sessionStorage.getItem(flagKey) ?? '[]');
  } catch {
    return [];
  }
}

function writeFlags() {
  try {
    sessionStorage.setItem(flagKey, JSON.stringify([...flags]));
  } catch {
    // Storage refused (third-party iframe): the flags last as long as the page.
  }
}

function showFlag(i) {
  const flagged = flags.has(sections[i].dataset.questionId);
  sections[i].querySelector('button.flag').setAttribute('aria-pressed', String(flagged));
  navLinks[i].querySelector('[data-nav="flagged"]').hidden = !flagged;
}

sections.forEach((section, i) => {
  const button = section.querySelector('button.flag');
  button.hidden = false;
  button.addEventListener('click', () => {
    const id = section.dataset.questionId;
    if (flags.has(id)) flags.delete(id);
    else flags.add(id);
    writeFlags();
    showFlag(i);
  });
  showFlag(i);
});

// Autosave: the latest answer of each question is sent in turn; failures are retried with back-off.

const pending = new Map();
let inFlight = false;
let closed = false;
let retryTimer;
let retryDelay = 1000;

function setSaveState(state, words) {
  saveState.dataset.state = state;
  saveState.textContent = words;
}

function queueSave(questionId, selected) {
  pending.set(questionId, selected);
  if (closed) return;
  clearTimeout(retryTimer);
  setSaveState('saving', strings.saving);
  void pump();
}

async function pump() {
  if (inFlight || closed) return;
  const next = pending.entries().next();
  if (next.done) {
    setSaveState('saved', strings.saved);
    return;
  }
  const [questionId, selected] = next.value;
  inFlight = true;
  let response;
  try {
    response = await fetch(
      `${api}/attempts/${encodeURIComponent(attemptId)}/responses/${encodeURIComponent(questionId)}`,
      {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ selected }),
        cache: 'no-store',
      },
    );
  } catch {
    inFlight = false;
    scheduleRetry();
    return;
  }
  inFlight = false;
  const body = await response.json().catch(() => ({}));
  if (response.ok) {
    if (pending.get(questionId) === selected) pending.delete(questionId);
    retryDelay = 1000;
    if (typeof body.secondsLeft === 'number') syncTimer(body.secondsLeft);
    void pump();
  } else if (response.status === 409) {
    closed = true;
    setSaveState('closed', strings.closed);
    leave(resultUrl);
  } else if (response.status === 401) {
    closed = true;
    setSaveState('error', strings.sessionEnded);
  } else if (response.status >= 500 || response.status === 408 || response.status === 429) {
    scheduleRetry();
  } else {
    if (pending.get(questionId) === selected) pending.delete(questionId);
    setSaveState('error', fill(strings.refused, { message: body.message ?? response.statusText }));
  }
}

function scheduleRetry() {
  setSaveState('retrying', navigator.onLine === false ? strings.offline : strings.retrying);
  clearTimeout(retryTimer);
  retryTimer = setTimeout(pump, retryDelay);
  retryDelay = Math.min(retryDelay * 2, 30000);
}

window.addEventListener('online', () => {
  if (pending.size === 0 || closed) return;
  clearTimeout(retryTimer);
  retryDelay = 1000;
  void pump();
});

window.addEventListener('beforeunload', (event) => {
  if (pending.size > 0 && !leaving) event.preventDefault();
});

form.addEventListener('change', (event) => {
  const section = event.target.closest('section.question');
  if (!section) return;
  queueSave(section.dataset.questionId, selectedOf(section));
  showAnswered();
});

function leave(url) {
  leaving = true;
  window.location.assign(url);
}

// The timer counts down from the server's seconds left (not the local clock's idea of the deadline),
// shows m:ss, and speaks at a few moments only, so a screen reader is not interrupted every second.

const announceAt = [3600, 1800, 900, 600, 300, 120, 60, 30];
let endsAt = Date.now() + Number(timerElement.dataset.secondsLeft) * 1000;
let spoken = Number.POSITIVE_INFINITY;
let timeIsUp = false;

function secondsLeft() {
  return Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
}

function syncTimer(serverSecondsLeft) {
  if (Math.abs(serverSecondsLeft - secondsLeft()) > 2) endsAt = Date.now() + serverSecondsLeft * 1000;
}

function duration(seconds) {
  if (seconds >= 60) {
    const minutes = Math.round(seconds / 60);
    return minutes === 1 ? strings.minute : fill(strings.minutes, { n: minutes });
  }
  return seconds === 1 ? strings.second : fill(strings.seconds, { n: seconds });
}

function tick() {
  const left = secondsLeft();
  timerElement.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  if (left === 0) {
    if (timeIsUp) return;
    timeIsUp = true;
    announcer.textContent = strings.timeUp;
    leaving = true;
    form.submit();
    return;
  }
  if (spoken === Number.POSITIVE_INFINITY) {
    announcer.textContent = fill(strings.timeLeft, { time: duration(left) });
    spoken = left;
    return;
  }
  const crossed = announceAt.filter((mark) => left <= mark && mark < spoken);
  if (crossed.length > 0) {
    announcer.textContent = fill(strings.timeLeft, { time: duration(left) });
    spoken = Math.min(...crossed);
  }
}

// Submitting asks first: how many answered, which are not, which are flagged.

let confirmed = false;

/** "question 2" or "questions 1, 3", or '' when none matches. */
function questionsWhere(predicate) {
  const numbers = sections.flatMap((section, i) => (predicate(section) ? [String(i + 1)] : []));
  if (numbers.length === 0) return '';
  return fill(numbers.length === 1 ? strings.questionList : strings.questionsList, {
    list: numbers.join(', '),
  });
}

form.addEventListener('submit', (event) => {
  if (confirmed || timeIsUp) return;
  event.preventDefault();
  const answered = sections.filter((section) => selectedOf(section).length > 0).length;
  const unanswered = questionsWhere((section) => selectedOf(section).length === 0);
  const flagged = questionsWhere((section) => flags.has(section.dataset.questionId));
  const line = (name) => dialog.querySelector(`[data-confirm="${name}"]`);
  line('answered').textContent = fill(strings.confirmAnswered, { answered, total: sections.length });
  line('unanswered').textContent = fill(strings.confirmUnanswered, { questions: unanswered });
  line('unanswered').hidden = unanswered === '';
  line('flagged').textContent = fill(strings.confirmFlagged, { questions: flagged });
  line('flagged').hidden = flagged === '';
  dialog.showModal();
});

dialog.querySelector('[data-confirm="cancel"]').addEventListener('click', () => dialog.close());
dialog.addEventListener('close', () => {
  if (!confirmed) submitButton.focus();
});
dialog.querySelector('[data-confirm="submit"]').addEventListener('click', () => {
  confirmed = true;
  leaving = true;
  form.submit();
});

pager.hidden = false;
setSaveState('idle', strings.autosave);
show(startIndex(), false);
showAnswered();
tick();
setInterval(tick, 1000);
