import { useCallback, useRef, useState } from 'react';
import { orgUnitsApi } from '../api/orgUnits.ts';
import type { OrgUnit } from '../api/types.ts';

/** A node for antd Tree (key) and TreeSelect (value) alike; children load on demand. */
export interface OrgTreeNode {
  key: string;
  value: string;
  title: string;
  isLeaf: boolean;
  children?: OrgTreeNode[];
}

export function toTreeNode(unit: OrgUnit, title: string = unit.name): OrgTreeNode {
  return { key: unit.code, value: unit.code, title, isLeaf: unit.childCount === 0 };
}

function mapNodes(nodes: OrgTreeNode[], code: string, change: (node: OrgTreeNode) => OrgTreeNode): OrgTreeNode[] {
  return nodes.map((node) => {
    if (node.key === code) return change(node);
    if (node.children) return { ...node, children: mapNodes(node.children, code, change) };
    return node;
  });
}

/**
 * The organisation tree of the user's scope, starting from /roots and loading each level's
 * children from /children when a node is expanded.
 */
export function useOrgUnitTree() {
  const [treeData, setTreeData] = useState<OrgTreeNode[]>([]);
  const [loadedKeys, setLoadedKeys] = useState<string[]>([]);
  const loaded = useRef(new Set<string>());

  /** Starts the tree from the roots (read by the caller). */
  const loadRoots = useCallback((roots: readonly OrgUnit[]) => {
    loaded.current = new Set();
    setLoadedKeys([]);
    setTreeData(roots.map((unit) => toTreeNode(unit)));
  }, []);

  const loadChildren = useCallback(async (code: string) => {
    const children = await orgUnitsApi.children(code);
    loaded.current.add(code);
    setLoadedKeys([...loaded.current]);
    setTreeData((nodes) => mapNodes(nodes, code, (node) => ({
      ...node,
      isLeaf: children.length === 0,
      children: children.map((unit) => toTreeNode(unit)),
    })));
    return children;
  }, []);

  const isLoaded = useCallback((code: string) => loaded.current.has(code), []);

  /** Shows a renamed unit under its new name. */
  const updateNode = useCallback((unit: OrgUnit) => {
    setTreeData((nodes) => mapNodes(nodes, unit.code, (node) => ({ ...node, title: unit.name, isLeaf: unit.childCount === 0 && !node.children?.length })));
  }, []);

  return { treeData, loadedKeys, loadRoots, loadChildren, isLoaded, updateNode };
}
