import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { accreditationProblems, courseProblems } from '../domain/content/content-rules.js';
import type { Accreditation, Course, Program, Question, Rubric } from '../domain/content/program.js';
import { ContentError, formatPath } from './content-error.js';
import {
  type AccreditationFile,
  accreditationFileSchema,
  type CourseFile,
  courseFileSchema,
} from './content-schemas.js';

/**
 * Reads and checks the whole program under `dir`; throws ContentError listing every problem as
 * `file: path: what is wrong`. The version is a hash of what was loaded.
 */
export async function loadProgram(dir: string): Promise<Program> {
  const problems: string[] = [];
  if (!existsSync(join(dir, 'courses'))) {
    throw new ContentError([
      `${dir}: has no courses/ folder (CONTENT_DIR must point at the program's files)`,
    ]);
  }
  const courses: Course[] = [];
  const courseFiles = await yamlFiles(join(dir, 'courses'));
  for (const file of courseFiles) {
    const parsed = await parseFile(file, courseFileSchema, problems);
    if (!parsed) continue;
    const course = toCourse(idOf(file, problems), parsed);
    for (const p of courseProblems(course)) problems.push(`${file}: ${p.path}: ${p.message}`);
    courses.push(course);
  }
  if (courses.length === 0 && problems.length === 0)
    problems.push(`${join(dir, 'courses')}: holds no course file (*.yaml)`);

  // Accreditations are checked against every course file, valid or not, so one broken course
  // is reported once rather than again by each accreditation that groups it.
  const courseIds = new Set(courseFiles.map((f) => basename(f, extname(f))));
  const accreditations: Accreditation[] = [];
  for (const file of await yamlFiles(join(dir, 'accreditations'))) {
    const parsed = await parseFile(file, accreditationFileSchema, problems);
    if (!parsed) continue;
    const accreditation = toAccreditation(idOf(file, problems), parsed);
    for (const p of accreditationProblems(accreditation, courseIds))
      problems.push(`${file}: ${p.path}: ${p.message}`);
    accreditations.push(accreditation);
  }

  if (problems.length > 0) throw new ContentError(problems);
  const content = { accreditations, courses };
  const version = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
  return { version, ...content };
}

async function yamlFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const names = await readdir(dir);
  return names
    .filter((n) => ['.yaml', '.yml'].includes(extname(n)))
    .sort()
    .map((n) => join(dir, n));
}

function idOf(file: string, problems: string[]): string {
  const id = basename(file, extname(file));
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) {
    problems.push(`${file}: the file name must be lowercase letters, digits and dashes (it is the id)`);
  }
  return id;
}

async function parseFile<T extends z.ZodType>(
  file: string,
  schema: T,
  problems: string[],
): Promise<z.infer<T> | undefined> {
  const doc = parseDocument(await readFile(file, 'utf8'), { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const at = err.linePos?.[0];
      problems.push(
        `${file}: ${at ? `line ${at.line}, column ${at.col}: ` : ''}${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:$/, '')}`,
      );
    }
    return undefined;
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = formatPath(issue.path) || '(file)';
    let message = issue.message.replace(/^Invalid input: /, '');
    if (issue.code === 'unrecognized_keys')
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    if (issue.code === 'invalid_type' && message.endsWith('received undefined')) message = 'is required';
    problems.push(`${file}: ${path}: ${message}`);
  }
  return undefined;
}

function toCourse(id: string, f: CourseFile): Course {
  return {
    id,
    title: f.title,
    summary: f.summary,
    learningPath: f.learningPath,
    exam: { ...f.exam, attemptLimit: f.exam.attemptLimit },
    questions: f.questions.map(
      (q): Question =>
        q.type === 'true-false'
          ? { ...q, feedback: { true: q.feedback.true, false: q.feedback.false } }
          : {
              ...q,
              options: q.options.map((o) => ({ text: o.text, correct: o.correct, feedback: o.feedback })),
            },
    ),
    practical: {
      title: f.practical.title,
      instructions: f.practical.instructions,
      evidence: f.practical.evidence,
      rubric: rubricOf(f.practical.rubric),
      doubleMarking: f.practical.doubleMarking,
      moderationGap: f.practical.moderationGap,
      appealWindowDays: f.practical.appealWindowDays,
      calibration: f.practical.calibration.map((r) => ({
        id: r.id,
        title: r.title,
        evidence: {
          links: r.evidence.links.map((l) => ({ url: l.url, title: l.title })),
          notes: r.evidence.notes,
        },
        agreedLevels: r.agreedLevels,
      })),
    },
  };
}

function rubricOf(f: CourseFile['practical']['rubric']): Rubric {
  const body = {
    passThreshold: f.passThreshold,
    criteria: f.criteria.map((c) => ({
      ...c,
      description: c.description,
      minimumLevel: c.minimumLevel,
      levels: c.levels.map((l) => ({ ...l, description: l.description })),
    })),
  };
  const version = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 12);
  return { version, ...body };
}

function toAccreditation(id: string, f: AccreditationFile): Accreditation {
  return {
    id,
    title: f.title,
    audience: f.audience,
    description: f.description,
    courseIds: f.courses,
    badgeValidForMonths: f.badge?.validForMonths ?? 24,
  };
}
