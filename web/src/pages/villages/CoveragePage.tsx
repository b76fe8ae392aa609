import { Card, Col, Result, Row, Segmented, Skeleton, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { villagesApi, type Coverage, type VillageCoverage } from '../../api/villages.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { NEED_LABELS, shareText } from '../../components/villages/labels.ts';
import { ShortfallTags } from '../../components/villages/ShortVillages.tsx';
import { useMe } from '../../session/SessionContext.tsx';
import { useApiQuery } from '../../state/queryClient.tsx';

type SubunitRow = Coverage['subunits'][number];

const SUBUNIT_LABELS: Record<Coverage['subunitLevel'], string> = { province: '省（区、市）', county: '县（市、区）', township: '乡镇（街道）' };

/** A township's row coloured by how many of its villages are short. */
function shortfallColor(row: SubunitRow): string {
  if (row.villages === 0 || row.shortVillages === 0) return 'green';
  return row.shortVillages / row.villages >= 0.3 ? 'red' : 'orange';
}

/** 覆盖与补充: for the caller's unit, the shares of villages covered, per township, and the villages short of a rule. */
export function CoveragePage() {
  const me = useMe();
  const units = [...new Map(me.roles.map((role) => [role.orgCode, role.orgName])).entries()];
  const [orgCode, setOrgCode] = useState(units[0]?.[0] ?? '');
  const [shortOnly, setShortOnly] = useState(true);
  const query = useApiQuery(['coverage', orgCode, shortOnly], (signal) => villagesApi.coverage(orgCode, shortOnly, signal), { enabled: orgCode !== '', keepPrevious: true });

  if (!orgCode) return <Result status="info" title="您的账户未绑定单位" />;
  const data = query.data;

  const subunitColumns: ColumnsType<SubunitRow> = [
    { title: data ? SUBUNIT_LABELS[data.subunitLevel] : '乡镇（街道）', dataIndex: 'name', key: 'name', render: (name: string, row) => <Space><Tag color={shortfallColor(row)}>{row.shortVillages === 0 ? '已覆盖' : `${row.shortVillages} 个村需补充`}</Tag>{name}</Space> },
    { title: '村（社区）', dataIndex: 'villages', key: 'villages' },
    { title: '后备力量', dataIndex: 'reserves', key: 'reserves' },
    { title: '不少于 2 名', key: 'atLeastTwo', render: (_: unknown, row) => shareText(row.shares.atLeastTwo) },
    { title: '有 35 岁以下', key: 'young', render: (_: unknown, row) => shareText(row.shares.young) },
    { title: '书记有成熟接任人选', key: 'readySuccessor', render: (_: unknown, row) => shareText(row.shares.readySuccessor) },
  ];
  const villageColumns: ColumnsType<VillageCoverage> = [
    { title: '村（社区）', dataIndex: 'name', key: 'name', render: (name: string, village) => <Link to={`/villages/${village.orgCode}`}>{name}</Link> },
    { title: '乡镇（街道）', dataIndex: 'townshipName', key: 'townshipName' },
    { title: '后备力量', dataIndex: 'reserves', key: 'reserves' },
    { title: '35 岁以下', dataIndex: 'young', key: 'young' },
    { title: '需要的类型', dataIndex: 'need', key: 'need', render: (need: VillageCoverage['need']) => (need ? NEED_LABELS[need] : '不限') },
    {
      title: '不足之处', key: 'rules',
      render: (_: unknown, village) => <ShortfallTags village={village} />,
    },
    { title: '书记接任', dataIndex: 'hasReadySuccessor', key: 'hasReadySuccessor', render: (ready: boolean) => (ready ? <Tag color="green">有</Tag> : <Tag>无</Tag>) },
  ];

  return (
    <div>
      <div className="page-header">
        <h2>覆盖与补充{data ? `：${data.name}` : ''}</h2>
        {units.length > 1 && <Segmented value={orgCode} onChange={(value) => setOrgCode(String(value))} options={units.map(([code, name]) => ({ value: code, label: name }))} />}
      </div>
      {!data ? <Skeleton active paragraph={{ rows: 8 }} /> : (
        <>
          <Typography.Paragraph type="secondary">以 {data.today} 计：每村（社区）后备力量不少于 2 名，至少 1 名 35 岁以下，至少 1 名村里需要的类型。</Typography.Paragraph>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={4}><Card size="small"><Statistic title="村（社区）" value={data.summary.villages} /></Card></Col>
            <Col xs={12} md={4}><Card size="small"><Statistic title="需补充" value={data.summary.shortVillages} styles={{ content: { color: data.summary.shortVillages > 0 ? '#cf1322' : undefined } }} /></Card></Col>
            <Col xs={12} md={4}><Card size="small"><Statistic title="后备力量" value={data.summary.reserves} /></Card></Col>
            <Col xs={12} md={4}><Card size="small"><Statistic title="不少于 2 名" value={shareText(data.summary.shares.atLeastTwo)} /></Card></Col>
            <Col xs={12} md={4}><Card size="small"><Statistic title="有 35 岁以下" value={shareText(data.summary.shares.young)} /></Card></Col>
            <Col xs={12} md={4}><Card size="small"><Statistic title="书记有成熟接任人选" value={shareText(data.summary.shares.readySuccessor)} /></Card></Col>
          </Row>
          {data.subunits.length > 0 && (
            <Card size="small" title={`各${SUBUNIT_LABELS[data.subunitLevel]}`} style={{ marginBottom: 16 }}>
              <Table<SubunitRow> rowKey="code" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={subunitColumns} dataSource={data.subunits} />
            </Card>
          )}
          <Card size="small" title={shortOnly ? '需补充的村（社区）' : '全部村（社区）'} extra={<Space><span>只看需补充</span><Switch size="small" checked={shortOnly} onChange={setShortOnly} /></Space>}>
            <ResponsiveTable<VillageCoverage> rowKey="orgCode" size="small" loading={query.isFetching} pagination={{ pageSize: 50, showSizeChanger: false }} scroll={{ x: 'max-content' }}
              columns={villageColumns} dataSource={data.villages} cardTitle={(village) => <Link to={`/villages/${village.orgCode}`}>{village.name}</Link>}
              locale={{ emptyText: shortOnly ? '没有需补充的村（社区）' : '没有村（社区）' }} className="coverage-villages" />
            {data.villagesTotal > data.villages.length && <Typography.Text type="secondary">共 {data.villagesTotal} 个，只列出前 {data.villages.length} 个。</Typography.Text>}
          </Card>
        </>
      )}
    </div>
  );
}
