import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const mainScript = resolve('dist/src/main.js');

/** Runs the tool as `npm start` would, in a fresh working directory, with only the given environment. */
export function spawnTool(env: Record<string, string>, cwd = mkdtempSync(join(tmpdir(), 'accredit-proc-'))) {
  const child = spawn(process.execPath, [mainScript], {
    cwd,
    env: { PATH: process.env.PATH ?? '', CONTENT_DIR: resolve('test/fixtures/program'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d: Buffer) => {
    output.stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    output.stderr += d.toString();
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output, exited, cwd };
}

/** Resolves once the tool logs that it listens; rejects if it exits first. */
export async function untilListening(run: ReturnType<typeof spawnTool>, timeoutMs = 15000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = run.output.stdout.split('\n').find((l) => l.includes('Accredit is listening'));
    if (line) return (JSON.parse(line) as { port: number }).port;
    if (run.child.exitCode !== null)
      throw new Error(`tool exited ${run.child.exitCode}: ${run.output.stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`tool did not start in time: ${run.output.stderr}`);
}

export function kill(child: ChildProcess): void {
  if (child.exitCode === null) child.kill('SIGKILL');
}
