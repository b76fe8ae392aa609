/**
 * The states of a reserve (后备力量) in the pool: a candidate under inspection, admitted to the
 * pool, removed from it (调整出库), or used (已选用) — appointed to a post.
 */
export const RESERVE_STATUSES = ['candidate', 'admitted', 'removed', 'appointed'] as const;
export type ReserveStatus = (typeof RESERVE_STATUSES)[number];

export const RESERVE_STATUS_LABELS: Record<ReserveStatus, string> = {
  candidate: '考察对象', admitted: '已入库', removed: '已调整出库', appointed: '已选用',
};
