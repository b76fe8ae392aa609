import { TreeSelect } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { orgUnitsApi } from '../api/orgUnits.ts';
import { toTreeNode, useOrgUnitTree, type OrgTreeNode } from './useOrgUnitTree.ts';
import { useShowError } from './useShowError.ts';
import { useApiQuery } from '../state/queryClient.tsx';
import { useDebouncedValue } from '../state/useDebouncedValue.ts';

interface Props {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  /** Name to show for the initial value before the user picks another one. */
  initialLabel?: string;
}

interface Labeled {
  value: string;
  label?: ReactNode;
}

/**
 * Chooses an org unit: browse the tree level by level, or type to search by name or code.
 * For use inside Form.Item; the value is the unit's code.
 */
export function OrgUnitPicker({ value, onChange, placeholder = '选择单位（可输入名称搜索）', initialLabel }: Props) {
  const showError = useShowError();
  const { treeData, loadedKeys, loadRoots, loadChildren } = useOrgUnitTree();
  const [searchText, setSearchText] = useState('');
  const [label, setLabel] = useState<ReactNode>(initialLabel);
  const term = useDebouncedValue(searchText.trim(), 250);
  const roots = useApiQuery(['org-units', 'roots'], (signal) => orgUnitsApi.roots(signal));
  const found = useApiQuery(['org-units', 'search', term], (signal) => orgUnitsApi.search(term, signal), { enabled: term !== '' });
  const results = useMemo<OrgTreeNode[] | null>(() => (searchText.trim() && found.data ? found.data.map((unit) => ({ ...toTreeNode(unit, unit.fullName), isLeaf: true })) : null), [searchText, found.data]);

  useEffect(() => setLabel(initialLabel), [initialLabel]);

  useEffect(() => {
    if (roots.data) loadRoots(roots.data);
  }, [roots.data, loadRoots]);

  const selected: Labeled | undefined = value ? { value, label: label ?? value } : undefined;

  return (
    <TreeSelect<Labeled>
      labelInValue
      value={selected}
      onChange={(next: Labeled | undefined) => {
        setLabel(next?.label);
        setSearchText('');
        onChange?.(next?.value);
      }}
      treeData={results ?? treeData}
      treeLoadedKeys={results ? [] : loadedKeys}
      loadData={(node) => (results ? Promise.resolve() : loadChildren(String(node.value)).then(() => undefined).catch(showError))}
      showSearch
      searchValue={searchText}
      onSearch={setSearchText}
      filterTreeNode={false}
      allowClear
      placeholder={placeholder}
      notFoundContent={searchText.trim() ? '未找到匹配的单位' : '暂无单位'}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto', maxWidth: '90vw' } } }}
    />
  );
}
