import type { Accreditation, Course } from '../../domain/content/program.js';
import type { Evaluation } from '../../domain/practical/evaluation.js';
import type { PracticalSubmission } from '../../domain/practical/submission.js';
import type { RecordActor } from '../../ports/learning-records.js';
import { activityIds } from './exam-statements.js';
import type { Activity, Statement } from './xapi-types.js';

const verbs = {
  submitted: 'http://activitystrea.ms/schema/1.0/submit',
  evaluated: 'http://www.tincanapi.co.uk/verbs/evaluated',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  certified: 'https://w3id.org/xapi/adl/verbs/satisfied',
  earned: 'http://id.tincanapi.com/verb/earned',
} as const;
export type PracticalVerb = keyof typeof verbs;

export interface PracticalStatementContext {
  readonly toolUrl: string;
  readonly actor: RecordActor;
  readonly course: Course;
  readonly accreditationIds: readonly string[];
}

function practicalActivity(toolUrl: string, course: Course): Activity {
  return {
    objectType: 'Activity',
    id: `${activityIds(toolUrl, course.id).course}/practical`,
    definition: {
      type: 'http://adlnet.gov/expapi/activities/performance',
      name: { en: `${course.title}: ${course.practical.title}` },
    },
  };
}

function courseActivity(toolUrl: string, course: Course): Activity {
  return {
    objectType: 'Activity',
    id: activityIds(toolUrl, course.id).course,
    definition: { type: 'http://adlnet.gov/expapi/activities/course', name: { en: course.title } },
  };
}

function base(
  ctx: PracticalStatementContext,
  id: string,
  verb: PracticalVerb,
  object: Activity,
  at: Date,
  registration: string | undefined,
  parent: Activity | undefined,
): Statement {
  const ids = activityIds(ctx.toolUrl, ctx.course.id);
  return {
    id,
    actor: { objectType: 'Agent', account: { homePage: ctx.actor.issuer, name: ctx.actor.subject } },
    verb: { id: verbs[verb], display: { 'en-US': verb } },
    object,
    context: {
      ...(registration ? { registration } : {}),
      platform: 'Accredit',
      language: 'en',
      contextActivities: {
        ...(parent ? { parent: [parent] } : {}),
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
}

/** The learner submitted evidence for the practical; registration = the submission's id. */
export function submittedStatement(
  ctx: PracticalStatementContext,
  id: string,
  s: PracticalSubmission,
): Statement {
  return {
    ...base(
      ctx,
      id,
      'submitted',
      practicalActivity(ctx.toolUrl, ctx.course),
      s.submittedAt,
      s.id,
      courseActivity(ctx.toolUrl, ctx.course),
    ),
    result: { completion: true },
  };
}

/** An evaluator completed an evaluation: the actor is the evaluator, the learner is named in an extension. */
export function evaluatedStatement(
  ctx: PracticalStatementContext,
  id: string,
  s: PracticalSubmission,
  evaluation: Evaluation,
  learner: RecordActor,
): Statement {
  const d = evaluation.decision!;
  const statement = base(
    ctx,
    id,
    'evaluated',
    practicalActivity(ctx.toolUrl, ctx.course),
    evaluation.completedAt!,
    s.id,
    courseActivity(ctx.toolUrl, ctx.course),
  );
  return {
    ...statement,
    context: {
      ...statement.context,
      extensions: {
        [`${ctx.toolUrl}/xapi/extensions/learner`]: { homePage: learner.issuer, name: learner.subject },
        [`${ctx.toolUrl}/xapi/extensions/evaluation-role`]: evaluation.role,
        [`${ctx.toolUrl}/xapi/extensions/rubric-version`]: evaluation.rubricVersion,
      },
    },
    result: {
      success: d.passed,
      score: { scaled: round(d.total / d.maximum), raw: d.total, min: 0, max: d.maximum },
    },
  };
}

/** The result released to the learner: passed or failed, with the rubric score. */
export function releasedStatement(
  ctx: PracticalStatementContext,
  id: string,
  s: PracticalSubmission,
  at: Date,
): Statement {
  const d = s.result!.decision;
  return {
    ...base(
      ctx,
      id,
      d.passed ? 'passed' : 'failed',
      practicalActivity(ctx.toolUrl, ctx.course),
      at,
      s.id,
      courseActivity(ctx.toolUrl, ctx.course),
    ),
    result: {
      success: d.passed,
      completion: true,
      score: { scaled: round(d.total / d.maximum), raw: d.total, min: 0, max: d.maximum },
    },
  };
}

/** Both stages passed: the course is certified for the learner. */
export function certifiedStatement(ctx: PracticalStatementContext, id: string, at: Date): Statement {
  return {
    ...base(ctx, id, 'certified', courseActivity(ctx.toolUrl, ctx.course), at, undefined, undefined),
    result: { success: true, completion: true },
  };
}

/** Every course of an accreditation certified: its badge is earned. */
export function earnedStatement(
  ctx: PracticalStatementContext,
  id: string,
  accreditation: Accreditation,
  at: Date,
): Statement {
  const ids = activityIds(ctx.toolUrl, ctx.course.id);
  return {
    ...base(
      ctx,
      id,
      'earned',
      {
        objectType: 'Activity',
        id: ids.accreditation(accreditation.id),
        definition: {
          type: 'http://id.tincanapi.com/activitytype/badge',
          name: { en: accreditation.title },
        },
      },
      at,
      undefined,
      undefined,
    ),
    result: { success: true, completion: true },
  };
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}
