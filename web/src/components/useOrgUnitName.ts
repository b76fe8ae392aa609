import { orgUnitsApi } from '../api/orgUnits.ts';
import { useApiQuery } from '../state/queryClient.tsx';

/**
 * The full name of an org unit, for showing a code chosen earlier (from the URL or the user's
 * role); undefined while it loads or when the code names no unit the caller may see (the code
 * alone is then shown, without an error message for a name).
 */
export function useOrgUnitName(code: string | null | undefined): string | undefined {
  const query = useApiQuery(
    ['org-units', 'name', code ?? ''],
    (signal) => orgUnitsApi.get(code ?? '', signal).then((unit) => unit.fullName, () => null),
    { enabled: Boolean(code), staleTime: Infinity },
  );
  return query.data ?? undefined;
}
