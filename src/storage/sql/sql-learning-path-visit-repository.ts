import type { Kysely } from 'kysely';
import type { Learner } from '../../domain/exam/attempt.js';
import type { LearningPathVisitRepository } from '../../ports/storage.js';
import type { Database } from './database-schema.js';

export class SqlLearningPathVisitRepository implements LearningPathVisitRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(learner: Learner, courseId: string, at: Date): Promise<void> {
    await this.db
      .insertInto('learning_path_visits')
      .values({
        platform_id: learner.platformId,
        subject: learner.subject,
        course_id: courseId,
        visited_at: at.toISOString(),
      })
      .execute();
  }

  async lastVisit(learner: Learner, courseId: string): Promise<Date | undefined> {
    const row = await this.db
      .selectFrom('learning_path_visits')
      .select((eb) => eb.fn.max('visited_at').as('last'))
      .where('platform_id', '=', learner.platformId)
      .where('subject', '=', learner.subject)
      .where('course_id', '=', courseId)
      .executeTakeFirst();
    return row?.last ? new Date(row.last) : undefined;
  }
}
