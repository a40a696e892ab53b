import type { Course, Question } from '../../domain/content/program.js';
import type { Attempt } from '../../domain/exam/attempt.js';
import { isFullyCorrect, scoreItem } from '../../domain/exam/scoring.js';
import type { RecordActor } from '../../ports/learning-records.js';
import type { Activity, Statement } from './xapi-types.js';

const verbs = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
export type ExamVerb = keyof typeof verbs;

export interface StatementContext {
  /** The tool's public URL: activity ids live under it. */
  readonly toolUrl: string;
  readonly actor: RecordActor;
  readonly attempt: Attempt;
  readonly course: Course;
  readonly accreditationIds: readonly string[];
}

/** Activity ids, stable across attempts and content versions. */
export function activityIds(toolUrl: string, courseId: string) {
  const course = `${toolUrl}/xapi/courses/${courseId}`;
  return {
    course,
    exam: `${course}/written-exam`,
    question: (questionId: string) => `${course}/written-exam/questions/${questionId}`,
    accreditation: (id: string) => `${toolUrl}/xapi/accreditations/${id}`,
    profile: `${toolUrl}/xapi/profile/v1`,
  };
}

/** One statement about the written exam, built from the attempt alone (a resend is byte-identical). */
export function examStatement(
  ctx: StatementContext,
  id: string,
  verb: ExamVerb,
  at: Date,
  questionId?: string,
): Statement {
  const ids = activityIds(ctx.toolUrl, ctx.course.id);
  const exam: Activity = {
    objectType: 'Activity',
    id: ids.exam,
    definition: {
      type: 'http://adlnet.gov/expapi/activities/assessment',
      name: { en: `${ctx.course.title}: written exam` },
    },
  };
  const question = questionId ? ctx.course.questions.find((q) => q.id === questionId) : undefined;
  const statement: Statement = {
    id,
    actor: { objectType: 'Agent', account: { homePage: ctx.actor.issuer, name: ctx.actor.subject } },
    verb: { id: verbs[verb], display: { 'en-US': verb } },
    object: question ? interaction(ids.question(question.id), question) : exam,
    context: {
      registration: ctx.attempt.id,
      platform: 'Accredit',
      language: 'en',
      contextActivities: {
        parent: [
          question
            ? exam
            : {
                objectType: 'Activity',
                id: ids.course,
                definition: {
                  type: 'http://adlnet.gov/expapi/activities/course',
                  name: { en: ctx.course.title },
                },
              },
        ],
        ...(ctx.accreditationIds.length > 0
          ? {
              grouping: ctx.accreditationIds.map((a) => ({
                objectType: 'Activity' as const,
                id: ids.accreditation(a),
              })),
            }
          : {}),
        category: [{ objectType: 'Activity', id: ids.profile }],
      },
    },
    timestamp: at.toISOString(),
  };
  const result = resultOf(ctx, verb, at, question);
  return result ? { ...statement, result } : statement;
}

function resultOf(
  ctx: StatementContext,
  verb: ExamVerb,
  at: Date,
  question: Question | undefined,
): Statement['result'] {
  const { attempt } = ctx;
  if (verb === 'answered' && question) {
    const item = attempt.items.find((i) => i.questionId === question.id)!;
    const response = attempt.responses[question.id];
    return {
      response: responsePattern(question, item.optionOrder, response?.selected ?? []),
      success: isFullyCorrect(question, item, response),
      score: { raw: scoreItem(question, item, response), min: 0, max: question.points },
    };
  }
  const duration = isoDuration(at.getTime() - attempt.startedAt.getTime());
  if (verb === 'completed') return { completion: true, duration };
  if (verb === 'terminated') return { duration };
  if ((verb === 'passed' || verb === 'failed') && attempt.result) {
    const r = attempt.result;
    return {
      success: r.passed,
      completion: true,
      duration,
      score: {
        scaled: r.maxScore === 0 ? 0 : round(r.score / r.maxScore),
        raw: r.score,
        min: 0,
        max: r.maxScore,
      },
    };
  }
  return undefined;
}

/** A question as a cmi.interaction: choice ids are the content's option positions, stable across attempts. */
function interaction(id: string, question: Question): Activity {
  const base = {
    type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
    name: { en: question.id },
    description: { en: question.stem },
  };
  if (question.type === 'true-false') {
    return {
      objectType: 'Activity',
      id,
      definition: {
        ...base,
        interactionType: 'true-false',
        correctResponsesPattern: [String(question.answer)],
      },
    };
  }
  return {
    objectType: 'Activity',
    id,
    definition: {
      ...base,
      interactionType: 'choice',
      correctResponsesPattern: [
        question.options.flatMap((o, i) => (o.correct ? [`o${i + 1}`] : [])).join('[,]'),
      ],
      choices: question.options.map((o, i) => ({ id: `o${i + 1}`, description: { en: o.text } })),
    },
  };
}

function responsePattern(
  question: Question,
  optionOrder: readonly number[],
  selected: readonly string[],
): string {
  if (question.type === 'true-false') return selected[0] ?? '';
  return selected
    .map((shown) => optionOrder[shown.charCodeAt(0) - 97])
    .filter((i): i is number => i !== undefined)
    .sort((a, b) => a - b)
    .map((i) => `o${i + 1}`)
    .join('[,]');
}

/** `PT38M12.5S` from milliseconds, to the hundredth of a second. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 10) / 100);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = round(total % 60);
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds}S`;
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}
