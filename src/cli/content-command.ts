import { parseArgs } from 'node:util';
import { loadProgram } from '../content/load-program.js';
import { UsageError } from './usage.js';

/** `content validate [dir]`: the start-up check of the program's files, alone. */
export async function contentCommand(argv: string[], defaultDir: string): Promise<string> {
  const [command, ...rest] = argv;
  if (command !== 'validate') {
    throw new UsageError(
      command === undefined ? 'content needs a command' : `unknown content command '${command}'`,
    );
  }
  const { positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true });
  if (positionals.length > 1) throw new UsageError('content validate takes at most one folder');
  const dir = positionals[0] ?? defaultDir;
  const program = await loadProgram(dir);
  const questions = program.courses.reduce((n, c) => n + c.questions.length, 0);
  return `${dir} is valid: ${program.courses.length} courses (${questions} questions), ${program.accreditations.length} accreditations; content version ${program.version}\n`;
}
