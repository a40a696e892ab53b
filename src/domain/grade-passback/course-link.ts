import type { GradeService } from './grade-service.js';

/**
 * An LTI resource link through which learners reach a course: where their grades go back to.
 * Recorded on every launch, so the latest AGS endpoint the platform gave is the one used.
 */
export interface CourseLink {
  readonly id: string;
  readonly platformId: string;
  readonly deploymentId: string;
  readonly contextId: string | undefined;
  readonly resourceLinkId: string;
  readonly title: string | undefined;
  readonly courseId: string | undefined;
  readonly gradeService: GradeService | undefined;
  /** Why grades cannot be passed back through this link; undefined when they can. */
  readonly passbackProblem: string | undefined;
  readonly firstLaunchAt: Date;
  readonly lastLaunchAt: Date;
}
