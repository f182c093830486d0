/**
 * Builds the React UI into out/renderer with relative asset paths (base './'), so that the same files load
 * from Electron (file://) and from the local web bridge (http://127.0.0.1:…/).
 */
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = decodeURIComponent(new URL('.', import.meta.url).pathname);

/** Only the built files get a strict Content-Security-Policy: the dev server needs an inline script for React refresh. */
const CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
const contentSecurityPolicy: Plugin = {
  name: 'recours-csp',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
};

export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), contentSecurityPolicy],
  build: {
    outDir: `${here}../out/renderer`,
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
});
