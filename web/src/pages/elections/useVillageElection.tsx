import { Result, Skeleton } from 'antd';
import type { ReactElement } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { electionsApi, type VillageElection } from '../../api/elections.ts';
import { useApiQuery } from '../../state/queryClient.tsx';

/** The village election of the route's `:id`, or what to show instead: a skeleton while loading, a refusal the caller may not pass. */
export function useVillageElection(): { election: VillageElection; refetch: () => unknown; placeholder: null } | { election: null; refetch: () => unknown; placeholder: ReactElement } {
  const { id = '' } = useParams();
  const query = useApiQuery(['village-election', id], (signal) => electionsApi.get(id, signal));
  const refetch = () => query.refetch();
  if (query.error instanceof ApiError && [400, 403, 404].includes(query.error.status)) {
    return { election: null, refetch, placeholder: <Result status="404" title="无法查看该村换届" subTitle={query.error.message} /> };
  }
  return query.data ? { election: query.data, refetch, placeholder: null } : { election: null, refetch, placeholder: <Skeleton active /> };
}
