// A Vite plugin for the production build: moves the source maps out of web/dist (they are build
// artifacts, kept in web/sourcemaps/, never served) and writes a brotli and a gzip copy beside every
// compressible file, which the server sends to clients that accept them (src/http/web.ts).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Files worth compressing: text formats. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/u;
/** Below this size a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Moves `*.map` files from `outDir` into `mapsDir` (emptied first), keeping their relative paths. */
export function moveSourceMaps(outDir: string, mapsDir: string): number {
  rmSync(mapsDir, { recursive: true, force: true });
  let moved = 0;
  for (const file of walk(outDir).filter((f) => f.endsWith('.map'))) {
    const to = join(mapsDir, relative(outDir, file));
    mkdirSync(dirname(to), { recursive: true });
    renameSync(file, to);
    moved++;
  }
  return moved;
}

/** Writes `f.br` and `f.gz` beside every compressible file of `outDir` at least MIN_BYTES long. */
export function precompress(outDir: string): number {
  let written = 0;
  for (const file of walk(outDir).filter((f) => COMPRESSIBLE.test(f))) {
    if (statSync(file).size < MIN_BYTES) continue;
    const bytes = readFileSync(file);
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
    );
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    written++;
  }
  return written;
}

/** The plugin: runs after Vite has written the bundle and copied public/. */
export function shipAssets(mapsDir: string): Plugin {
  let outDir = '';
  return {
    name: 'sideline-ship-assets',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const maps = moveSourceMaps(outDir, mapsDir);
      const compressed = precompress(outDir);
      this.info(`${compressed} files precompressed (br, gz); ${maps} source maps kept in ${mapsDir}`);
    },
  };
}
