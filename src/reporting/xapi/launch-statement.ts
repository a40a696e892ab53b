import type { Course } from '../../domain/content/program.js';
import type { RecordActor } from '../../ports/learning-records.js';
import { activityIds } from './exam-statements.js';
import type { Activity, Statement } from './xapi-types.js';

/**
 * `launched`: a learner arrived from the platform, into a course or onto their progress page. No
 * registration: a launch is not part of an attempt.
 */
export function launchStatement(
  toolUrl: string,
  id: string,
  actor: RecordActor,
  course: Course | undefined,
  accreditationIds: readonly string[],
  at: Date,
): Statement {
  const ids = activityIds(toolUrl, course?.id ?? '');
  const object: Activity = course
    ? {
        objectType: 'Activity',
        id: ids.course,
        definition: { type: 'http://adlnet.gov/expapi/activities/course', name: { en: course.title } },
      }
    : {
        objectType: 'Activity',
        id: `${toolUrl}/xapi/progress`,
        definition: {
          type: 'http://adlnet.gov/expapi/activities/module',
          name: { en: 'Accreditation progress' },
        },
      };
  return {
    id,
    actor: { objectType: 'Agent', account: { homePage: actor.issuer, name: actor.subject } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } },
    object,
    context: {
      platform: 'Accredit',
      language: 'en',
      contextActivities: {
        ...(accreditationIds.length > 0
          ? {
              grouping: accreditationIds.map((a) => ({
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
