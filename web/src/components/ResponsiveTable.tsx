import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, List, Pagination, Popover, Space, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState, type Key, type ReactNode } from 'react';
import { useIsMobile } from './useIsMobile.ts';

const HIDDEN_COLUMNS_KEY = 'houbei.hiddenColumns.';

function readHidden(tableKey: string): string[] {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(HIDDEN_COLUMNS_KEY + tableKey) ?? '[]');
    return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * 列设置: which columns of a wide table are shown, kept in this browser per table. The first
 * column (the name) and the 操作 column are always shown.
 */
function useColumnSettings<T>(tableKey: string | undefined, columns: readonly ColumnType<T>[]) {
  const [hidden, setHidden] = useState<string[]>(() => (tableKey ? readHidden(tableKey) : []));
  const choosable = columns.filter((column, index) => index > 0 && column.key !== 'actions' && column.key !== undefined && typeof column.title === 'string');
  const update = (next: string[]) => {
    setHidden(next);
    if (tableKey) window.localStorage.setItem(HIDDEN_COLUMNS_KEY + tableKey, JSON.stringify(next));
  };
  const shown = columns.filter((column) => !hidden.includes(String(column.key)));
  const control = tableKey && choosable.length > 0 ? (
    <Popover
      trigger="click"
      placement="bottomRight"
      title="显示的列"
      content={(
        <Space orientation="vertical" size={4} className="column-settings">
          {choosable.map((column) => (
            <Checkbox
              key={String(column.key)}
              checked={!hidden.includes(String(column.key))}
              onChange={(event) => update(event.target.checked ? hidden.filter((key) => key !== String(column.key)) : [...hidden, String(column.key)])}
            >
              {column.title as string}
            </Checkbox>
          ))}
          <Button size="small" type="link" style={{ padding: 0 }} disabled={hidden.length === 0} onClick={() => update([])}>全部显示</Button>
        </Space>
      )}
    >
      <Button size="small" icon={<SettingOutlined />} className="column-settings-button no-print">列设置</Button>
    </Popover>
  ) : null;
  return { shown, control };
}

/**
 * A list table on a desktop, with its 操作 column fixed on the right so a wide table never hides
 * it; on a phone the same rows as cards (title from `cardTitle`, each other column as 「列名：值」,
 * the actions at the bottom), paged the same way.
 */
export function ResponsiveTable<T extends object>(props: TableProps<T> & { cardTitle: (row: T) => ReactNode; rowKey: keyof T & string; settingsKey?: string }) {
  const isMobile = useIsMobile();
  const { cardTitle, columns = [], dataSource = [], pagination, loading, rowKey, className, settingsKey, ...tableProps } = props;
  const settings = useColumnSettings(settingsKey, columns as ColumnType<T>[]);
  if (!isMobile) {
    const shown = settings.shown.map((column) => (column.key === 'actions' ? { ...column, fixed: 'right' as const, className: 'actions-column' } : column));
    return (
      <div className={`responsive-table${settings.control ? ' has-column-settings' : ''}`}>
        {settings.control && <div className="column-settings-bar">{settings.control}</div>}
        <Table<T> {...tableProps} className={className} dataSource={dataSource} pagination={pagination} loading={loading} rowKey={rowKey} columns={shown} />
      </div>
    );
  }

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
