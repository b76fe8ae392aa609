import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { AppError } from './errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that act on the caller or a record and read no request body. */
const BODYLESS_ROUTES = new Set(['/api/people/:id/reveal', '/api/auth/logout']);

/**
 * Response headers and cross-site request checks for the whole app:
 * - a Content-Security-Policy that lets the page load scripts, data and fonts from its own
 *   origin only (styles may also be inline: Ant Design writes its CSS at run time);
 * - HSTS when cookies are secure (the site is served over HTTPS);
 * - every state-changing request to the API whose browser names its origin (Origin, or
 *   Sec-Fetch-Site) must come from this site's own origin, so another site cannot post with the
 *   user's cookie (login included);
 * - text/plain is not parsed at all (with form encodings, which have no parser either, the only
 *   bodies a cross-site form can send), and the reveal and logout routes, which take no body,
 *   refuse any body but JSON (the client posts `{}`).  Routes that take a file (xlsx, photos,
 *   evidence) have no body schema, so "no schema" alone cannot mean "no body".
 */
export const securityHeaders = fastifyPlugin(async (app: FastifyInstance, options: { isHttps: boolean }) => {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.isHttps && { upgradeInsecureRequests: [] }),
      },
    },
    strictTransportSecurity: options.isHttps ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });

  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method) || !request.url.startsWith('/api/')) return;
    const problem = crossSiteProblem(request);
    if (problem) throw new AppError('FORBIDDEN', problem);
  });

  app.addHook('preValidation', async (request) => {
    if (!BODYLESS_ROUTES.has(request.routeOptions.url ?? '')) return;
    if (hasBody(request) && !isJson(request)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '此操作不接受请求内容（JSON 除外），请不带请求体重新提交');
  });

  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
  });
}, { name: 'security-headers' });

/** Why a state-changing request looks cross-site, or null when it comes from this site (or from no browser). */
function crossSiteProblem(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const ownOrigin = `${request.protocol}://${request.host}`;
    return origin === ownOrigin ? null : `请求来源 ${origin.slice(0, 100)} 不是本系统（${ownOrigin}），已拒绝。请在本系统的页面中操作`;
  }
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return '请求来自其他网站，已拒绝。请在本系统的页面中操作';
  return null;
}

function isJson(request: FastifyRequest): boolean {
  return /^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '');
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  if (length !== undefined && length !== '0') return true;
  return request.headers['transfer-encoding'] !== undefined;
}
