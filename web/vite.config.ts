// Builds the web app into web/dist (served by the API server) and, in development, proxies /api to it.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // the chart and the grid are big; they load with their screens
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.SIDELINE_API ?? 'http://127.0.0.1:8080', changeOrigin: false },
      '/ical': { target: process.env.SIDELINE_API ?? 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
});
