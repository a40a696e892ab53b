import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse, stringify } from 'yaml';
import { ContentError } from '../../src/content/content-error.js';
import { loadProgram } from '../../src/content/load-program.js';
import { testProgramDir } from '../support/test-program.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests edit parsed YAML freely to break it.
type Doc = Record<string, any>;

/** A copy of the fixture program with one file changed. */
function variant(file: string, change: (doc: Doc) => Doc | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'accredit-content-'));
  cpSync(testProgramDir, dir, { recursive: true });
  const path = join(dir, file);
  const changed = change(parse(readFileSync(path, 'utf8')) as Doc);
  writeFileSync(path, typeof changed === 'string' ? changed : stringify(changed));
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadProgram(dir);
    return [];
  } catch (err) {
    if (err instanceof ContentError) return err.problems.map((p) => p.replace(`${dir}/`, ''));
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('loadProgram', () => {
  it('loads the sample program shipped in config/', async () => {
    const program = await loadProgram('config');
    expect(program.courses.map((c) => c.id)).to.include.members([
      'continuous-integration',
      'devsecops',
      'devops-platform',
      'agile-management',
    ]);
    expect(program.accreditations.map((a) => a.audience)).to.include.members([
      'Solution Architect',
      'Account Executive',
    ]);
    for (const course of program.courses) {
      expect(course.questions.length, course.id).to.be.at.least(20);
      expect(course.practical.rubric.criteria.length, course.id).to.be.at.least(4);
    }
  });

  it('gives the same content the same version, and changed content another', async () => {
    const a = await loadProgram(testProgramDir);
    const b = await loadProgram(testProgramDir);
    expect(a.version)
      .to.match(/^[0-9a-f]{16}$/)
      .and.equal(b.version);
    const dir = variant('courses/pipelines.yaml', (d) => ({ ...d, title: 'Pipelines 2' }));
    try {
      expect((await loadProgram(dir)).version).to.not.equal(a.version);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies the defaults: 80 % to pass, score review, no cooldown', async () => {
    const security = (await loadProgram(testProgramDir)).courses.find((c) => c.id === 'security')!;
    expect(security.exam).to.include({
      passingScore: 80,
      retakeCooldownHours: 0,
      remediation: false,
      review: 'none',
    });
    expect(security.exam.attemptLimit).to.equal(undefined);
  });

  const broken: [string, string, (d: Doc) => Doc | string, string[]][] = [
    [
      'a single-choice question with two correct options',
      'courses/pipelines.yaml',
      (d) => {
        d.questions[0].options[0].correct = true;
        return d;
      },
      [
        'courses/pipelines.yaml: questions[0]: a single-choice question needs exactly one correct option (it has 2)',
      ],
    ],
    [
      'a multiple-response question with no correct option',
      'courses/pipelines.yaml',
      (d) => {
        for (const o of d.questions[1].options) o.correct = false;
        return d;
      },
      [
        'courses/pipelines.yaml: questions[1]: a multiple-response question needs at least one correct option',
      ],
    ],
    [
      'an unknown question type',
      'courses/pipelines.yaml',
      (d) => {
        d.questions[2].type = 'essay';
        return d;
      },
      [
        'courses/pipelines.yaml: questions[2].type: type must be single-choice, multiple-response or true-false',
      ],
    ],
    [
      'a missing learning path and an unknown field',
      'courses/pipelines.yaml',
      (d) => {
        delete d.learningPath;
        d.colour = 'blue';
        return d;
      },
      [
        'courses/pipelines.yaml: (file): unknown field colour',
        'courses/pipelines.yaml: learningPath: is required',
      ],
    ],
    [
      'a duplicate question id',
      'courses/pipelines.yaml',
      (d) => {
        d.questions[3].id = 'q-single';
        return d;
      },
      ["courses/pipelines.yaml: questions[3].id: duplicate question id 'q-single' (also questions[0])"],
    ],
    [
      'more questions drawn than the pool has',
      'courses/pipelines.yaml',
      (d) => {
        d.exam.questionsPerAttempt = 9;
        return d;
      },
      ['courses/pipelines.yaml: exam.questionsPerAttempt: draws 9 questions but the pool has 4'],
    ],
    [
      'a minimum level the criterion does not have',
      'courses/pipelines.yaml',
      (d) => {
        d.practical.rubric.criteria[0].minimumLevel = 'heroic';
        return d;
      },
      [
        "courses/pipelines.yaml: practical.rubric.criteria[0].minimumLevel: 'heroic' is not one of this criterion's levels (beginning, developing, proficient)",
      ],
    ],
    [
      'a pass threshold beyond what the rubric can give',
      'courses/pipelines.yaml',
      (d) => {
        d.practical.rubric.passThreshold = 7;
        return d;
      },
      [
        'courses/pipelines.yaml: practical.rubric.passThreshold: 7 is more than the 6 points the rubric can give',
      ],
    ],
    [
      'levels out of order',
      'courses/security.yaml',
      (d) => {
        const levels = d.practical.rubric.criteria[0].levels;
        [levels[0], levels[1]] = [levels[1], levels[0]];
        return d;
      },
      [
        'courses/security.yaml: practical.rubric.criteria[0].levels[1].points: levels must be in ascending order of points',
      ],
    ],
    [
      'a calibration reference with a level the rubric lacks, and no level for a criterion',
      'courses/security.yaml',
      (d) => {
        d.practical.calibration[0].agreedLevels = { clarity: 'brilliant', charm: 'high' };
        return d;
      },
      [
        "courses/security.yaml: practical.calibration[0].agreedLevels.clarity: 'brilliant' is not one of this criterion's levels (low, fair, high)",
        "courses/security.yaml: practical.calibration[0].agreedLevels: needs a level for criterion 'risk'",
        "courses/security.yaml: practical.calibration[0].agreedLevels.charm: there is no criterion 'charm' in the rubric",
      ],
    ],
    [
      'an accreditation naming a course that does not exist, for an unknown audience',
      'accreditations/solution-architect.yaml',
      (d) => ({ ...d, audience: 'Wizard', courses: ['pipelines', 'kubernetes'] }),
      [
        'accreditations/solution-architect.yaml: audience: must be one of Strategic Account Leader, Account Executive, Solution Architect, Customer Success Manager, Partner',
      ],
    ],
    [
      'an accreditation naming a course that does not exist',
      'accreditations/solution-architect.yaml',
      (d) => ({ ...d, courses: ['pipelines', 'kubernetes'] }),
      [
        "accreditations/solution-architect.yaml: courses[1]: there is no course 'kubernetes' (courses: pipelines, security)",
      ],
    ],
    [
      'a YAML syntax error',
      'courses/security.yaml',
      () => 'title: Security\nexam: [unclosed\n',
      [
        'courses/security.yaml: line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    ],
  ];
  for (const [name, file, change, expected] of broken) {
    it(`refuses ${name}, naming the file and the path`, async () => {
      const problems = await problemsOf(variant(file, change));
      expect(problems).to.have.members(expected).and.have.length(expected.length);
    });
  }

  it('reports every problem of every file at once', async () => {
    const dir = variant('courses/pipelines.yaml', (d) => {
      d.exam.timeLimitMinutes = 0;
      d.questions[0].points = -1;
      return d;
    });
    writeFileSync(join(dir, 'courses/security.yaml'), 'title: [\n');
    const problems = await problemsOf(dir);
    expect(problems).to.have.length(3);
  });

  it('refuses a folder with no courses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accredit-empty-'));
    try {
      await loadProgram(dir);
      expect.fail('loaded an empty folder');
    } catch (err) {
      expect((err as ContentError).problems).to.deep.equal([
        `${dir}: has no courses/ folder (CONTENT_DIR must point at the program's files)`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
