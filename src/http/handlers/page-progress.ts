import type { RequestHandler } from 'express';
import { practicalState } from '../../domain/practical/practical-state.js';
import { learnerProgress } from '../../services/exam/course-status.js';
import { progressPage } from '../../views/pages/progress-page.js';
import type { ToolContext } from '../tool-context.js';
import { examDeps, sessionPage } from './page-handler.js';

/** GET /progress: the learner's standing across accreditations and courses. */
export function progressPageHandler(tool: ToolContext): RequestHandler {
  return sessionPage(tool, async (_req, { learner, links }) => {
    const progress = await learnerProgress(examDeps(tool), learner);
    const submissions = await tool.storage.submissions.listForLearner(learner);
    const certified = new Set(
      (await tool.storage.certifications.listForLearner(learner)).map((c) => c.courseId),
    );
    const view = {
      accreditations: progress.map(({ accreditation, courses }) => ({
        id: accreditation.id,
        title: accreditation.title,
        audience: accreditation.audience,
        courses: courses.map(({ course, exam }) => ({
          id: course.id,
          title: course.title,
          written: exam.state,
          practical: practicalState(
            submissions.filter((s) => s.courseId === course.id),
            exam.practicalOpen,
          ),
          certified: certified.has(course.id),
        })),
      })),
    };
    return { html: progressPage(view, links) };
  });
}
