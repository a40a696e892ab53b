import { resolve } from 'node:path';
import { loadProgram } from '../../src/content/load-program.js';
import type { Program } from '../../src/domain/content/program.js';

export const testProgramDir = resolve('test/fixtures/program');

/** The small program the tests run on (test/fixtures/program). */
export const testProgram: Program = await loadProgram(testProgramDir);
