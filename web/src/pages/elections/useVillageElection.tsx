import { Result, Skeleton } from 'antd';
import type { ReactElement } from 'react';
import { useParams } from 'react-router-dom';
import { electionsApi, type VillageElection } from '../../api/elections.ts';
import { recordLoadError, useApiQuery } from '../../state/queryClient.tsx';

/** The village election of the route's `:id`, or what to show instead: a skeleton while loading, a refusal the caller may not pass. */
export function useVillageElection(): { election: VillageElection; placeholder: null } | { election: null; placeholder: ReactElement } {
  const { id = '' } = useParams();
  const query = useApiQuery(['village-election', id], (signal) => electionsApi.get(id, signal));
  const refused = recordLoadError(query.error);
  if (refused) return { election: null, placeholder: <Result status="404" title="无法查看该村换届" subTitle={refused.message} /> };
  return query.data ? { election: query.data, placeholder: null } : { election: null, placeholder: <Skeleton active /> };
}
