import { accreditationsOf, type Course, type Program } from '../domain/content/program.js';
import type { Attempt, Learner } from '../domain/exam/attempt.js';
import type { Clock } from '../ports/clock.js';
import type { Ids } from '../ports/ids.js';
import type { LearningRecords, OutboxDraft, RecordActor } from '../ports/learning-records.js';
import type { PlatformRepository } from '../ports/storage.js';
import { type ExamVerb, examStatement } from './xapi/exam-statements.js';
import { statementProblems } from './xapi/statement-rules.js';

/** Exam events as xAPI statements, each checked against the 1.0.3 rules and frozen as queued. */
export class XapiLearningRecords implements LearningRecords {
  constructor(
    private readonly deps: {
      platforms: PlatformRepository;
      program: () => Program;
      toolUrl: string;
      ids: Ids;
      clock: Clock;
    },
  ) {}

  async actorOf(learner: Learner): Promise<RecordActor> {
    const platform = await this.deps.platforms.findById(learner.platformId);
    // A platform removed since the launch still names its learners by the id we knew it under.
    return {
      issuer: platform?.issuer ?? `${this.deps.toolUrl}/platforms/${learner.platformId}`,
      subject: learner.subject,
    };
  }

  attemptStarted(actor: RecordActor, attempt: Attempt, course: Course): OutboxDraft[] {
    return this.drafts(actor, attempt, course, [['initialized', attempt.startedAt]]);
  }

  responseSaved(actor: RecordActor, attempt: Attempt, course: Course, questionId: string): OutboxDraft[] {
    const at = attempt.responses[questionId]?.savedAt ?? this.deps.clock.now();
    return this.drafts(actor, attempt, course, [['answered', at]], questionId);
  }

  attemptSubmitted(actor: RecordActor, attempt: Attempt, course: Course): OutboxDraft[] {
    const at = attempt.submittedAt ?? this.deps.clock.now();
    return this.drafts(actor, attempt, course, [
      ['completed', at],
      [attempt.result?.passed ? 'passed' : 'failed', at],
      ['terminated', at],
    ]);
  }

  private drafts(
    actor: RecordActor,
    attempt: Attempt,
    course: Course,
    events: [ExamVerb, Date][],
    questionId?: string,
  ): OutboxDraft[] {
    const ctx = {
      toolUrl: this.deps.toolUrl,
      actor,
      attempt,
      course,
      accreditationIds: accreditationsOf(this.deps.program(), course.id).map((a) => a.id),
    };
    return events.map(([verb, at]) => {
      const statement = examStatement(ctx, this.deps.ids.uuid(), verb, at, questionId);
      const problems = statementProblems(statement, this.deps.clock.now());
      if (problems.length > 0)
        throw new Error(`refusing to queue an invalid xAPI statement (${verb}): ${problems.join('; ')}`);
      return { id: statement.id, target: 'xapi' as const, kind: verb, payload: JSON.stringify(statement) };
    });
  }
}
