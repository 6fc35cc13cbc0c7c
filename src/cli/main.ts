// Entry point of the `sideline` command (bin/sideline.js imports this module).
import { run } from './run.js';

// Output piped into `head` and closed early is not an error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await run(process.argv.slice(2));
