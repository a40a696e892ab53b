import type { Request, RequestHandler } from 'express';
import { type EvaluatorScope, evaluatorScope } from '../../services/practical/evaluator-scope.js';
import type { ToolContext } from '../tool-context.js';
import { type PageContext, type PageOutcome, sessionPage } from './page-handler.js';

/**
 * An evaluator's page: the launch session, then the same scope the evaluator API uses. Anyone who
 * is not an evaluator (an Instructor or TA of the LMS course, or named in EVALUATORS) gets the 403
 * page before anything is read or changed.
 */
export function evaluatorPage(
  tool: ToolContext,
  render: (req: Request, page: PageContext & { readonly scope: EvaluatorScope }) => Promise<PageOutcome>,
): RequestHandler {
  return sessionPage(tool, async (req, page) =>
    render(req, { ...page, scope: evaluatorScope(page.session.launch, tool.config.evaluators) }),
  );
}
