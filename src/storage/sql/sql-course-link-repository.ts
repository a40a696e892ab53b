import { type Kysely, type Selectable, sql } from 'kysely';
import type { CourseLink } from '../../domain/grade-passback/course-link.js';
import type { GradeService } from '../../domain/grade-passback/grade-service.js';
import type { CourseLinkRepository } from '../../ports/storage.js';
import type { CourseLinksTable, Database } from './database-schema.js';

export class SqlCourseLinkRepository implements CourseLinkRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async recordLaunch(link: CourseLink): Promise<CourseLink> {
    const at = link.lastLaunchAt.toISOString();
    const key = {
      platform_id: link.platformId,
      deployment_id: link.deploymentId,
      context_id: link.contextId ?? '',
      resource_link_id: link.resourceLinkId,
    };
    const latest = {
      title: link.title ?? null,
      course_id: link.courseId ?? null,
      grade_service: link.gradeService ? JSON.stringify(link.gradeService) : null,
      passback_problem: link.passbackProblem ?? null,
      last_launch_at: at,
    };
    await this.db
      .insertInto('course_links')
      .values({ id: link.id, ...key, ...latest, first_launch_at: link.firstLaunchAt.toISOString() })
      .onConflict((oc) =>
        oc.columns(['platform_id', 'deployment_id', 'context_id', 'resource_link_id']).doUpdateSet({
          // A launch without the AGS claim (platforms often leave it out for instructors) or
          // without a course keeps what an earlier launch through the link said.
          title: sql`coalesce(excluded.title, course_links.title)`,
          course_id: sql`coalesce(excluded.course_id, course_links.course_id)`,
          grade_service: sql`coalesce(excluded.grade_service, course_links.grade_service)`,
          passback_problem: sql`case when excluded.grade_service is null and course_links.grade_service is not null then course_links.passback_problem else excluded.passback_problem end`,
          last_launch_at: sql`excluded.last_launch_at`,
        }),
      )
      .execute();
    const row = await this.db
      .selectFrom('course_links')
      .selectAll()
      .where('platform_id', '=', key.platform_id)
      .where('deployment_id', '=', key.deployment_id)
      .where('context_id', '=', key.context_id)
      .where('resource_link_id', '=', key.resource_link_id)
      .executeTakeFirstOrThrow();
    return toLink(row);
  }

  async findById(id: string): Promise<CourseLink | undefined> {
    const row = await this.db.selectFrom('course_links').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toLink(row) : undefined;
  }

  async list(filter: { platformId?: string; limit: number }): Promise<CourseLink[]> {
    let query = this.db.selectFrom('course_links').selectAll();
    if (filter.platformId) query = query.where('platform_id', '=', filter.platformId);
    const rows = await query.orderBy('last_launch_at', 'desc').orderBy('id').limit(filter.limit).execute();
    return rows.map(toLink);
  }
}

function toLink(row: Selectable<CourseLinksTable>): CourseLink {
  return {
    id: row.id,
    platformId: row.platform_id,
    deploymentId: row.deployment_id,
    contextId: row.context_id === '' ? undefined : row.context_id,
    resourceLinkId: row.resource_link_id,
    title: row.title ?? undefined,
    courseId: row.course_id ?? undefined,
    gradeService: row.grade_service ? (JSON.parse(row.grade_service) as GradeService) : undefined,
    passbackProblem: row.passback_problem ?? undefined,
    firstLaunchAt: new Date(row.first_launch_at),
    lastLaunchAt: new Date(row.last_launch_at),
  };
}
