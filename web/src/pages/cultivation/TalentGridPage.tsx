import { App, Button, Card, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { currentYear, READINESS_LABELS, READINESS_OPTIONS, talentGridApi, type Readiness, type TalentGrid, type TalentGridEntry } from '../../api/cultivation.ts';
import '../../components/cultivation/cultivation.css';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgUnitPicker } from '../../components/OrgUnitPicker.tsx';
import { useApiQuery } from '../../state/queryClient.tsx';

const LEVEL_LABELS: Record<number, string> = { 1: '低', 2: '中', 3: '高' };
const LEVEL_OPTIONS = [1, 2, 3].map((value) => ({ value, label: LEVEL_LABELS[value] }));

interface RateValues { performance: number; potential: number; readiness: Readiness; reason: string }

function RateModal({ entry, onClose, onSaved }: { entry: TalentGridEntry | null; onClose: () => void; onSaved: () => void }) {
  return (
    <FormModal<RateValues, unknown>
      title={entry ? `调整九宫格位置：${entry.reserve.name}` : ''}
      open={entry !== null}
      onClose={onClose}
      initialValues={entry ? { performance: entry.performance, potential: entry.potential, readiness: entry.readiness, reason: '' } : undefined}
      save={(values) => talentGridApi.rate(entry?.reserve.id ?? '', { ...values, version: entry?.override?.version })}
      onSaved={onSaved}
      isToastShown={false}
      width={520}
      intro={entry && <Typography.Paragraph type="secondary">依考核结果计算：业绩{LEVEL_LABELS[entry.computed.performance]}、潜力{LEVEL_LABELS[entry.computed.potential]}、{READINESS_LABELS[entry.computed.readiness]}（{entry.computed.basis}）</Typography.Paragraph>}
    >
      <Form.Item name="performance" label="业绩" rules={[{ required: true }]}><Radio.Group optionType="button" options={LEVEL_OPTIONS} /></Form.Item>
      <Form.Item name="potential" label="潜力" rules={[{ required: true }]}><Radio.Group optionType="button" options={LEVEL_OPTIONS} /></Form.Item>
      <Form.Item name="readiness" label="成熟度" rules={[{ required: true }]}><Select options={READINESS_OPTIONS} /></Form.Item>
      <Form.Item name="reason" label="调整理由" rules={[{ required: true, whitespace: true, message: '请填写调整理由' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** 潜力评定: the performance × potential grid (九宫格) of a township or the county, with names in each cell. */
export function TalentGridPage() {
  const { message } = App.useApp();
  const [orgCode, setOrgCode] = useState<string | undefined>();
  const [year, setYear] = useState(currentYear());
  const [cell, setCell] = useState<{ performance: number; potential: number } | null>(null);
  const [rating, setRating] = useState<TalentGridEntry | null>(null);
  const gridQuery = useApiQuery(['talent-grid', orgCode, year], (signal) => talentGridApi.get({ orgCode, year }, signal), { keepPrevious: true });
  const grid: TalentGrid | null = gridQuery.data ?? null;
  const isLoading = gridQuery.isFetching;

  const namesOf = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const entry of grid?.entries ?? []) {
      const key = `${entry.performance}|${entry.potential}`;
      map.set(key, [...(map.get(key) ?? []), entry.reserve.name]);
    }
    return map;
  }, [grid]);

  const shown = (grid?.entries ?? []).filter((entry) => !cell || (entry.performance === cell.performance && entry.potential === cell.potential));

  const columns: ColumnsType<TalentGridEntry> = [
    { title: '姓名', key: 'name', width: 100, render: (_value, entry) => <Link to={`/reserves/${entry.reserve.id}/cultivation`}>{entry.reserve.name}</Link> },
    { title: '村（社区）', key: 'village', width: 180, render: (_value, entry) => `${entry.reserve.townshipName}${entry.reserve.villageName}` },
    { title: '业绩', key: 'performance', width: 70, render: (_value, entry) => LEVEL_LABELS[entry.performance] },
    { title: '潜力', key: 'potential', width: 70, render: (_value, entry) => LEVEL_LABELS[entry.potential] },
    { title: '成熟度', key: 'readiness', width: 120, render: (_value, entry) => READINESS_LABELS[entry.readiness] },
    { title: '依据', key: 'basis', width: 360, render: (_value, entry) => (entry.override ? <><Tag color="orange">乡镇调整</Tag>{entry.override.reason}（调整人 {entry.override.ratedBy}）</> : entry.computed.basis) },
    { title: '', key: 'actions', width: 70, render: (_value, entry) => entry.policies.update && <Button type="link" size="small" onClick={() => setRating(entry)}>调整</Button> },
  ];

  return (
    <div className="talent-grid-page">
      <div className="page-header">
        <h2>潜力评定（九宫格）</h2>
        <Space wrap>
          <div style={{ width: 260, maxWidth: '90vw' }}><OrgUnitPicker value={orgCode} onChange={(code) => { setOrgCode(code); setCell(null); }} placeholder="本单位（可选乡镇或县）" /></div>
          <Select<number> aria-label="年度" value={year} style={{ width: 110 }} onChange={setYear} options={Array.from({ length: 6 }, (_value, index) => currentYear() - index).map((value) => ({ value, label: `${value} 年` }))} />
        </Space>
      </div>
      <Card size="small" className="cultivation-section" loading={isLoading && !grid}>
        <div className="talent-grid-wrap">
          <div className="talent-grid-axis-y">业绩 ↑</div>
          <div className="talent-grid">
            {(grid?.cells ?? []).map((item) => {
              const key = `${item.performance}|${item.potential}`;
              const names = namesOf.get(key) ?? [];
              const isSelected = cell?.performance === item.performance && cell.potential === item.potential;
              return (
                <div
                  key={key}
                  role="button"
                  tabIndex={0}
                  className={`talent-cell${isSelected ? ' selected' : ''}`}
                  data-score={item.performance + item.potential}
                  onClick={() => setCell(isSelected ? null : { performance: item.performance, potential: item.potential })}
                  onKeyDown={(event) => { if (event.key === 'Enter') setCell(isSelected ? null : { performance: item.performance, potential: item.potential }); }}
                >
                  <div className="talent-cell-head"><span className="talent-cell-label">业绩{LEVEL_LABELS[item.performance]} · 潜力{LEVEL_LABELS[item.potential]}</span><span className="talent-cell-count">{item.count}</span></div>
                  <div className="talent-cell-names">{names.slice(0, 12).join('、')}{names.length > 12 ? ` 等 ${names.length} 人` : ''}</div>
                </div>
              );
            })}
          </div>
        </div>
        <div className="talent-grid-axis-x">潜力 →</div>
      </Card>
      <Typography.Paragraph type="secondary">
        {cell ? `业绩${LEVEL_LABELS[cell.performance]}、潜力${LEVEL_LABELS[cell.potential]}：${shown.length} 人（再点一次该格看全部）` : `共 ${grid?.entries.length ?? 0} 人；点击格子只看该格人员。`}
        位置依年度考核、季度评定、年龄和学历计算，乡镇可填写理由后调整。
      </Typography.Paragraph>
      <Table<TalentGridEntry> rowKey={(entry) => entry.reserve.id} size="small" loading={isLoading} columns={columns} dataSource={shown} scroll={{ x: 1000 }} pagination={{ pageSize: 20, showSizeChanger: false }} />
      <RateModal entry={rating} onClose={() => setRating(null)} onSaved={() => { setRating(null); void message.success('已保存调整'); }} />
    </div>
  );
}
