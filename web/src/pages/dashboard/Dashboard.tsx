import dayjs from 'dayjs';
import { ArrowDownOutlined, ArrowUpOutlined, CameraOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Select, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { dashboardApi, type Dashboard as DashboardData, type DashboardBreakdown, type DashboardFigure } from '../../api/dashboard.ts';
import { hasPermission, type Me } from '../../api/types.ts';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { useApiQuery } from '../../state/queryClient.tsx';
import { useSaveMutation } from '../../state/useSaveMutation.ts';
import { AnalysisReportButton } from './AnalysisReportModal.tsx';
import { EChart } from './EChart.tsx';
import './dashboard.css';

/** Roles whose home page is the dashboard. */
export const DASHBOARD_ROLES = ['orgDepartment', 'townshipCommittee', 'auditor'] as const;

export function hasDashboard(me: Me): boolean {
  return me.roles.some((role) => (DASHBOARD_ROLES as readonly string[]).includes(role.role));
}

/** A link with the list's filter in the address. */
export function linkTo(link: { path: string; query: Record<string, string> }): string {
  return `${link.path}?${new URLSearchParams(link.query).toString()}`;
}

function FigureCard({ figure, snapshotOn }: { figure: DashboardFigure; snapshotOn: string | null }) {
  const value = figure.value === null ? '—' : figure.value;
  const change = figure.change;
  const body = (
    <Card size="small" className={`dashboard-figure dashboard-figure-${figure.key}`} hoverable={figure.link !== null}>
      <Statistic title={figure.label} value={value} suffix={figure.value === null ? undefined : figure.unit === '%' ? '%' : figure.unit} />
      <div className="dashboard-figure-foot">
        {figure.total !== null && figure.unit !== '%' && figure.unit !== '岁' && <Typography.Text type="secondary">共 {figure.total}</Typography.Text>}
        {change !== null && change !== 0 && (
          <Tooltip title={`与 ${snapshotOn} 的统计快照相比`}>
            <Tag color={change > 0 ? 'blue' : 'orange'} icon={change > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />}>{Math.abs(change)}</Tag>
          </Tooltip>
        )}
        {change === 0 && <Typography.Text type="secondary">较上次快照无变化</Typography.Text>}
      </div>
    </Card>
  );
  return figure.link ? <Link to={linkTo(figure.link)} aria-label={`${figure.label}：${value}，查看名单`}>{body}</Link> : body;
}

/** A grouping as a bar chart: the reserves and, beside them, the sitting secretaries. */
function BreakdownChart({ reserves, secretaries, orgCode }: { reserves: DashboardBreakdown; secretaries: DashboardBreakdown | undefined; orgCode: string }) {
  const navigate = useNavigate();
  const option = useMemo<EChartsCoreOption>(() => {
    const labels = reserves.items.map((item) => item.label);
    const secretaryCounts = new Map(secretaries?.items.map((item) => [item.code, item.count]) ?? []);
    const isPie = reserves.breakdown === 'gender' && !secretaries?.items.some((item) => item.count > 0);
    if (isPie) {
      return {
        tooltip: { trigger: 'item' }, legend: { bottom: 0 },
        series: [{ type: 'pie', name: '后备力量', radius: ['35%', '65%'], data: reserves.items.map((item) => ({ name: item.label, value: item.count })) }],
      };
    }
    return {
      tooltip: { trigger: 'axis' }, legend: { bottom: 0 },
      grid: { left: 40, right: 12, top: 16, bottom: 64 },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 5 ? 30 : 0, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: '后备力量', data: reserves.items.map((item) => item.count), itemStyle: { color: '#c8161d' } },
        ...(secretaries ? [{ type: 'bar', name: '现任书记', data: reserves.items.map((item) => secretaryCounts.get(item.code) ?? 0), itemStyle: { color: '#8c8c8c' } }] : []),
      ],
    };
  }, [reserves, secretaries]);
  const openList = ({ seriesIndex, dataIndex }: { seriesIndex: number; dataIndex: number }) => {
    const filter = reserves.items[dataIndex]?.filter;
    if (seriesIndex === 0 && filter) navigate(linkTo({ path: '/reserves', query: { orgCode, status: 'admitted', ...filter } }));
  };
  return (
    <Card size="small" title={reserves.label} className={`dashboard-chart-card dashboard-chart-${reserves.breakdown}`}>
      <EChart option={option} label={`${reserves.label}图表`} onClick={openList} />
    </Card>
  );
}

type TownshipRow = DashboardData['subunits'][number];

const SUBUNIT_LABELS: Record<DashboardData['subunitLevel'], string> = { province: '省（区、市）', county: '县（市、区）', township: '乡镇（街道）' };

function shortfallClass(row: TownshipRow): string {
  if (row.villages === 0 || row.shortVillages === 0) return 'coverage-row-ok';
  return row.shortVillages / row.villages >= 0.3 ? 'coverage-row-bad' : 'coverage-row-warn';
}

function shareText(share: number | null): string {
  return share === null ? '—' : `${share}%`;
}

function TownshipCoverage({ data, onPick }: { data: DashboardData; onPick: (code: string) => void }) {
  const villagesLink = (code: string, rule: string) => linkTo({ path: '/dashboard/villages', query: { orgCode: code, rule, met: 'false' } });
  const columns: ColumnsType<TownshipRow> = [
    { title: SUBUNIT_LABELS[data.subunitLevel], key: 'name', render: (_: unknown, row) => <Button type="link" size="small" onClick={() => onPick(row.code)}>{row.name}</Button> },
    { title: '村（社区）', dataIndex: 'villages', key: 'villages' },
    { title: '后备力量', dataIndex: 'reserves', key: 'reserves' },
    { title: '需补充的村', key: 'short', render: (_: unknown, row) => (row.shortVillages === 0 ? <Tag color="green">无</Tag> : <Link to={linkTo({ path: '/dashboard/villages', query: { orgCode: row.code, rule: 'any', met: 'false' } })}>{row.shortVillages}</Link>) },
    { title: '不少于 2 名', key: 'atLeastTwo', render: (_: unknown, row) => <Link to={villagesLink(row.code, 'minimumReserves')}>{shareText(row.shares.atLeastTwo)}</Link> },
    { title: '有 35 岁以下', key: 'young', render: (_: unknown, row) => <Link to={villagesLink(row.code, 'youngReserve')}>{shareText(row.shares.young)}</Link> },
    { title: '书记有成熟接任人选', key: 'successor', render: (_: unknown, row) => <Link to={villagesLink(row.code, 'readySuccessor')}>{shareText(row.shares.readySuccessor)}</Link> },
  ];
  return (
    <Card size="small" title={`各${SUBUNIT_LABELS[data.subunitLevel]}覆盖情况`} extra={<Space size={4}><Tag color="green">已覆盖</Tag><Tag color="orange">部分村需补充</Tag><Tag color="red">三成以上村需补充</Tag></Space>}>
      <Table rowKey="code" size="small" columns={columns} dataSource={data.subunits} pagination={data.subunits.length > 30 ? { pageSize: 30 } : false} rowClassName={shortfallClass} scroll={{ x: true }} />
    </Card>
  );
}

function VillageGrid({ data }: { data: DashboardData }) {
  return (
    <Card size="small" title="各村（社区）一览" extra={<Space size={4}><Tag color="green">已覆盖</Tag><Tag color="red">需补充</Tag><Tag color="gold">★ 书记有成熟接任人选</Tag></Space>}>
      <div className="village-grid">
        {data.villages.map((village) => (
          <Tooltip key={village.orgCode} title={village.isShort ? village.shortRules.join('；') : '已覆盖'}>
            <Link to={`/villages/${village.orgCode}`} className={`village-tile ${village.isShort ? 'village-tile-short' : 'village-tile-ok'}`}>
              <span className="village-tile-name">{village.name}{village.hasReadySuccessor ? ' ★' : ''}</span>
              <span className="village-tile-count">{village.reserves} 名 · 35 岁以下 {village.young}</span>
            </Link>
          </Tooltip>
        ))}
      </div>
    </Card>
  );
}

/**
 * The dashboard (工作台) of the caller's unit or one below it: figures with their change since the
 * last snapshot, each opening the list it counts; structure charts of the reserves beside the
 * secretaries; coverage per township coloured by shortfall; a township's village grid.
 */
export function Dashboard({ me }: { me: Me }) {
  const [params, setParams] = useSearchParams();
  const own = useMemo(() => [...new Map(me.roles.filter((role) => (DASHBOARD_ROLES as readonly string[]).includes(role.role)).map((role) => [role.orgCode, role.orgName])).entries()], [me]);
  const orgCode = params.get('unit') ?? own[0]?.[0] ?? '';
  const query = useApiQuery(['dashboard', orgCode], (signal) => dashboardApi.get(orgCode, signal), { enabled: orgCode !== '', keepPrevious: true });
  const snapshot = useSaveMutation({ save: () => dashboardApi.takeSnapshot(orgCode) });
  const pick = (code: string) => {
    const next = new URLSearchParams(params);
    next.set('unit', code);
    setParams(next);
  };
  if (!orgCode) return null;
  const data = query.data;
  const unitOptions = [
    ...own.map(([code, name]) => ({ value: code, label: name })),
    ...(data && !own.some(([code]) => code === data.orgCode) ? [{ value: data.orgCode, label: data.name }] : []),
    ...(data?.children.filter((child) => !own.some(([code]) => code === child.code)).map((child) => ({ value: child.code, label: `　${child.name}` })) ?? []),
  ];
  const canFile = hasPermission(me, 'report.file');

  return (
    <div className="dashboard">
      <div className="page-header">
        <h2 style={{ margin: 0 }}>工作台{data ? `：${data.name}` : ''}</h2>
        <Space wrap>
          <Select aria-label="选择单位" showSearch={{ optionFilterProp: 'label' }} style={{ minWidth: 200 }} value={orgCode} options={unitOptions} onChange={pick} />
          {data && (data.level === 'township' || data.level === 'county') && (
            <DownloadButton fetchFile={(onProgress) => dashboardApi.summaryTable(orgCode, onProgress)}>导出汇总表</DownloadButton>
          )}
          {data && <DownloadButton fetchFile={(onProgress) => dashboardApi.structureStatistics(data.orgCode, onProgress)}>导出结构统计</DownloadButton>}
          {data && (data.level === 'township' || data.level === 'county') && <AnalysisReportButton orgCode={data.orgCode} unitName={data.name} today={data.today} />}
          {canFile && <Button icon={<CameraOutlined />} loading={snapshot.isSaving} onClick={() => snapshot.submit(undefined)}>生成统计快照</Button>}
        </Space>
      </div>
      {!data ? <Skeleton active paragraph={{ rows: 8 }} /> : (
        <>
          <Typography.Paragraph type="secondary">
            统计日期 {data.today}{data.countedAt ? `（由各县统计相加，各县统计于 ${dayjs(data.countedAt).format('MM-DD HH:mm')} 及以后）` : ''}
            {data.snapshotOn ? `，箭头为与 ${data.snapshotOn} 统计快照相比的变化` : '，尚无统计快照可比较'}。点击数字或图表查看对应名单。
          </Typography.Paragraph>
          <Row gutter={[12, 12]}>
            {data.figures.filter((figure) => figure.key !== 'campaignProgress' || figure.value !== null).map((figure) => (
              <Col key={figure.key} xs={12} sm={8} lg={6} xl={4}><FigureCard figure={figure} snapshotOn={data.snapshotOn} /></Col>
            ))}
          </Row>
          <Typography.Title level={5} style={{ marginTop: 16 }}>结构分析（后备力量{data.secretaries.some((entry) => entry.items.some((item) => item.count > 0)) ? '与现任村党组织书记' : ''}）</Typography.Title>
          <Row gutter={[12, 12]}>
            {data.reserves.map((breakdown) => (
              <Col key={breakdown.breakdown} xs={24} md={12} xl={8}>
                <BreakdownChart reserves={breakdown} orgCode={data.orgCode}
                  secretaries={data.secretaries.find((entry) => entry.breakdown === breakdown.breakdown && entry.items.some((item) => item.count > 0))} />
              </Col>
            ))}
          </Row>
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            {data.subunits.length > 0 && data.level !== 'township' && <Col xs={24}><TownshipCoverage data={data} onPick={pick} /></Col>}
            {data.villages.length > 0 && <Col xs={24}><VillageGrid data={data} /></Col>}
            {data.subunits.length === 0 && data.villages.length === 0 && <Col xs={24}><Empty description="本单位下暂无村（社区）" /></Col>}
          </Row>
        </>
      )}
    </div>
  );
}
