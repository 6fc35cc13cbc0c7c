// Runs the `sideline` command on an argument list and maps outcomes to exit codes.
import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { processOutput } from './output.js';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USER, UserError } from './errors.js';

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function run(argv: string[], output = processOutput, env = process.env): Promise<number> {
  try {
    const program = await buildProgram({ output, env, readStdin }, argv);
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; a usage mistake is a user error (commander already printed it).
      return e.exitCode === 0 ? EXIT_OK : EXIT_USER;
    }
    if (e instanceof UserError) {
      output.err(`sideline: ${e.message}`);
      for (const d of e.details) output.err(`  ${d}`);
      return EXIT_USER;
    }
    output.err(`sideline: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT_INTERNAL;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
