import type { Course } from '../domain/content/program.js';
import type { CourseLink } from '../domain/grade-passback/course-link.js';
import { passbackProblem } from '../domain/grade-passback/grade-service.js';
import type { LaunchContext } from '../domain/launch-context.js';
import type { Clock } from '../ports/clock.js';
import type { Ids } from '../ports/ids.js';
import type { LearningRecords } from '../ports/learning-records.js';
import type { Storage } from '../ports/storage.js';
import { randomToken, tokenHash } from '../security/random-token.js';

/**
 * Opens the session a verified launch earns, in one transaction with what the launch tells us: the
 * course link it came through (with its grade service, or why grades cannot go back through it)
 * and the `launched` statement. Returns the bearer token, which is stored only as a hash.
 */
export async function openSession(
  deps: { storage: Storage; clock: Clock; ids: Ids; records: LearningRecords; ttlMinutes: number },
  launch: LaunchContext,
  course: Course | undefined,
): Promise<{ token: string; expiresAt: Date; link: CourseLink | undefined }> {
  const token = randomToken();
  const createdAt = deps.clock.now();
  const expiresAt = new Date(createdAt.getTime() + deps.ttlMinutes * 60_000);
  return deps.storage.transaction(async (repos) => {
    const link = launch.resourceLink
      ? await repos.courseLinks.recordLaunch({
          id: deps.ids.uuid(),
          platformId: launch.platformId,
          deploymentId: launch.deploymentId,
          contextId: launch.context?.id,
          resourceLinkId: launch.resourceLink.id,
          title: launch.resourceLink.title,
          courseId: course?.id,
          gradeService: launch.gradeService,
          passbackProblem: passbackProblem(launch.gradeService),
          firstLaunchAt: createdAt,
          lastLaunchAt: createdAt,
        })
      : undefined;
    await repos.sessions.save({ id: tokenHash(token), launch, linkId: link?.id, createdAt, expiresAt });
    await repos.outbox.enqueue(deps.records.launched(launch, course, createdAt), createdAt);
    return { token, expiresAt, link };
  });
}
