import { EditOutlined, FileDoneOutlined, NotificationOutlined, PlusOutlined, ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Checkbox, Empty, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { villagesApi, type VillageCoverage } from '../../api/villages.ts';
import { Link, useNavigate } from 'react-router-dom';
import { orgUnitsApi } from '../../api/orgUnits.ts';
import { selectionApi, type Board, type BoardVillage, type CandidateCard } from '../../api/selection.ts';
import { useDictionaries } from '../../components/DictionariesContext.tsx';
import { ShortlistModal, StartNoticeModal, VillageNeedModal } from '../../components/selection/BoardModals.tsx';
import { CHANNEL_LABELS, PROFILE_SHORT, SELECTION_STAGES, STAGE_LABELS } from '../../components/selection/labels.ts';
import { NominateModal } from '../../components/selection/NominateModal.tsx';
import { ChooseTownshipHint, TownshipChooser, townshipOf, useTownship } from '../../components/selection/township.tsx';
import { hasPermission } from '../../api/types.ts';
import { useMe } from '../../session/SessionContext.tsx';
import { useApiQuery } from '../../state/queryClient.tsx';

/** Stages at which the township has checked a village's candidates against 因村选人 (on the shortlist or later). */
const CHECKED_STAGES = new Set(SELECTION_STAGES.slice(SELECTION_STAGES.indexOf('shortlist') + 1));

/** A village's pool against the coverage rules: met, short (which rules), or unknown when the figures could not be read. */
function PoolCoverage({ coverage }: { coverage: VillageCoverage | undefined }) {
  if (!coverage) return <Typography.Text type="secondary">未统计</Typography.Text>;
  const unmet = coverage.rules.filter((rule) => !rule.met);
  if (unmet.length === 0) return <Tag color="success">达标（{coverage.reserves} 人）</Tag>;
  return (
    <div className="village-warnings">
      {unmet.map((rule) => <div key={rule.rule}><Badge status="error" text={`${rule.label}：${rule.explanation}`} /></div>)}
    </div>
  );
}

/** Stages where the township picks several candidates at once for a batch step. */
const BATCH_STAGES = new Set(['shortlist', 'jointReview']);

function CandidateCardView({ candidate, selectable, checked, onCheck }: {
  candidate: CandidateCard; selectable: boolean; checked: boolean; onCheck: (checked: boolean) => void;
}) {
  const dictionaries = useDictionaries();
  return (
    <div className={`candidate-card${checked ? ' candidate-card-checked' : ''}`} data-candidate-id={candidate.id}>
      <div className="candidate-card-title">
        {selectable && <Checkbox checked={checked} onChange={(event) => onCheck(event.target.checked)} aria-label={`选择${candidate.person.name}`} />}
        <Link to={`/selection/candidates/${candidate.id}`} className="candidate-name">{candidate.person.name}</Link>
        <Tag color={candidate.profile === 'mature' ? 'blue' : 'green'} style={{ marginInlineEnd: 0 }}>{PROFILE_SHORT[candidate.profile]}</Tag>
      </div>
      <div className="candidate-card-meta">
        {candidate.villageName} · {candidate.person.age} 岁 · {dictionaries.label('education', candidate.person.education)}
      </div>
      <div className="candidate-card-meta">{CHANNEL_LABELS[candidate.channel]} · 拟任{dictionaries.label('targetPost', candidate.targetPost)}</div>
    </div>
  );
}

/** The board of a village clerk, from the candidate list of their villages (the township board is the township's). */
async function villageBoard(township: string, villages: { code: string; name: string }[]): Promise<Board> {
  const [lists, units] = await Promise.all([
    Promise.all(villages.map((village) => selectionApi.list({ orgCode: village.code, pageSize: 200 }))),
    Promise.all(villages.map((village) => orgUnitsApi.get(village.code).catch(() => null))),
  ]);
  const candidates = lists.flatMap((list) => list.candidates).filter((candidate) => candidate.outcome === 'inProgress' || candidate.outcome === 'filed');
  return {
    orgCode: township,
    columns: SELECTION_STAGES.map((stage) => ({ stage, label: STAGE_LABELS[stage], candidates: candidates.filter((candidate) => candidate.stage === stage) })),
    villages: villages.map((village, index) => ({
      orgCode: village.code,
      name: units[index]?.name ?? village.name,
      need: null,
      condition: null,
      needVersion: null,
      inProgress: candidates.filter((candidate) => candidate.orgCode === village.code && candidate.outcome === 'inProgress').length,
      admitted: 0,
      warnings: [],
    })),
    policies: { nominate: lists.some((list) => list.policies.nominate), review: false },
  };
}

/**
 * 选拔工作看板 (one township): a column per stage of 三推两选两公示 with a card per candidate, and
 * the villages with their need (因村选人), counts and warnings. The township shortlists and starts
 * the public notice for several candidates at once from here.
 */
export function SelectionBoardPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { township, isFixed, setTownship } = useTownship(me);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [isNominating, setNominating] = useState(false);
  const [shortlisting, setShortlisting] = useState<CandidateCard[] | null>(null);
  const [noticing, setNoticing] = useState<CandidateCard[] | null>(null);
  const [needVillage, setNeedVillage] = useState<BoardVillage | null>(null);

  // Village clerks see no township board (it is scoped to the township): their own villages' candidates are laid out the same way.
  const ownVillages = useMemo(
    () => (me.roles.every((role) => role.orgLevel === 'village' || role.orgLevel === 'community') ? me.roles.map((role) => ({ code: role.orgCode, name: role.orgName })) : null),
    [me],
  );
  const boardQuery = useApiQuery(['selection-board', township, ownVillages], () => (ownVillages ? villageBoard(township!, ownVillages) : selectionApi.board(township!)), { enabled: Boolean(township), keepPrevious: true });
  const board: Board | null = township ? (boardQuery.data ?? null) : null;
  const isLoading = boardQuery.isFetching;
  const load = () => void boardQuery.refetch();
  // The pool's coverage of each village (≥ 2 reserves, one aged 35 or under, the kind needed), from the coverage figures.
  const canReadCoverage = hasPermission(me, 'person.read');
  const coverageQuery = useApiQuery(['coverage', board?.orgCode], (signal) => villagesApi.coverage(board!.orgCode, false, signal), { enabled: Boolean(board && !ownVillages && canReadCoverage) });
  const coverageByVillage = useMemo(() => new Map((coverageQuery.data?.villages ?? []).map((village) => [village.orgCode, village])), [coverageQuery.data]);
  /** Per village, how many candidates the township has checked (on the shortlist or later). */
  const checkedByVillage = useMemo(() => {
    const counts = new Map<string, number>();
    for (const column of board?.columns ?? []) {
      if (!CHECKED_STAGES.has(column.stage)) continue;
      for (const candidate of column.candidates) counts.set(candidate.orgCode, (counts.get(candidate.orgCode) ?? 0) + 1);
    }
    return counts;
  }, [board]);

  useEffect(() => setSelected(new Set()), [board]);

  const selectedIn = useCallback((stage: string) => (board?.columns.find((column) => column.stage === stage)?.candidates ?? []).filter((candidate) => selected.has(candidate.id)), [board, selected]);
  const forShortlist = selectedIn('shortlist');
  const forNotice = selectedIn('jointReview');
  const canReview = board?.policies.review ?? false;
  // A village clerk nominates in their own village only; township and county users in any village of the township.
  const nominateVillages = useMemo(() => {
    const villages = board?.villages ?? [];
    if (me.roles.some((role) => role.orgLevel !== 'village' && role.orgLevel !== 'community')) return villages;
    const own = new Set(me.roles.map((role) => role.orgCode));
    return villages.filter((village) => own.has(village.orgCode));
  }, [board, me]);

  const toggle = (id: string, checked: boolean) => setSelected((current) => {
    const next = new Set(current);
    if (checked) next.add(id);
    else next.delete(id);
    return next;
  });

  const villageColumns: ColumnsType<BoardVillage> = useMemo(() => [
    { title: '村（社区）', dataIndex: 'name', width: 140, fixed: 'left' },
    {
      title: '需要的人选',
      key: 'need',
      width: 150,
      render: (_value, village) => (
        <Space size={4}>
          {village.need ? <Tag color={village.need === 'mature' ? 'blue' : 'green'}>{PROFILE_SHORT[village.need]}</Tag> : <Typography.Text type="secondary">未设置</Typography.Text>}
          {canReview && <Button type="link" size="small" icon={<EditOutlined />} aria-label={`设置${village.name}的人选需求`} onClick={() => setNeedVillage(village)} />}
        </Space>
      ),
    },
    { title: '村情', dataIndex: 'condition', width: 220, ellipsis: true, render: (value: string | null) => value ?? '—' },
    { title: '选拔中', dataIndex: 'inProgress', width: 80, align: 'right' },
    { title: '已入库', dataIndex: 'admitted', width: 80, align: 'right' },
    {
      title: '资源库覆盖',
      key: 'pool',
      width: 300,
      render: (_value, village) => <PoolCoverage coverage={coverageByVillage.get(village.orgCode)} />,
    },
    {
      title: '人选审核',
      key: 'warnings',
      width: 300,
      render: (_value, village) => {
        if (village.warnings.length > 0) return <div className="village-warnings">{village.warnings.map((warning) => <div key={warning}><Badge status="warning" text={warning} /></div>)}</div>;
        if ((checkedByVillage.get(village.orgCode) ?? 0) > 0) return <Tag color="success">建议名单符合要求</Tag>;
        return <Typography.Text type="secondary">{village.inProgress === 0 ? '无人选' : '未审核（尚未确定建议名单）'}</Typography.Text>;
      },
    },
  ], [canReview, coverageByVillage, checkedByVillage]);

  /** The honest summary above the villages: how many are checked, short, or not yet checked. */
  const villageSummary = useMemo(() => {
    const villages = board?.villages ?? [];
    const poolShort = villages.filter((village) => coverageByVillage.get(village.orgCode)?.isShort === true).length;
    const poolMet = villages.filter((village) => coverageByVillage.get(village.orgCode)?.isShort === false).length;
    const candidatesShort = villages.filter((village) => village.warnings.length > 0).length;
    const candidatesMet = villages.filter((village) => village.warnings.length === 0 && (checkedByVillage.get(village.orgCode) ?? 0) > 0).length;
    return {
      pool: coverageQuery.data ? `资源库：${poolMet} 个村达标，${poolShort} 个村不足${villages.length - poolMet - poolShort > 0 ? `，${villages.length - poolMet - poolShort} 个村未统计` : ''}` : null,
      candidates: `人选：${candidatesMet} 个村已审核符合要求，${candidatesShort} 个村有问题，${villages.length - candidatesMet - candidatesShort} 个村尚未审核`,
    };
  }, [board, coverageByVillage, checkedByVillage, coverageQuery.data]);

  return (
    <div className="selection-board-page">
      <div className="page-header">
        <h2>选拔工作</h2>
        <Space wrap>
          {!isFixed && <TownshipChooser value={township} onChange={setTownship} />}
          <Button icon={<ReloadOutlined />} onClick={load} disabled={!township}>刷新</Button>
          {board?.policies.review && (
            <Button icon={<TeamOutlined />} onClick={() => void navigate(`/selection/evaluation?township=${board.orgCode}`)}>民主测评</Button>
          )}
          {board?.policies.nominate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setNominating(true)}>推荐人选</Button>}
        </Space>
      </div>
      {!isFixed && <ChooseTownshipHint value={township} />}
      {township && !board && isLoading && <Skeleton active paragraph={{ rows: 8 }} />}
      {board && (
        <>
          {canReview && (
            <div className="board-batch-bar">
              <Tooltip title={forShortlist.length === 0 ? '请在「确定建议名单」一栏勾选人选' : undefined}>
                <Button icon={<FileDoneOutlined />} disabled={forShortlist.length === 0} onClick={() => setShortlisting(forShortlist)}>
                  确定建议名单{forShortlist.length > 0 ? `（${forShortlist.length} 人）` : ''}
                </Button>
              </Tooltip>
              <Tooltip title={forNotice.length === 0 ? '请在「联审」一栏勾选联审已完成的人选' : undefined}>
                <Button icon={<NotificationOutlined />} disabled={forNotice.length === 0} onClick={() => setNoticing(forNotice)}>
                  发布公示{forNotice.length > 0 ? `（${forNotice.length} 人）` : ''}
                </Button>
              </Tooltip>
            </div>
          )}
          <div className="selection-board" aria-busy={isLoading}>
            {board.columns.map((column) => {
              const selectable = canReview && BATCH_STAGES.has(column.stage) && column.candidates.length > 0;
              const allChecked = selectable && column.candidates.every((candidate) => selected.has(candidate.id));
              return (
                <section key={column.stage} className="board-column" data-stage={column.stage}>
                  <header className="board-column-header">
                    {selectable && (
                      <Checkbox
                        checked={allChecked}
                        aria-label={`全选${column.label}`}
                        onChange={(event) => column.candidates.forEach((candidate) => toggle(candidate.id, event.target.checked))}
                      />
                    )}
                    <span className="board-column-title">{column.label}</span>
                    <Badge count={column.candidates.length} showZero color={column.candidates.length ? '#c41d1d' : '#bfbfbf'} />
                  </header>
                  <div className="board-column-body">
                    {column.candidates.length === 0
                      ? <div className="board-column-empty">暂无人选</div>
                      : column.candidates.map((candidate) => (
                        <CandidateCardView key={candidate.id} candidate={candidate} selectable={selectable} checked={selected.has(candidate.id)} onCheck={(checked) => toggle(candidate.id, checked)} />
                      ))}
                  </div>
                </section>
              );
            })}
          </div>
          {!ownVillages && <Card title="各村人选情况（因村选人）" size="small" className="board-villages">
            <div className="board-villages-summary">
              {villageSummary.pool && <Typography.Text>{villageSummary.pool}</Typography.Text>}
              <Typography.Text>{villageSummary.candidates}</Typography.Text>
            </div>
            {board.villages.length === 0 ? <Empty description="该乡镇下没有村（社区）" /> : (
              <Table<BoardVillage>
                rowKey="orgCode"
                size="small"
                className="board-villages-table"
                pagination={false}
                columns={villageColumns}
                dataSource={board.villages}
                scroll={{ x: 1270 }}
              />
            )}
          </Card>}
        </>
      )}
      <NominateModal
        open={isNominating}
        villages={nominateVillages}
        onClose={() => setNominating(false)}
        onSaved={(candidate) => {
          setNominating(false);
          void message.success(`已推荐 ${candidate.person.name}，进入资格审查`);
        }}
      />
      {board && (
        <>
          <ShortlistModal township={board.orgCode} candidates={shortlisting} onClose={() => setShortlisting(null)} onSaved={load} />
          <StartNoticeModal
            township={board.orgCode}
            candidates={noticing}
            onClose={() => setNoticing(null)}
            onSaved={(notice) => {
              setNoticing(null);
              void message.success(`已发布公示，至 ${notice.endsOn} 结束`);
              void navigate(`/selection/notices/${notice.id}`);
            }}
          />
          <VillageNeedModal
            village={needVillage}
            onClose={() => setNeedVillage(null)}
            onSaved={() => {
              setNeedVillage(null);
            }}
          />
        </>
      )}
      {township === null && isFixed && <Empty description="您的账号没有绑定乡镇或村" />}
      {township && townshipOf(township) === null && <Empty description="请选择乡镇" />}
    </div>
  );
}
