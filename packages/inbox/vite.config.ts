import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { pseudoDictionary } from '../protocol/src/i18n/pseudo';
import { en } from './src/locales/en';

// In development the API and both WebSockets live on the Charla server (default port 3000);
// in production the server serves this build at / with an SPA fallback.
const target = process.env.CHARLA_DEV_SERVER ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  // The pseudo-locales (issue 23), generated from the English strings at build time.
  define: {
    __CHARLA_PSEUDO_LOCALES__: JSON.stringify({
      'en-XA': pseudoDictionary(en),
      'ar-XB': pseudoDictionary(en, true),
    }),
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    target: 'es2022',
    rollupOptions: {
      // The service worker is its own entry, served from the root so its scope is the whole app.
      input: { main: 'index.html', sw: 'src/sw.ts' },
      output: { entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js') },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target, changeOrigin: false },
      '/ws': { target, ws: true },
      '/widget.js': { target },
      '/demo': { target },
    },
  },
});
