// Builds the web app into web/dist (served by the API server) and, in development, proxies /api to it.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { shipAssets } from './scripts/ship-assets.js';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  plugins: [react(), shipAssets(fileURLToPath(new URL('./sourcemaps/', import.meta.url)))],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // maps without the comment that points browsers at them; ship-assets moves them out of dist
    sourcemap: 'hidden',
    // the entry chunk is over Vite's 500 kB (minified) warning; what counts is what a first visit
    // downloads compressed, which `npm run bench:web` measures against its 150 kB target
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.SIDELINE_API ?? 'http://127.0.0.1:8080', changeOrigin: false },
      '/ical': { target: process.env.SIDELINE_API ?? 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
});
