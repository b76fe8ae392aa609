import { Card, List, Pagination, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Key, ReactNode } from 'react';
import { useIsMobile } from './useIsMobile.ts';

/**
 * A list table on a desktop, with its 操作 column fixed on the right so a wide table never hides
 * it; on a phone the same rows as cards (title from `cardTitle`, each other column as 「列名：值」,
 * the actions at the bottom), paged the same way.
 */
export function ResponsiveTable<T extends object>(props: TableProps<T> & { cardTitle: (row: T) => ReactNode; rowKey: keyof T & string }) {
  const isMobile = useIsMobile();
  const { cardTitle, columns = [], dataSource = [], pagination, loading, rowKey, className } = props;
  const withFixedActions = columns.map((column) => (column.key === 'actions' ? { ...column, fixed: 'right' as const } : column));
  if (!isMobile) return <Table<T> {...props} columns={withFixedActions} />;

  const fields = columns.filter((column) => column.key !== 'actions') as ColumnType<T>[];
  const actions = columns.find((column) => column.key === 'actions') as ColumnType<T> | undefined;
  const cell = (column: ColumnType<T>, row: T, index: number): ReactNode => {
    const value = column.dataIndex ? (row as Record<string, unknown>)[String(column.dataIndex)] : undefined;
    return column.render ? (column.render(value, row, index) as ReactNode) : (value as ReactNode);
  };
  return (
    <div className={`${className ?? ''} table-as-cards`}>
      <List<T>
        loading={Boolean(loading)}
        dataSource={[...dataSource]}
        rowKey={(row) => (row as Record<string, unknown>)[rowKey] as Key}
        renderItem={(row, index) => (
          <Card size="small" className="row-card" title={cardTitle(row)} style={{ marginBottom: 8 }} actions={actions ? [<div key="actions">{cell(actions, row, index)}</div>] : undefined}>
            {fields.map((column) => (
              <div key={String(column.key)} className="row-card-field">
                <span className="row-card-label">{column.title as ReactNode}：</span>
                <span>{cell(column, row, index)}</span>
              </div>
            ))}
          </Card>
        )}
      />
      {pagination && (
        <Pagination simple size="small" style={{ marginTop: 8, textAlign: 'center' }} {...pagination} />
      )}
    </div>
  );
}
