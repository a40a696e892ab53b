import type { Kysely } from 'kysely';
import type { AttemptResult, Learner } from '../../domain/exam/attempt.js';
import type { Certification } from '../../domain/practical/certification.js';
import type { PracticalResult } from '../../domain/practical/submission.js';
import type { CertificationRepository } from '../../ports/storage.js';
import type { Database } from './database-schema.js';

export class SqlCertificationRepository implements CertificationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertIfAbsent(c: Certification): Promise<boolean> {
    const result = await this.db
      .insertInto('certifications')
      .values({
        platform_id: c.learner.platformId,
        subject: c.learner.subject,
        course_id: c.courseId,
        content_version: c.contentVersion,
        written_attempt_id: c.writtenAttemptId,
        written: JSON.stringify(c.written),
        submission_id: c.submissionId,
        practical: JSON.stringify(c.practical),
        certified_at: c.certifiedAt.toISOString(),
      })
      .onConflict((oc) => oc.columns(['platform_id', 'subject', 'course_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async listForLearner(learner: Learner): Promise<Certification[]> {
    const rows = await this.db
      .selectFrom('certifications')
      .selectAll()
      .where('platform_id', '=', learner.platformId)
      .where('subject', '=', learner.subject)
      .orderBy('certified_at')
      .execute();
    return rows.map((r) => ({
      learner: { platformId: r.platform_id, subject: r.subject },
      courseId: r.course_id,
      contentVersion: r.content_version,
      writtenAttemptId: r.written_attempt_id,
      written: JSON.parse(r.written) as AttemptResult,
      submissionId: r.submission_id,
      practical: JSON.parse(r.practical) as PracticalResult,
      certifiedAt: new Date(r.certified_at),
    }));
  }
}
