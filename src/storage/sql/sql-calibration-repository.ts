import type { Kysely } from 'kysely';
import type { CalibrationCloseness } from '../../domain/practical/calibration.js';
import type { CalibrationRepository, CalibrationRun } from '../../ports/storage.js';
import type { Database } from './database-schema.js';

export class SqlCalibrationRepository implements CalibrationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(run: CalibrationRun): Promise<void> {
    await this.db
      .insertInto('calibration_runs')
      .values({
        id: run.id,
        evaluator_platform_id: run.evaluator.platformId,
        evaluator_subject: run.evaluator.subject,
        course_id: run.courseId,
        reference_id: run.referenceId,
        rubric_version: run.rubricVersion,
        levels: JSON.stringify(run.levels),
        closeness: JSON.stringify(run.closeness),
        at: run.at.toISOString(),
      })
      .execute();
  }

  async listFor(
    evaluator: { platformId: string; subject: string },
    courseId: string,
  ): Promise<CalibrationRun[]> {
    const rows = await this.db
      .selectFrom('calibration_runs')
      .selectAll()
      .where('evaluator_platform_id', '=', evaluator.platformId)
      .where('evaluator_subject', '=', evaluator.subject)
      .where('course_id', '=', courseId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      evaluator: { platformId: r.evaluator_platform_id, subject: r.evaluator_subject },
      courseId: r.course_id,
      referenceId: r.reference_id,
      rubricVersion: r.rubric_version,
      levels: JSON.parse(r.levels) as Record<string, string>,
      closeness: JSON.parse(r.closeness) as CalibrationCloseness,
      at: new Date(r.at),
    }));
  }
}
