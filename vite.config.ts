import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is one static bundle used by both transports: loaded from disk by Electron,
// and served over HTTP by the office server. Relative base so both work.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    sourcemap: false,
  },
});
