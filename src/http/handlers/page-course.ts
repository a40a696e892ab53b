import type { RequestHandler } from 'express';
import { practicalState } from '../../domain/practical/practical-state.js';
import { courseStatus } from '../../services/exam/course-status.js';
import { renderMarkdown } from '../../views/markdown.js';
import { type CourseView, coursePage } from '../../views/pages/course-page.js';
import { examStatusJson } from '../exam-json.js';
import { examDeps } from '../service-deps.js';
import type { ToolContext } from '../tool-context.js';
import { sessionPage } from './page-handler.js';

/** GET /courses/:courseId: the course, its written exam (start or resume), learning path and practical. */
export function coursePageHandler(tool: ToolContext): RequestHandler {
  return sessionPage(tool, async (req, { learner, links }) => {
    const status = await courseStatus(examDeps(tool), learner, String(req.params.courseId));
    const { course } = status;
    const practical = practicalState(
      await tool.storage.submissions.listForLearner(learner, course.id),
      status.exam.practicalOpen,
    );
    const certification = (await tool.storage.certifications.listForLearner(learner)).find(
      (c) => c.courseId === course.id,
    );
    const view: CourseView = {
      id: course.id,
      title: course.title,
      summaryHtml: course.summary ? renderMarkdown(course.summary) : null,
      exam: examStatusJson(course, status.exam),
      practical:
        practical === 'locked'
          ? { status: 'locked' }
          : {
              status: practical,
              title: course.practical.title,
              instructionsHtml: renderMarkdown(course.practical.instructions),
            },
      certifiedAt: certification?.certifiedAt.toISOString() ?? null,
    };
    return { html: coursePage(view, links) };
  });
}
