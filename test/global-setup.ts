// Placeholder until the PostgreSQL harness lands: vitest needs the file to exist.
export default function setup(): void {}
