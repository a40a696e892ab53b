import type { RequestHandler } from 'express';
import { AppError } from '../../errors.js';
import { agreementReport } from '../../services/practical/agreement-report.js';
import { calibrate, calibrationStatus } from '../../services/practical/calibrate-evaluator.js';
import type { EvaluatorScope } from '../../services/practical/evaluator-scope.js';
import { renderMarkdown } from '../../views/markdown.js';
import { agreementPage } from '../../views/pages/agreement-page.js';
import { type CalibrationPageView, calibrationPage } from '../../views/pages/calibration-page.js';
import { strings } from '../../views/strings.js';
import { field, queryValue } from '../forms/form-fields.js';
import { rubricJson } from '../practical-json.js';
import { readForm } from '../read-form.js';
import { practicalDeps } from '../service-deps.js';
import type { ToolContext } from '../tool-context.js';
import { evaluatorPage } from './evaluator-page-handler.js';

async function calibrationView(
  tool: ToolContext,
  scope: EvaluatorScope,
  courseId: string,
  extra: Pick<CalibrationPageView, 'notice' | 'form'> = {},
): Promise<CalibrationPageView> {
  const status = await calibrationStatus(practicalDeps(tool), scope, courseId);
  return {
    courseId: status.course.id,
    courseTitle: status.course.title,
    rubric: rubricJson(status.course),
    calibrated: status.calibrated,
    references: status.references.map((r) => {
      const last = status.runs.filter((run) => run.referenceId === r.id).at(-1);
      return {
        id: r.id,
        title: r.title,
        evidence: {
          links: r.evidence.links,
          notesHtml: r.evidence.notes ? renderMarkdown(r.evidence.notes) : null,
        },
        last: last ? { at: last.at.toISOString(), closeness: last.closeness } : null,
      };
    }),
    ...extra,
  };
}

/** GET /evaluator/calibration/:courseId: the reference submissions, and how close each scoring came. */
export function calibrationPageHandler(tool: ToolContext): RequestHandler {
  return evaluatorPage(tool, async (req, { scope, links }) => {
    const notice = req.query.done === 'calibrated' ? strings.evaluator.calibrationSaved : undefined;
    const view = await calibrationView(tool, scope, String(req.params.courseId), { notice });
    return { html: calibrationPage(view, links) };
  });
}

/** POST /evaluator/calibration/:courseId/:referenceId: a level per criterion; back to the page. */
export function calibratePageHandler(tool: ToolContext): RequestHandler {
  return evaluatorPage(tool, async (req, { scope, links }) => {
    const courseId = String(req.params.courseId);
    const referenceId = String(req.params.referenceId);
    const course = tool.programs.course(courseId);
    const form = await readForm(req, req.res!);
    const { criteria } = course.practical.rubric;
    const levels = Object.fromEntries(criteria.map((c) => [c.id, field(form, `level:${c.id}`)]));
    const problems = criteria
      .filter((c) => !c.levels.some((l) => l.id === levels[c.id]))
      .map((c) => ({
        field: `ref-${referenceId}-level-${c.id}`,
        message: strings.evaluator.errors.level(c.title),
      }));
    if (problems.length > 0) {
      const view = await calibrationView(tool, scope, courseId, {
        form: { referenceId, levels, problems: { fields: problems } },
      });
      return { html: calibrationPage(view, links), status: 422 };
    }
    await calibrate(practicalDeps(tool), scope, courseId, referenceId, levels);
    return {
      redirect: `${links.calibration(courseId, 'calibrated')}#reference-${encodeURIComponent(referenceId)}`,
    };
  });
}

/** GET /evaluator/reports/agreement?courseId=: percent agreement and Cohen's kappa per criterion. */
export function agreementPageHandler(tool: ToolContext): RequestHandler {
  return evaluatorPage(tool, async (req, { scope, links }) => {
    const courseId = queryValue(req.query.courseId);
    const { courses } = tool.programs.current;
    if (courseId !== undefined && !courses.some((c) => c.id === courseId))
      throw new AppError('invalid_request', `There is no course '${courseId}'.`);
    const report = await agreementReport(practicalDeps(tool), scope, courseId);
    const criterionTitle = (id: string) =>
      courses.flatMap((c) => c.practical.rubric.criteria).find((c) => c.id === id)?.title ?? id;
    const html = agreementPage(
      {
        courseId,
        courses: courses.map((c) => ({ id: c.id, title: c.title })),
        doubleMarked: report.doubleMarked,
        decisions: report.decisions,
        criteria: report.criteria.map((c) => ({ ...c, title: criterionTitle(c.criterionId) })),
      },
      links,
    );
    return { html };
  });
}
