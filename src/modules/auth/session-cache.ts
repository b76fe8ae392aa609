import type { Actor } from '../../server/access.ts';

/** How long a looked-up session is reused before the database is asked again. */
export const SESSION_CACHE_MS = 10_000;
const MAX_ENTRIES = 10_000;

interface CachedSession {
  actor: Actor;
  expiresAt: number;
  lastSeenAt: number;
  cachedAt: number;
}

/**
 * Sessions looked up in the last few seconds, by token hash, so that a request costs no query
 * for its session. Ending sessions (logout, password change or reset, disabling a user) forgets
 * them at once, and for the next moments the user's sessions are not cached at all, so that a
 * lookup racing with the transaction that ends them cannot bring them back. A role change shows
 * after at most SESSION_CACHE_MS; so does a change made by another server process.
 */
export class SessionCache {
  readonly #entries = new Map<string, CachedSession>();
  readonly #revokedUntil = new Map<string, number>();

  find(tokenHash: string, now: number): CachedSession | undefined {
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    if (now - entry.cachedAt >= SESSION_CACHE_MS || this.#isRevoked(entry.actor.userId, now)) {
      this.#entries.delete(tokenHash);
      return undefined;
    }
    return entry;
  }

  remember(tokenHash: string, session: Omit<CachedSession, 'cachedAt'>, now: number): void {
    if (this.#isRevoked(session.actor.userId, now)) return;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(tokenHash, { ...session, cachedAt: now });
  }

  forgetToken(tokenHash: string): void {
    this.#entries.delete(tokenHash);
  }

  /** Forgets every session of the user and caches none of theirs for a while. */
  forgetUser(userId: string, now: number): void {
    this.#revokedUntil.set(userId, now + 2 * SESSION_CACHE_MS);
    for (const [tokenHash, entry] of this.#entries) if (entry.actor.userId === userId) this.#entries.delete(tokenHash);
  }

  #isRevoked(userId: string, now: number): boolean {
    const until = this.#revokedUntil.get(userId);
    if (until === undefined) return false;
    if (until > now) return true;
    this.#revokedUntil.delete(userId);
    return false;
  }
}

/** The process's one cache: sessions live in the database, this only spares the lookups. */
export const sessionCache = new SessionCache();
