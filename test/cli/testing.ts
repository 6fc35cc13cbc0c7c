// Runs the CLI in-process for tests, capturing what it prints.
import type { Output } from '../../src/cli/output.js';
import { run } from '../../src/cli/run.js';

/** What one run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `sideline ARGS` with `env` as its environment (none by default), as a script would. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false };
  const code = await run(args, output, env);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
