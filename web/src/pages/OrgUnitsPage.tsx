import { Card, Col, Row, Spin, Tree } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { orgUnitsApi } from '../api/orgUnits.ts';
import type { OrgUnit, OrgUnitDetail } from '../api/types.ts';
import { OrgUnitDetailPanel } from '../components/OrgUnitDetailPanel.tsx';
import { OrgUnitSearch } from '../components/OrgUnitSearch.tsx';
import { useOrgUnitTree } from '../components/useOrgUnitTree.ts';
import { useShowError } from '../components/useShowError.ts';

/** 组织机构: the tree of the user's scope, a search, and the selected unit's details. */
export function OrgUnitsPage() {
  const showError = useShowError();
  const { treeData, loadedKeys, loadRoots, loadChildren, isLoaded, updateNode } = useOrgUnitTree();
  const [isTreeLoading, setTreeLoading] = useState(true);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const [detail, setDetail] = useState<OrgUnitDetail | null>(null);
  const [isDetailLoading, setDetailLoading] = useState(false);

  useEffect(() => {
    loadRoots()
      .then((roots) => { if (roots[0]) setSelectedCode(roots[0].code); })
      .catch(showError)
      .finally(() => setTreeLoading(false));
  }, [loadRoots, showError]);

  const loadDetail = useCallback(async (code: string) => {
    setDetailLoading(true);
    try {
      const unit = await orgUnitsApi.get(code);
      setDetail(unit);
      return unit;
    } catch (error) {
      showError(error);
      return null;
    } finally {
      setDetailLoading(false);
    }
  }, [showError]);

  useEffect(() => {
    if (selectedCode) void loadDetail(selectedCode);
  }, [selectedCode, loadDetail]);

  /** Opens the tree down to a unit found by search or breadcrumb and selects it. */
  const reveal = async (unit: Pick<OrgUnit, 'code'>) => {
    const found = await loadDetail(unit.code);
    setSelectedCode(unit.code);
    if (!found) return;
    const path = found.ancestors.map((ancestor) => ancestor.code);
    try {
      for (const code of path) {
        if (!isLoaded(code)) await loadChildren(code);
      }
    } catch (error) {
      showError(error);
    }
    setExpandedKeys((keys) => [...new Set([...keys, ...path])]);
  };

  const onChanged = (unit: OrgUnit | null, kind: 'renamed' | 'groupAdded' | 'conflict') => {
    if (unit && kind === 'renamed') updateNode(unit);
    if (kind === 'groupAdded' && detail) {
      void loadChildren(detail.code).then(() => setExpandedKeys((keys) => [...new Set([...keys, detail.code])])).catch(showError);
    }
    if (detail) void loadDetail(detail.code);
  };

  return (
    <div>
      <div className="page-header"><h2>组织机构</h2></div>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} xl={8}>
          <Card title="单位" styles={{ body: { overflowX: 'auto' } }}>
            <OrgUnitSearch onSelect={(unit) => void reveal(unit)} />
            {isTreeLoading ? <Spin /> : (
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
            isLoading={isDetailLoading && !detail}
            onSelect={(code) => void reveal({ code })}
            onChanged={onChanged}
          />
        </Col>
      </Row>
    </div>
  );
}
