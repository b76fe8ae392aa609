import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyPlugin from 'fastify-plugin';

/** Hashed assets never change under their name: browsers keep them for a year without asking. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** index.html (and anything not hashed) is checked with the server on every load, so a new build is seen at once. */
export const REVALIDATE_CACHE = 'no-cache';

/** Whether a file of the build is content-hashed: everything Vite writes under assets/. */
export function isHashedAsset(filePath: string, root: string): boolean {
  const relative = path.relative(root, filePath).split(path.sep);
  return relative[0] === 'assets' && relative.length > 1;
}

/**
 * Compression of what the server sends: responses of the API (JSON above 1 KiB, as gzip or brotli
 * by the request's Accept-Encoding; types that are compressed already, such as xlsx and zip, are
 * left alone). Registered before the routes so that it applies to them all.
 */
export const responseCompression = fastifyPlugin(async (app: FastifyInstance) => {
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
}, { name: 'houbei-response-compression' });

/**
 * The built web client (web/dist): the brotli or gzip file Vite wrote beside each asset when the
 * browser accepts it, hashed assets cached for good, index.html revalidated on every load.
 */
export const staticClient = fastifyPlugin(async (app: FastifyInstance, options: { root: string }) => {
  await app.register(fastifyStatic, {
    root: options.root,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, filePath: string) => {
      reply.header('Cache-Control', isHashedAsset(filePath, options.root) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
    },
  });
}, { name: 'houbei-static-client' });
