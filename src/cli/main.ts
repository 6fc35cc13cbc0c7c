// Entry point of the `sideline` command (bin/sideline.js imports this module).
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2));
