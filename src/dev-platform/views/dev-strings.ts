import type { PersonaKind } from '../personas.js';

/** Every string the development platform's pages show, in one place (kept apart from the tool's own). */
export const devStrings = {
  platformName: 'Development platform',
  skipToContent: 'Skip to the main content',
  navigation: 'Development platform',
  nav: { start: 'Launch', gradebook: 'Gradebook', statements: 'Statements' },
  badge: 'for trying Accredit: not an LMS',

  start: {
    title: 'Try Accredit',
    intro:
      'This page plays the part of your LMS. Pick someone to be and where to go: the platform then launches Accredit with a real, signed LTI 1.3 launch, exactly as Canvas or Moodle would, and receives the grades and xAPI statements the tool sends back.',
    who: 'Who are you?',
    where: 'Where do you go?',
    kinds: {
      learner: 'learner',
      evaluator: 'evaluator (LTI Instructor): grades practicals',
      admin: 'admin (LTI Administrator)',
    } satisfies Record<PersonaKind, string>,
    progress: 'My progress across the accreditations',
    course: (title: string) => `The course ${title}`,
    placedLink: (title: string) => `${title} (placed through deep linking)`,
    placedNotice: (count: number) =>
      count === 1
        ? 'Accredit placed 1 link in the course: it is among the destinations below.'
        : `Accredit placed ${count} links in the course${count > 0 ? ': they are among the destinations below' : ''}.`,
    launch: 'Launch Accredit',
    deepLinkingTitle: 'Add Accredit content to the course',
    deepLinkingIntro:
      'As an instructor or admin would in an LMS: the platform sends Accredit an LTI Deep Linking request, you choose the progress page or courses in Accredit, and the links it sends back (signed, checked here against the tool’s keys) become destinations of this course, with a gradebook column for each course.',
    deepLinkingWho: 'Who adds it',
    deepLinkingButton: 'Add Accredit content to the course',
    walkThroughTitle: 'A walk-through',
    walkThrough: [
      'Launch as Ada into a course and take its written exam (start it, answer, submit).',
      'Open the Gradebook: the tool has created a line item for the written exam and sent Ada’s score.',
      'Open Statements: every step of Ada’s exam arrived as an xAPI statement.',
      'Launch as Ada into the same course again, open the practical assessment (it opened when she passed) and submit her evidence: the gradebook shows it as submitted, pending grading.',
      'Launch as Alan, the evaluator, into the same course: he lands on the grading queue. If the course has reference submissions, calibrate on them first (Calibrate on …), then claim Ada’s practical, grade it against the rubric and release the result.',
      'Launch as Ada again: her practical shows the evaluator’s feedback and the course is certified; the gradebook holds her practical score, and Statements shows the evaluation, the pass and the certification.',
    ],
    registrationTitle: 'This platform, as the tool knows it',
    registrationIntro:
      'It registered itself through the same registration service an admin uses (POST /api/admin/platforms), with these values:',
    fields: {
      issuer: 'Issuer',
      clientId: 'Client id',
      deployment: 'Deployment',
      authLogin: 'OIDC authorization endpoint',
      token: 'Token endpoint',
      jwks: 'JWKS',
      lrs: 'LRS endpoint',
    },
  },

  launching: {
    title: 'Launching Accredit',
    heading: (name: string) => `Launching Accredit as ${name}…`,
    text: 'Your platform is posting the signed launch to the tool.',
    continue: 'Continue to Accredit',
  },

  problem: {
    title: 'The launch was refused',
    heading: 'The platform refused this request',
    intro: 'What is wrong:',
    back: 'Back to the launch page',
  },

  gradebook: {
    title: 'Gradebook',
    intro:
      'What the tool sent through LTI Assignment and Grade Services: the line items it created in this course and the newest score of each person. A score is taken only when its timestamp is newer than the one held.',
    empty:
      'No line item yet. Launch as a learner into a course and submit the written exam: the tool creates the line item and sends the score.',
    lineItemFacts: { tag: 'Tag', resource: 'Course (resourceId)', link: 'Resource link', maximum: 'Maximum' },
    caption: (label: string) => `Scores for ${label}`,
    person: 'Person',
    score: 'Score',
    activity: 'Activity progress',
    grading: 'Grading progress',
    comment: 'Comment',
    timestamp: 'Timestamp',
    received: 'Scores received',
    noScoreGiven: 'no score',
    noScores: 'No score has been received for this line item yet.',
    scoreOf: (given: number, maximum: number | undefined) => `${given} / ${maximum ?? '?'}`,
  },

  statements: {
    title: 'Statements',
    intro: (endpoint: string) =>
      `The xAPI statements the tool delivered to this platform's Learning Record Store (${endpoint}), newest first.`,
    count: (shown: number, total: number) =>
      shown === total
        ? `${total} statement${total === 1 ? '' : 's'}.`
        : `The newest ${shown} of ${total} statements.`,
    empty:
      'No statement yet. Launch Accredit: the launch itself is the first statement (it arrives within seconds).',
    external: (endpoint: string) =>
      `LRS_ENDPOINT is set, so the tool sends its statements to ${endpoint}, not here; this viewer shows what other senders posted to the development LRS.`,
    actor: 'Who',
    verb: 'Did',
    object: 'What',
    result: 'Result',
    stored: 'When',
    raw: 'Raw JSON',
    score: (percent: number) => `score ${percent} %`,
    success: (passed: boolean) => (passed ? 'passed' : 'not passed'),
    completed: 'completed',
    duration: (d: string) => `duration ${d}`,
  },
} as const;
