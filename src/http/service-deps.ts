import type { ExamDeps } from '../services/exam/exam-deps.js';
import type { PracticalDeps } from '../services/practical/practical-deps.js';
import type { ToolContext } from './tool-context.js';

/** What the exam services need, from the tool. */
export function examDeps(tool: ToolContext): ExamDeps {
  return {
    storage: tool.storage,
    programs: tool.programs,
    clock: tool.clock,
    ids: tool.ids,
    records: tool.records,
  };
}

/** What the practical services need: the exam's, and the evaluator settings. */
export function practicalDeps(tool: ToolContext): PracticalDeps {
  return {
    ...examDeps(tool),
    settings: { claimMinutes: tool.config.evaluationClaimMinutes, evaluators: tool.config.evaluators },
  };
}
