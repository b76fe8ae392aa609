import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { DictionaryName } from '../../../src/domain/dictionaries.ts';
import { dictionariesApi } from '../api/dictionaries.ts';
import type { DictionaryItem } from '../api/types.ts';
import { useApiQuery } from '../state/queryClient.tsx';

export type { DictionaryName };

export interface Option {
  value: string;
  label: string;
}

interface Dictionaries {
  isLoaded: boolean;
  /** The label of a code; '—' for no value, the code itself for a code the dictionary does not know. */
  label: (dictionary: DictionaryName, code: string | null | undefined) => string;
  /** Options for new input: enabled items only, plus `current` when it is a disabled item already stored. */
  options: (dictionary: DictionaryName, current?: string | null) => Option[];
  /** Options for filtering stored data: every item, disabled ones marked. */
  filterOptions: (dictionary: DictionaryName) => Option[];
}

const DictionariesContext = createContext<Dictionaries | null>(null);

function sorted(items: DictionaryItem[]): DictionaryItem[] {
  return [...items].sort((a, b) => a.sortOrder - b.sortOrder);
}

/** The query key of /api/dictionaries, shared by the provider and the 数据字典 page. */
export const DICTIONARIES_QUERY_KEY = ['dictionaries'] as const;

/** Loads /api/dictionaries once for the session and shares labels and select options. */
export function DictionariesProvider({ children }: { children: ReactNode }) {
  const query = useApiQuery(DICTIONARIES_QUERY_KEY, (signal) => dictionariesApi.list(signal), { staleTime: Infinity });
  const list = query.data;
  const byName = useMemo(
    () => (list ? new Map(list.dictionaries.map((dictionary) => [dictionary.dictionary, sorted(dictionary.items)])) : null),
    [list],
  );

  const value = useMemo<Dictionaries>(() => {
    const itemsOf = (dictionary: DictionaryName) => byName?.get(dictionary) ?? [];
    return {
      isLoaded: byName !== null,
      label: (dictionary, code) => {
        if (code === null || code === undefined || code === '') return '—';
        if (!byName) return '';
        return itemsOf(dictionary).find((item) => item.code === code)?.label ?? code;
      },
      options: (dictionary, current) => itemsOf(dictionary)
        .filter((item) => item.isEnabled || item.code === current)
        .map((item) => ({ value: item.code, label: item.isEnabled ? item.label : `${item.label}（已停用）` })),
      filterOptions: (dictionary) => itemsOf(dictionary)
        .map((item) => ({ value: item.code, label: item.isEnabled ? item.label : `${item.label}（已停用）` })),
    };
  }, [byName]);

  return <DictionariesContext.Provider value={value}>{children}</DictionariesContext.Provider>;
}

export function useDictionaries(): Dictionaries {
  const dictionaries = useContext(DictionariesContext);
  if (!dictionaries) throw new Error('useDictionaries must be used inside DictionariesProvider');
  return dictionaries;
}
