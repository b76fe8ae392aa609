import { keepPreviousData, QueryCache, QueryClient, QueryClientProvider, useQuery, type QueryKey } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError, isCancelled } from '../api/client.ts';
import { useShowError } from '../components/useShowError.ts';

/** A client error (4xx) will not change by asking again; a network failure or 5xx is tried once more. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

/**
 * Server state lives in TanStack Query: one cache per page load, errors of reads shown once as a
 * message. After any successful save `useSaveMutation` invalidates the cache, so the lists on
 * screen refetch (a page has a handful of queries; naming each one to refresh is not worth its
 * mistakes).
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const showError = useShowError();
  const [client] = useState(() => new QueryClient({
    queryCache: new QueryCache({ onError: (error) => { if (!isCancelled(error)) showError(error); } }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 15_000 },
      mutations: { retry: false },
    },
  }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/**
 * Reads from the API, keyed by the request: `key` names the endpoint and every parameter that
 * changes the answer. A newer key cancels the older request (its AbortSignal), so a slow earlier
 * response can never overwrite a newer one. Paged lists keep showing the previous page while the
 * next loads.
 */
export function useApiQuery<T>(
  key: QueryKey,
  read: (signal: AbortSignal) => Promise<T>,
  options: { enabled?: boolean; keepPrevious?: boolean; staleTime?: number } = {},
) {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => read(signal),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    ...(options.staleTime === undefined ? {} : { staleTime: options.staleTime }),
  });
}

/**
 * The error of a query that named a record the caller cannot open — a malformed id (400), another
 * unit's record (403), one that does not exist (404) — for the page to show instead of the record;
 * null for no error or for one the message already shows.
 */
export function recordLoadError(error: unknown): ApiError | null {
  return error instanceof ApiError && [400, 403, 404].includes(error.status) ? error : null;
}
