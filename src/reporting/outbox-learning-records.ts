import {
  type Accreditation,
  accreditationsOf,
  type Course,
  type Program,
} from '../domain/content/program.js';
import type { Attempt, Learner } from '../domain/exam/attempt.js';
import type { StageGrade } from '../domain/grade-passback/stage-grade.js';
import type { LaunchContext } from '../domain/launch-context.js';
import type { Evaluation } from '../domain/practical/evaluation.js';
import type { PracticalSubmission } from '../domain/practical/submission.js';
import type { Clock } from '../ports/clock.js';
import type { Ids } from '../ports/ids.js';
import type { LearningRecords, OutboxDraft, RecordActor } from '../ports/learning-records.js';
import type { PlatformRepository, Repositories } from '../ports/storage.js';
import { agsGradeDrafts } from './ags/ags-grade-drafts.js';
import { type ExamVerb, examStatement } from './xapi/exam-statements.js';
import { launchStatement } from './xapi/launch-statement.js';
import {
  certifiedStatement,
  earnedStatement,
  evaluatedStatement,
  releasedStatement,
  submittedStatement,
} from './xapi/practical-statements.js';
import { statementProblems } from './xapi/statement-rules.js';
import type { Statement } from './xapi/xapi-types.js';

/**
 * Learning events as xAPI statements, each checked against the 1.0.3 rules and frozen as queued;
 * grades go to the LMS through AGS (reporting/ags).
 */
export class OutboxLearningRecords implements LearningRecords {
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

  launched(launch: LaunchContext, course: Course | undefined, at: Date): OutboxDraft[] {
    const accreditationIds = course ? this.accreditationIdsOf(course) : [];
    const actor = { issuer: launch.issuer, subject: launch.subject };
    return [
      this.checked(
        launchStatement(this.deps.toolUrl, this.deps.ids.uuid(), actor, course, accreditationIds, at),
      ),
    ];
  }

  practicalSubmitted(actor: RecordActor, submission: PracticalSubmission, course: Course): OutboxDraft[] {
    return [
      this.checked(submittedStatement(this.courseContext(actor, course), this.deps.ids.uuid(), submission)),
    ];
  }

  practicalEvaluated(
    evaluator: RecordActor,
    learner: RecordActor,
    submission: PracticalSubmission,
    evaluation: Evaluation,
    course: Course,
  ): OutboxDraft[] {
    return [
      this.checked(
        evaluatedStatement(
          this.courseContext(evaluator, course),
          this.deps.ids.uuid(),
          submission,
          evaluation,
          learner,
        ),
      ),
    ];
  }

  practicalReleased(
    actor: RecordActor,
    submission: PracticalSubmission,
    course: Course,
    at: Date,
  ): OutboxDraft[] {
    return [
      this.checked(
        releasedStatement(this.courseContext(actor, course), this.deps.ids.uuid(), submission, at),
      ),
    ];
  }

  courseCertified(actor: RecordActor, course: Course, at: Date): OutboxDraft[] {
    return [this.checked(certifiedStatement(this.courseContext(actor, course), this.deps.ids.uuid(), at))];
  }

  accreditationEarned(
    actor: RecordActor,
    accreditation: Accreditation,
    course: Course,
    at: Date,
  ): OutboxDraft[] {
    return [
      this.checked(
        earnedStatement(this.courseContext(actor, course), this.deps.ids.uuid(), accreditation, at),
      ),
    ];
  }

  /** What every statement about a course needs: the tool, the actor, the course and its accreditations. */
  private courseContext(actor: RecordActor, course: Course) {
    return {
      toolUrl: this.deps.toolUrl,
      actor,
      course,
      accreditationIds: this.accreditationIdsOf(course),
    };
  }

  private accreditationIdsOf(course: Course): string[] {
    return accreditationsOf(this.deps.program(), course.id).map((a) => a.id);
  }

  gradeChanged(
    repositories: Repositories,
    learner: Learner,
    linkId: string | undefined,
    grade: StageGrade,
    course: Course,
  ): Promise<OutboxDraft[]> {
    return agsGradeDrafts(repositories, this.deps.ids, learner, linkId, grade, course);
  }

  private checked(statement: Statement): OutboxDraft {
    const problems = statementProblems(statement, this.deps.clock.now());
    if (problems.length > 0)
      throw new Error(
        `refusing to queue an invalid xAPI statement (${statement.verb.display['en-US']}): ${problems.join('; ')}`,
      );
    return {
      id: statement.id,
      target: 'xapi',
      kind: statement.verb.display['en-US'] ?? 'statement',
      payload: JSON.stringify(statement),
    };
  }

  private drafts(
    actor: RecordActor,
    attempt: Attempt,
    course: Course,
    events: [ExamVerb, Date][],
    questionId?: string,
  ): OutboxDraft[] {
    const ctx = { ...this.courseContext(actor, course), attempt };
    return events.map(([verb, at]) =>
      this.checked(examStatement(ctx, this.deps.ids.uuid(), verb, at, questionId)),
    );
  }
}
