import type { SorterResult } from 'antd/es/table/interface';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PeopleFilterKey, PeopleSortBy } from '../api/types.ts';

export const LEDGER_FILTER_KEYS: readonly PeopleFilterKey[] = [
  'orgCode', 'search', 'sourceCategory', 'education', 'politicalStatus', 'ageMin', 'ageMax', 'isAway', 'referenceDate',
];
export const RESERVE_FILTER_KEYS: readonly PeopleFilterKey[] = [...LEDGER_FILTER_KEYS, 'status', 'targetPost', 'readiness'];

export type PeopleFilters = Partial<Record<PeopleFilterKey, string>>;

const SORT_KEYS: readonly PeopleSortBy[] = ['name', 'age', 'orgCode', 'createdAt'];
const PAGE_SIZES = [10, 20, 50, 100];

export interface PeopleQuery {
  filters: PeopleFilters;
  page: number;
  pageSize: number;
  sortBy?: PeopleSortBy;
  sortOrder?: 'asc' | 'desc';
}

function positive(text: string | null, fallback: number): number {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * Filters, page and sort of a people list, kept in the address bar so that going to a person and
 * back, reloading or sharing the link shows the same list.
 */
export function usePeopleQuery(keys: readonly PeopleFilterKey[]) {
  const [params, setParams] = useSearchParams();

  const query = useMemo<PeopleQuery>(() => {
    const filters: PeopleFilters = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value) filters[key] = value;
    }
    const sortBy = SORT_KEYS.find((key) => key === params.get('sortBy'));
    const order = params.get('sortOrder');
    const pageSize = positive(params.get('pageSize'), 20);
    return {
      filters,
      page: positive(params.get('page'), 1),
      pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
      sortBy,
      sortOrder: sortBy ? (order === 'desc' ? 'desc' : 'asc') : undefined,
    };
  }, [params, keys]);

  const write = useCallback((next: PeopleQuery) => {
    const out = new URLSearchParams();
    for (const [key, value] of Object.entries(next.filters)) if (value) out.set(key, value);
    if (next.page > 1) out.set('page', String(next.page));
    if (next.pageSize !== 20) out.set('pageSize', String(next.pageSize));
    if (next.sortBy) {
      out.set('sortBy', next.sortBy);
      out.set('sortOrder', next.sortOrder ?? 'asc');
    }
    setParams(out, { replace: true });
  }, [setParams]);

  const setFilters = useCallback((filters: PeopleFilters) => write({ ...query, filters, page: 1 }), [query, write]);
  const setPage = useCallback((page: number, pageSize: number) => write({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize }), [query, write]);
  const setSort = useCallback(<T,>(sorter: SorterResult<T> | SorterResult<T>[]) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = SORT_KEYS.find((candidate) => candidate === one?.columnKey);
    if (!key || !one?.order) write({ ...query, sortBy: undefined, sortOrder: undefined, page: 1 });
    else write({ ...query, sortBy: key, sortOrder: one.order === 'descend' ? 'desc' : 'asc', page: 1 });
  }, [query, write]);

  /** What the list endpoint takes: filters, page and sort as query string values. */
  const apiQuery = useMemo(() => ({
    ...query.filters,
    page: query.page,
    pageSize: query.pageSize,
    sortBy: query.sortBy,
    sortOrder: query.sortOrder,
  }), [query]);

  /** The antd sortOrder of a column, for controlled sorting. */
  const sortOrderOf = useCallback((key: PeopleSortBy) => (query.sortBy === key ? (query.sortOrder === 'desc' ? 'descend' : 'ascend') : null), [query]);

  return { query, apiQuery, setFilters, setPage, setSort, sortOrderOf, pageSizeOptions: PAGE_SIZES };
}
