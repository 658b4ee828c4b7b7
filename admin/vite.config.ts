import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const sharedSrc = fileURLToPath(new URL('../shared/src', import.meta.url));

/**
 * The console is served by the Koa server under `/admin/`, on the same origin as the API (`/api/v1`).
 * In `npm run dev -w admin`, API calls are proxied to a server on PORT (default 3000).
 */
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  resolve: {
    // The shared workspace is TypeScript source; point straight at it so Vite compiles it like our own code.
    alias: { '@gongkai/shared': `${sharedSrc}/index.ts` },
  },
  server: {
    port: 5173,
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
  },
});
