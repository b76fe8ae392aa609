import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const webRoot = path.dirname(fileURLToPath(import.meta.url));

/**
 * The SPA lives in web/ and builds to web/dist, which the server serves with a fallback to
 * index.html. Pages are chunks of their own (React.lazy in routes/); every text asset is also
 * written brotli- and gzip-compressed at the highest levels, and the server sends the one the
 * browser accepts (src/server/static-client.ts).
 */
export default defineConfig({
  root: webRoot,
  plugins: [
    react(),
    compression({
      include: /\.(js|css|html|svg|json)$/,
      threshold: 1024,
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
    }),
  ],
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    // ECharts' renderer library zrender is a chunk of its own, so that neither half of the charts
    // (loaded by the dashboard only) passes the 500 kB size warning.
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'zrender', test: /node_modules[\\/]zrender[\\/]/ }] },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.HOUBEI_API_URL ?? 'http://127.0.0.1:3200', changeOrigin: false } },
  },
});
