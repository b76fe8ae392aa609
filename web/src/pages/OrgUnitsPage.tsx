import { Card, Col, Row, Spin, Tree } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { orgUnitsApi } from '../api/orgUnits.ts';
import type { OrgUnit } from '../api/types.ts';
import { OrgUnitDetailPanel } from '../components/OrgUnitDetailPanel.tsx';
import { OrgUnitSearch } from '../components/OrgUnitSearch.tsx';
import { useOrgUnitTree } from '../components/useOrgUnitTree.ts';
import { useShowError } from '../components/useShowError.ts';
import { useApiQuery } from '../state/queryClient.tsx';

/** 组织机构: the tree of the user's scope, a search, and the selected unit's details. */
export function OrgUnitsPage() {
  const showError = useShowError();
  const queryClient = useQueryClient();
  const { treeData, loadedKeys, loadRoots, loadChildren, isLoaded, updateNode } = useOrgUnitTree();
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const roots = useApiQuery(['org-units', 'roots'], (signal) => orgUnitsApi.roots(signal));
  const detailQuery = useApiQuery(['org-units', 'detail', selectedCode ?? ''], (signal) => orgUnitsApi.get(selectedCode ?? '', signal), { enabled: selectedCode !== null, keepPrevious: true });
  const detail = detailQuery.data ?? null;

  useEffect(() => {
    if (!roots.data) return;
    loadRoots(roots.data);
    setSelectedCode((code) => code ?? roots.data[0]?.code ?? null);
  }, [roots.data, loadRoots]);

  const fetchDetail = (code: string) => queryClient.fetchQuery({ queryKey: ['org-units', 'detail', code], queryFn: ({ signal }) => orgUnitsApi.get(code, signal) });

  /** Opens the tree down to a unit found by search or breadcrumb and selects it. */
  const reveal = async (unit: Pick<OrgUnit, 'code'>) => {
    setSelectedCode(unit.code);
    try {
      const found = await fetchDetail(unit.code);
      const path = found.ancestors.map((ancestor) => ancestor.code);
      for (const code of path) {
        if (!isLoaded(code)) await loadChildren(code);
      }
      setExpandedKeys((keys) => [...new Set([...keys, ...path])]);
    } catch (error) {
      showError(error);
    }
  };

  const onChanged = (unit: OrgUnit | null, kind: 'renamed' | 'groupAdded' | 'conflict') => {
    if (unit && kind === 'renamed') updateNode(unit);
    if (kind === 'groupAdded' && detail) {
      void loadChildren(detail.code).then(() => setExpandedKeys((keys) => [...new Set([...keys, detail.code])])).catch(showError);
    }
    if (detail) void queryClient.invalidateQueries({ queryKey: ['org-units', 'detail', detail.code] });
  };

  return (
    <div>
      <div className="page-header"><h2>组织机构</h2></div>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} xl={8}>
          <Card title="单位" styles={{ body: { overflowX: 'auto' } }}>
            <OrgUnitSearch onSelect={(unit) => void reveal(unit)} />
            {roots.isPending ? <Spin /> : (
              <Tree
                className="org-unit-tree"
                treeData={treeData}
                loadedKeys={loadedKeys}
                expandedKeys={expandedKeys}
                onExpand={(keys) => setExpandedKeys(keys.map(String))}
                selectedKeys={selectedCode ? [selectedCode] : []}
                onSelect={(keys) => { const key = keys[0]; if (key !== undefined) setSelectedCode(String(key)); }}
                loadData={(node) => loadChildren(String(node.key)).then(() => undefined).catch(showError)}
                showLine
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={14} xl={16}>
          <OrgUnitDetailPanel
            detail={detail}
            isLoading={detailQuery.isFetching && !detail}
            onSelect={(code) => void reveal({ code })}
            onChanged={onChanged}
          />
        </Col>
      </Row>
    </div>
  );
}
