import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { contractSplit } from './build/contract-split';
import { precompress } from './build/precompress';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://localhost:3000';
const contract = fileURLToPath(new URL('../server/src/contract', import.meta.url));

export default defineConfig({
  root,
  plugins: [svelte(), contractSplit(contract), precompress()],
  resolve: {
    alias: [
      // One contract module (`$contract/accounts`), for a dynamic import that should bring only it.
      { find: /^\$contract\/([\w-]+)$/, replacement: `${contract}/$1` },
      { find: /^\$contract$/, replacement: `${contract}/index.ts` },
      // zod configured for the page's CSP before any schema is built (see the module).
      { find: /^zod$/, replacement: fileURLToPath(new URL('./src/lib/zod-config.ts', import.meta.url)) },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // `.vite/manifest.json`: which chunks each page loads, for the first-load budget test and the bench.
    manifest: true,
    // The LiveKit SDK (~570 kB) is its own chunk, loaded only in a room whose server uses LiveKit.
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    strictPort: true,
    // No changeOrigin: the API's Origin/CSRF check must see the browser's own Host and Origin.
    proxy: {
      '/api': { target: api },
      '/socket.io': { target: api, ws: true },
    },
  },
});
