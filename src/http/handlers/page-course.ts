import type { RequestHandler } from 'express';
import { courseStatus } from '../../services/exam/course-status.js';
import { renderMarkdown } from '../../views/markdown.js';
import { type CourseView, coursePage } from '../../views/pages/course-page.js';
import { examStatusJson } from '../exam-json.js';
import type { ToolContext } from '../tool-context.js';
import { examDeps, sessionPage } from './page-handler.js';

/** GET /courses/:courseId: the course, its written exam (start or resume), learning path and practical. */
export function coursePageHandler(tool: ToolContext): RequestHandler {
  return sessionPage(tool, async (req, { learner, links }) => {
    const status = await courseStatus(examDeps(tool), learner, String(req.params.courseId));
    const { course } = status;
    const view: CourseView = {
      id: course.id,
      title: course.title,
      summaryHtml: course.summary ? renderMarkdown(course.summary) : null,
      exam: examStatusJson(course, status.exam),
      practical: status.exam.practicalOpen
        ? {
            status: 'open',
            title: course.practical.title,
            instructionsHtml: renderMarkdown(course.practical.instructions),
          }
        : { status: 'locked' },
    };
    return { html: coursePage(view, links) };
  });
}
