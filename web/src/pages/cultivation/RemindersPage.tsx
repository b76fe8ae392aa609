import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Card, Col, Pagination, Radio, Row, Select, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { levelOfCode } from '../../../../src/domain/org-code.ts';
import { hasPermission } from '../../api/types.ts';
import { cultivationExportApi, currentYear, REMINDER_KIND_LABELS, recordFormApi, remindersApi, type RecordFormFormat, type ReminderKind } from '../../api/cultivation.ts';
import '../../components/cultivation/cultivation.css';
import { ReminderList as Reminders } from '../../components/cultivation/ReminderList.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { OrgUnitPicker } from '../../components/OrgUnitPicker.tsx';
import { ShortVillagesCard } from '../../components/villages/ShortVillages.tsx';
import { useMe } from '../../session/SessionContext.tsx';
import { useApiQuery } from '../../state/queryClient.tsx';

const PAGE_SIZE = 50;

/**
 * 培养提醒: what is due or overdue in a unit (village, township, county), the villages short of
 * reserves (补充), and the 纪实表 of the unit as a zip.
 */
export function RemindersPage() {
  const me = useMe();
  const ownUnit = me.roles.find((binding) => binding.role !== 'mentor');
  const [orgCode, setOrgCode] = useState<string | undefined>(ownUnit?.orgCode);
  const [kind, setKind] = useState<ReminderKind | undefined>();
  const [page, setPage] = useState(1);
  const [year, setYear] = useState(currentYear());
  const [format, setFormat] = useState<RecordFormFormat>('docx');
  const query = { orgCode, kind, page, pageSize: PAGE_SIZE };
  const reminders = useApiQuery(['reminders', query], (signal) => remindersApi.unit(query, signal), { keepPrevious: true });
  const list = reminders.data ?? null;
  const isLoading = reminders.isFetching;

  const canExport = orgCode !== undefined && ['township', 'village'].includes(levelOfCode(orgCode));
  const counts = Object.entries(list?.counts ?? {}).filter(([, count]) => count > 0) as [ReminderKind, number][];

  return (
    <div className="reminders-page">
      <div className="page-header">
        <h2>培养提醒</h2>
        <Space wrap align="start">
          <div style={{ width: 280, maxWidth: '90vw' }}>
            <OrgUnitPicker value={orgCode} initialLabel={ownUnit?.orgName} onChange={(code) => { setOrgCode(code); setPage(1); }} placeholder="选择单位（县、乡镇或村）" />
          </div>
          <DownloadButton className="no-print" icon={<ExportOutlined />} fetchFile={(onProgress) => cultivationExportApi.reminders({ orgCode, kind }, onProgress)}>导出提醒</DownloadButton>
        </Space>
      </div>
      <Card size="small" className="cultivation-section">
        <Row gutter={[16, 8]}>
          <Col><Statistic title="提醒总数" value={list?.total ?? 0} loading={isLoading && !list} /></Col>
          {counts.map(([key, count]) => (
            <Col key={key}><Statistic title={REMINDER_KIND_LABELS[key] ?? key} value={count} /></Col>
          ))}
        </Row>
        {list && <Typography.Text type="secondary">计算日期 {list.onDate}</Typography.Text>}
      </Card>
      <Card
        size="small"
        title="待办和逾期事项"
        className="cultivation-section"
        extra={(
          <Select<ReminderKind | undefined>
            aria-label="提醒类别"
            allowClear
            placeholder="全部类别"
            style={{ width: 220, maxWidth: '60vw' }}
            value={kind}
            onChange={(value) => { setKind(value); setPage(1); }}
            options={(Object.keys(REMINDER_KIND_LABELS) as ReminderKind[]).map((value) => ({ value, label: REMINDER_KIND_LABELS[value] }))}
          />
        )}
      >
        <Reminders reminders={list?.reminders ?? []} showResponsible emptyText={isLoading ? '加载中…' : '暂无待办和逾期事项'} />
        {(list?.total ?? 0) > PAGE_SIZE && <Pagination style={{ marginTop: 12 }} current={page} pageSize={PAGE_SIZE} total={list?.total ?? 0} showSizeChanger={false} onChange={setPage} />}
      </Card>
      {orgCode && hasPermission(me, 'person.read') && <ShortVillagesCard orgCode={orgCode} />}
      <Card size="small" title="批量导出纪实表" className="cultivation-section">
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          导出所选乡镇或村（社区）全部在库后备力量的村级后备干部日常管理纪实表，每人一个文件，打包为 zip（Word 最多 300 份，PDF 最多 100 份）。
        </Typography.Paragraph>
        <Space wrap>
          <Select<number> aria-label="纪实表年度" value={year} style={{ width: 110 }} onChange={setYear} options={Array.from({ length: 6 }, (_value, index) => currentYear() - index).map((value) => ({ value, label: `${value} 年` }))} />
          <Radio.Group optionType="button" value={format} onChange={(event) => setFormat(event.target.value as RecordFormFormat)} options={[{ value: 'docx', label: 'Word' }, { value: 'pdf', label: 'PDF' }]} />
          {canExport && orgCode
            ? <DownloadButton type="primary" icon={<DownloadOutlined />} expectedSeconds={format === 'pdf' ? 30 : 5} fetchFile={(onProgress) => recordFormApi.batch(orgCode, year, format, onProgress)}>下载纪实表（zip）</DownloadButton>
            : <Typography.Text type="secondary">请在右上角选择一个乡镇或村（社区）</Typography.Text>}
        </Space>
      </Card>
    </div>
  );
}
