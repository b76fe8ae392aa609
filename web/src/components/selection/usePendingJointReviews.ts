import { selectionApi } from '../../api/selection.ts';
import { useApiQuery } from '../../state/queryClient.tsx';

/** How many joint reviews wait for the caller's department (null while loading); one cached request for the menu and the home page. */
export function usePendingJointReviewCount(isEnabled = true): number | null {
  const query = useApiQuery(['joint-reviews', 'pending'], (signal) => selectionApi.jointReviews('pending', signal), { enabled: isEnabled });
  return query.data ? query.data.reviews.length : null;
}
