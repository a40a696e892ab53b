import { html } from './html.js';

/**
 * Every user-facing string of the pages, in one module so that it can be translated as a whole.
 * Strings that take values are functions (those with markup return escaped HTML); `examClient` holds the strings the exam page's script
 * shows, with `{name}` placeholders, because the script receives them as JSON.
 */
export const strings = {
  lang: 'en',
  appName: 'Accredit',
  skipToContent: 'Skip to the main content',
  siteNavigation: 'Accredit',
  yourProgress: 'Your progress',

  launch: {
    title: 'Welcome',
    welcome: (name: string | undefined) => (name ? `Welcome, ${name}` : 'Welcome'),
    signedInAs: {
      learner: 'You are signed in as a learner',
      evaluator: 'You are signed in as an evaluator',
      admin: 'You are signed in as an admin',
    },
    inContext: (title: string) => ` in ${title}`,
    toProgress: 'This is your progress across the accreditations.',
    openedCourse: 'You opened the course',
    unknownCourse: (courseId: string) =>
      html`This link points at a course ('${courseId}') that Accredit does not have. Ask the person who placed the link to check its <code>course</code> parameter; meanwhile, here is your progress.`,
    continueToProgress: 'Continue to your progress',
    continueToCourse: (title: string) => `Continue to ${title}`,
  },

  progress: {
    title: 'Your progress',
    intro:
      'Where you stand in each accreditation: the written exam and the practical assessment of every course.',
    audience: (audience: string) => `For the ${audience} role`,
    caption: (accreditation: string) => `Courses of ${accreditation}`,
    course: 'Course',
    written: 'Written exam',
    practical: 'Practical assessment',
    none: 'The program has no accreditation yet.',
  },

  examState: {
    not_started: 'Not started',
    in_progress: 'In progress',
    passed: 'Passed',
    failed: 'Not passed',
  },
  practicalState: {
    locked: 'Locked: pass the written exam first',
    open: 'Open',
  },

  course: {
    writtenExam: 'Written exam',
    facts: 'About the exam',
    questions: 'Questions',
    timeLimit: 'Time limit',
    minutes: (n: number) => (n === 1 ? '1 minute' : `${n} minutes`),
    passingScore: 'Passing score',
    percent: (n: number) => `${n} %`,
    attemptsLeft: 'Attempts left',
    unlimited: 'No limit',
    yourStanding: 'Your standing',
    lastResult: (percent: number | undefined) =>
      percent === undefined ? 'Your last attempt' : `Your last attempt scored ${percent} %`,
    seeLastAttempt: 'See your last attempt',
    start: 'Start the exam',
    resume: 'Resume the exam',
    startHint: (minutes: number) =>
      `The timer starts when you start the exam: you will have ${minutes} minutes. Your answers are saved as you go.`,
    blocked: {
      passed: 'You passed this written exam; no further attempt is needed.',
      attempt_limit: 'You have used every attempt at this exam. Ask your program admin if you need another.',
      cooldown: (opensAt: string) => `Your next attempt opens on ${opensAt}.`,
      remediation: 'Before your next attempt, revisit the learning path of this course.',
    },
    learningPath: 'Learning path',
    learningPathIntro: 'The course material that prepares you for the exam and the practical.',
    openLearningPath: 'Open the learning path',
    newTab: '(opens in a new tab)',
    practical: 'Practical assessment',
  },

  exam: {
    title: (course: string) => `${course}: written exam`,
    timeLeft: 'Time left',
    answeredOf: (answered: number, total: number) => `${answered} of ${total} answered`,
    progressLabel: 'Questions answered',
    savedOnSubmit: 'Your answers are sent when you submit.',
    questionNavigation: 'Questions',
    questionOf: (n: number, total: number) => `Question ${n} of ${total}`,
    questionNumber: (n: number) => `Question ${n}`,
    points: (n: number) => (n === 1 ? '1 point' : `${n} points`),
    chooseOne: 'Choose one answer.',
    chooseAll: 'Choose every answer that applies.',
    true: 'True',
    false: 'False',
    answered: 'Answered',
    notAnswered: 'Not answered',
    flagged: 'Flagged',
    flag: 'Flag for review',
    previous: 'Previous question',
    next: 'Next question',
    submit: 'Submit the exam',
    noScript: 'Scripts are off: every question is shown below, and your answers are saved when you submit.',
    confirmTitle: 'Submit the exam?',
    confirmWarning: 'After you submit, you cannot change your answers.',
    confirmSubmit: 'Submit my answers',
    confirmCancel: 'Keep working',
  },

  examClient: {
    autosave: 'Your answers are saved as you give them.',
    saving: 'Saving…',
    saved: 'Saved',
    retrying: 'Not saved — retrying',
    offline: 'Not saved — no connection; retrying when it is back',
    refused: 'Not saved: {message}',
    sessionEnded: 'Not saved: your session has ended. Launch the exam again from your platform.',
    closed: 'The exam is closed; showing your result…',
    answered: 'Answered',
    notAnswered: 'Not answered',
    flagged: 'Flagged',
    answeredOf: '{answered} of {total} answered',
    minute: '1 minute',
    minutes: '{n} minutes',
    second: '1 second',
    seconds: '{n} seconds',
    timeLeft: '{time} left',
    timeUp: 'Time is up. Your exam is being submitted.',
    confirmAnswered: 'You answered {answered} of {total} questions.',
    confirmUnanswered: 'Not answered: {questions}.',
    confirmFlagged: 'Flagged for review: {questions}.',
    questionList: 'question {list}',
    questionsList: 'questions {list}',
  },

  result: {
    title: (course: string) => `${course}: your result`,
    passed: 'Passed',
    failed: 'Not passed',
    verdict: (passed: boolean) => (passed ? 'You passed the written exam.' : 'You did not pass this time.'),
    score: (percent: number, passingScore: number) =>
      `You scored ${percent} %; the passing score is ${passingScore} %.`,
    points: (score: number, maxScore: number) => `${score} of ${maxScore} points.`,
    byTimeout: 'The time ran out: the exam was submitted with the answers saved by then.',
    submittedAt: (when: string) => `Submitted on ${when}.`,
    noReview: 'This exam does not show scores or answers after submission.',
    review: 'Your answers',
    noAnswer: 'You did not answer this question.',
    correct: 'Correct',
    incorrect: 'Incorrect',
    partlyCorrect: 'Partly correct',
    earned: (earned: number, points: number) =>
      `${earned} of ${points === 1 ? '1 point' : `${points} points`}`,
    feedback: 'Feedback',
    picked: 'your pick',
    right: 'the right answer',
    toCourse: 'Back to the course',
  },

  error: {
    title: 'Something went wrong',
    sessionTitle: 'Your session is not valid',
    relaunch: 'Open Accredit again from your learning platform to start a new session.',
    toProgress: 'Go to your progress',
  },
} as const;

const dateTime = new Intl.DateTimeFormat(strings.lang, {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** A moment as the pages show it (in UTC, said so, since the server does not know the learner's zone). */
export function formatDateTime(value: Date | string): string {
  return `${dateTime.format(new Date(value))} UTC`;
}
