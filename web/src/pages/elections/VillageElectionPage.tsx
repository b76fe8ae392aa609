import { Alert, App, Button, Card, Descriptions, Form, List, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { electionsApi, type ElectionCandidate, type VillageElection } from '../../api/elections.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { todayText } from '../../components/villages/labels.ts';
import { NominateModal, PledgeModal, QualifyModal, SeatsModal, SignOffModal } from './CandidateForms.tsx';
import { HandoverModal, ProxyVoteModal, VoterRegisterModal } from './RegisterForms.tsx';
import { ElectionCommitteeModal, ObjectionHandlingModal, ObjectionModal, PostsModal, ReduceSeatsModal, VillagePlanModal } from './ResultForms.tsx';
import { useVillageElection } from './useVillageElection.tsx';
import { VoteEntry } from './VoteEntry.tsx';

type Dialog = 'plan' | 'seats' | 'nominate' | 'committee' | 'register' | 'proxy' | 'posts' | 'reduce' | 'objection' | 'handover';
type Objection = VillageElection['objections'][number];
type CandidateDialog = { kind: 'qualify' | 'signOff' | 'pledge'; candidate: ElectionCandidate };
const ELECTION_ACTIONS: { dialog: Dialog; label: string; policies: (keyof VillageElection['policies'])[]; needsRegister?: boolean }[] = [
  { dialog: 'plan', label: '工作安排', policies: ['editPlan'] },
  { dialog: 'seats', label: '设定职数', policies: ['setSeats'] },
  { dialog: 'nominate', label: '提出候选人', policies: ['nominate'] },
  { dialog: 'committee', label: '村民选举委员会', policies: ['register'] },
  { dialog: 'register', label: '公布选民名单', policies: ['register'] },
  { dialog: 'proxy', label: '登记委托投票', policies: ['register'], needsRegister: true },
  { dialog: 'posts', label: '确定书记、主任等职务', policies: ['assignPosts'] },
  { dialog: 'reduce', label: '经批准减少职数', policies: ['reduceSeats'] },
  { dialog: 'objection', label: '登记异议', policies: ['register', 'objection'] },
  { dialog: 'handover', label: '离职谈话和交接', policies: ['handover'] },
];

type DateStep = 'approveSeats' | 'approveCandidates' | 'startNotice' | 'approveResult' | 'file';
const DATE_STEPS: Record<DateStep, { label: string; field: string; send: (id: string, date: string, version: number) => Promise<VillageElection> }> = {
  approveSeats: { label: '审批超出标准的职数', field: '审批日期', send: (id, date, version) => electionsApi.approveSeats(id, { approvedOn: date, version }) },
  approveCandidates: { label: '批准正式候选人', field: '批准日期', send: (id, date, version) => electionsApi.approveCandidates(id, { approvedOn: date, version }) },
  startNotice: { label: '发布结果公示', field: '公示开始日期', send: (id, date, version) => electionsApi.startNotice(id, { startsOn: date, version }) },
  approveResult: { label: '审批选举结果', field: '审批日期', send: (id, date, version) => electionsApi.approveResult(id, { approvedOn: date, version }) },
  file: { label: '备案', field: '备案日期', send: (id, date, version) => electionsApi.file(id, { filedOn: date, version }) },
};

const STATUS_COLORS: Partial<Record<ElectionCandidate['status'], string>> = { formal: 'blue', qualified: 'cyan', elected: 'green', notQualified: 'red', disqualified: 'red' };

/** 村级换届: seats, candidates with the 差额 check and 双签, the vote entry, discipline and the result. */
export function VillageElectionPage() {
  const { message } = App.useApp();
  const [step, setStep] = useState<DateStep | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [candidateDialog, setCandidateDialog] = useState<CandidateDialog | null>(null);
  const [handling, setHandling] = useState<Objection | null>(null);
  const { election, placeholder } = useVillageElection();
  if (!election) return placeholder;

  const columns: ColumnsType<ElectionCandidate> = [
    { title: '姓名', dataIndex: 'name', key: 'name' },
    { title: '组织', key: 'committee', render: (_: unknown, candidate) => `${candidate.committeeLabel}${candidate.isSecretaryCandidate ? '（书记）' : ''}` },
    { title: '年龄', dataIndex: 'age', key: 'age' },
    { title: '学历', dataIndex: 'educationLabel', key: 'educationLabel' },
    { title: '推荐票', key: 'recommendations', render: (_: unknown, candidate) => `${candidate.recommendations.membersAndMasses}／${candidate.recommendations.higherOrganisation}` },
    { title: '状态', key: 'status', render: (_: unknown, candidate) => <Tag color={STATUS_COLORS[candidate.status]}>{candidate.statusLabel}{candidate.electedPost ? `（${candidate.electedPost}）` : ''}</Tag> },
    { title: '“双签”', key: 'signOffs', render: (_: unknown, candidate) => (candidate.isSecretaryCandidate ? (candidate.isDualSigned ? '已完成' : `${candidate.signOffs.length}／2`) : '—') },
    { title: '纪律承诺', key: 'pledgedOn', render: (_: unknown, candidate) => candidate.pledgedOn ?? '未签' },
    {
      title: '操作', key: 'actions', render: (_: unknown, candidate) => (
        <Space size={4} wrap>
          {election.policies.qualify && candidate.status === 'proposed' && <Button size="small" onClick={() => setCandidateDialog({ kind: 'qualify', candidate })}>资格审查</Button>}
          {election.policies.signOff && candidate.isSecretaryCandidate && !candidate.isDualSigned && candidate.status !== 'notQualified'
            && <Button size="small" onClick={() => setCandidateDialog({ kind: 'signOff', candidate })}>“双签”</Button>}
          {election.policies.discipline && candidate.status !== 'proposed' && candidate.status !== 'notQualified' && candidate.status !== 'disqualified'
            && <Button size="small" onClick={() => setCandidateDialog({ kind: 'pledge', candidate })}>谈话承诺</Button>}
        </Space>
      ),
    },
  ];
  const actions = ELECTION_ACTIONS.filter((action) => action.policies.some((policy) => election.policies[policy]) && (!action.needsRegister || election.voterRegister !== null));
  const canHandle = (objection: Objection) => objection.handledOn === null && election.policies[objection.kind === 'register' ? 'register' : 'objection'];
  const closeCandidateDialog = () => setCandidateDialog(null);
  const dialogOf = (kind: CandidateDialog['kind']) => (candidateDialog?.kind === kind ? candidateDialog.candidate : null);
  const checks = [
    election.checks.partyMargin, election.checks.secretaryMargin, election.checks.villagersCandidates, election.checks.womanOnVillagersCommittee,
    election.checks.secretariesWithoutDualSignOff.length > 0 ? `书记候选人${election.checks.secretariesWithoutDualSignOff.join('、')}尚未完成“双签”` : null,
    election.checks.citizenReporters.uncovered.length > 0 ? `村民小组${election.checks.citizenReporters.uncovered.join('、')}还没有民情直报员` : null,
    ...(election.checks.handover?.problems ?? []),
  ].filter((check): check is string => check !== null);
  const dateSteps = (Object.keys(DATE_STEPS) as DateStep[]).filter((key) => election.policies[key]);
  const voteCommittee = election.policies.recordPartyVote ? 'party' : election.policies.recordVillagersVote ? 'villagers' : null;
  const names = new Map(election.candidates.map((candidate) => [candidate.id, candidate.name]));

  return (
    <div className="village-election-page">
      <div className="page-header">
        <h2>{election.villageName} {election.termYear} 年换届</h2>
        <Tag color={election.stage === 'filed' ? 'green' : 'processing'} className="election-stage">{election.stageLabel}</Tag>
      </div>
      <Typography.Paragraph type="secondary"><Link to={`/elections/plans/${election.planId}`}>返回乡镇换届看板</Link></Typography.Paragraph>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="村党组织委员会职数">{election.seats.party ?? '未设定'}</Descriptions.Item>
        <Descriptions.Item label="村民委员会职数">{election.seats.villagers ?? '未设定'}</Descriptions.Item>
        <Descriptions.Item label="职数设定依据">{election.seats.basis ?? '—'}{election.seats.countyApproval ? `（县委组织部 ${election.seats.countyApproval.approvedBy} ${election.seats.countyApproval.approvedOn} 审批）` : ''}</Descriptions.Item>
        <Descriptions.Item label="书记产生方式">{election.secretaryModeLabel}</Descriptions.Item>
        <Descriptions.Item label="指导员">{election.guidanceOfficer ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="责任清单">{election.responsibilities.map((item) => `${item.task}（${item.owner}）`).join('；') || '—'}</Descriptions.Item>
        <Descriptions.Item label="村民选举委员会">{election.electionCommittee.map((member) => `${member.name}${member.leftOn ? `（${member.leftOn} 退出）` : ''}`).join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="选民名单">{election.voterRegister ? `${election.voterRegister.registered} 人，${election.voterRegister.publishedOn} 公布，选举日 ${election.voterRegister.electionDay}；委托投票 ${election.voterRegister.proxies.length} 人` : '未公布'}</Descriptions.Item>
        <Descriptions.Item label="结果公示">{election.notice ? `${election.notice.startsOn} 至 ${election.notice.endsOn}（${election.notice.workingDays} 个工作日）` : '—'}</Descriptions.Item>
      </Descriptions>
      {checks.map((check) => <Alert key={check} type="warning" showIcon message={check} style={{ marginBottom: 8 }} />)}
      {(dateSteps.length > 0 || actions.length > 0 || election.notice) && (
        <Space wrap style={{ marginBottom: 12 }}>
          {dateSteps.map((key) => <Button key={key} type="primary" onClick={() => setStep(key)}>{DATE_STEPS[key].label}</Button>)}
          {actions.map((action) => <Button key={action.dialog} onClick={() => setDialog(action.dialog)}>{action.label}</Button>)}
          {election.notice && <DownloadButton fetchFile={(onProgress) => electionsApi.noticeDocument(election.id, onProgress)}>打印结果公示</DownloadButton>}
        </Space>
      )}

      {voteCommittee && <div style={{ marginBottom: 12 }}><VoteEntry key={`${voteCommittee}-${election.votes.length}`} election={election} committee={voteCommittee} /></div>}

      <Card size="small" title="候选人" style={{ marginBottom: 12 }}>
        <ResponsiveTable<ElectionCandidate> rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={columns} dataSource={election.candidates}
          cardTitle={(candidate) => candidate.name} locale={{ emptyText: '还没有候选人' }} />
      </Card>

      <Card size="small" title="选举结果" style={{ marginBottom: 12 }} className="election-results">
        <List size="small" dataSource={election.votes} locale={{ emptyText: '还没有登记选举结果' }} renderItem={(vote) => (
          <List.Item>
            <div>
              <div>{vote.heldOn} {vote.committeeLabel}{vote.kindLabel}（应选 {vote.seats} 名；{vote.committee === 'party' ? `应到会 ${vote.counts.expected} 人，实到会` : `登记选民 ${vote.counts.expected} 人，参加投票`} {vote.counts.present} 人）</div>
              <div>当选：{vote.result.elected.map((candidateId) => names.get(candidateId)).join('、') || '无'}</div>
            </div>
          </List.Item>
        )} />
      </Card>

      {election.voterRegister && election.voterRegister.proxies.length > 0 && (
        <Card size="small" title="委托投票" style={{ marginBottom: 12 }}>
          <List size="small" className="proxy-votes" dataSource={election.voterRegister.proxies}
            renderItem={(proxy) => <List.Item>{proxy.voterName} 书面委托{proxy.relationshipLabel} {proxy.proxyName} 代为投票（{proxy.authorizedOn}）</List.Item>} />
        </Card>
      )}

      {election.objections.length > 0 && (
        <Card size="small" title="异议" style={{ marginBottom: 12 }}>
          <List size="small" className="election-objections" dataSource={election.objections} renderItem={(objection) => (
            <List.Item actions={canHandle(objection) ? [<Button key="handle" size="small" onClick={() => setHandling(objection)}>处理</Button>] : undefined}>
              <div>
                <Tag>{objection.kind === 'register' ? '选民名单' : '选举结果'}</Tag>{objection.receivedOn}：{objection.content}
                <div>{objection.handledOn ? `${objection.isUpheld ? '成立' : '不成立'}：${objection.handling}（${objection.handledOn}，${objection.handledBy}）` : '待处理'}</div>
              </div>
            </List.Item>
          )} />
        </Card>
      )}

      <Card size="small" title="换届纪律" style={{ marginBottom: 12 }} extra={<Link to={`/elections/villages/${election.id}/discipline`}>风险点、直报员、举报和承诺</Link>}>
        <Typography.Paragraph>风险点 {election.riskPoints.length} 个；民情直报员覆盖村民小组 {election.checks.citizenReporters.covered}／{election.checks.citizenReporters.groups}；
          纪律承诺 {election.checks.pledges.pledged}／{election.checks.pledges.candidates}；举报 {election.violationReports.length} 件（属实 {election.violationReports.filter((report) => report.isSubstantiated).length} 件）。</Typography.Paragraph>
        <List size="small" dataSource={election.riskPoints} renderItem={(risk) => <List.Item>{risk.kindLabel}：{risk.description}（措施：{risk.measures}；责任人：{risk.owner}）</List.Item>} />
      </Card>

      {election.handover && (
        <Card size="small" title="离职谈话和工作交接" style={{ marginBottom: 12 }}>
          新老班子 {election.handover.handedOverOn} 交接；落选离职谈话：{election.handover.talks.map((talk) => `${talk.name}（${talk.talkedOn}）`).join('、') || '无'}
        </Card>
      )}

      {election.composition && (
        <Card size="small" title="换届前后班子结构">
          <Descriptions size="small" bordered column={1}>
            <Descriptions.Item label="书记年龄">{election.composition.before.secretaryAge ?? '—'} → {election.composition.after.secretaryAge ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="女性成员">{election.composition.before.womenMembers} → {election.composition.after.womenMembers}</Descriptions.Item>
            <Descriptions.Item label="“一肩挑”">{election.composition.after.isSecretaryAndDirector ? '是' : '否'}</Descriptions.Item>
            <Descriptions.Item label="使用后备力量">{election.composition.reservesUsed} 名</Descriptions.Item>
          </Descriptions>
        </Card>
      )}

      <SeatsModal election={election} open={dialog === 'seats'} onClose={() => setDialog(null)} />
      <VillagePlanModal election={election} open={dialog === 'plan'} onClose={() => setDialog(null)} />
      <ElectionCommitteeModal election={election} open={dialog === 'committee'} onClose={() => setDialog(null)} />
      <PostsModal election={election} open={dialog === 'posts'} onClose={() => setDialog(null)} />
      <ReduceSeatsModal election={election} open={dialog === 'reduce'} onClose={() => setDialog(null)} />
      <ObjectionModal election={election} open={dialog === 'objection'} onClose={() => setDialog(null)} />
      <ObjectionHandlingModal objection={handling} onClose={() => setHandling(null)} />
      <NominateModal election={election} open={dialog === 'nominate'} onClose={() => setDialog(null)} />
      <VoterRegisterModal election={election} open={dialog === 'register'} onClose={() => setDialog(null)} />
      <ProxyVoteModal election={election} open={dialog === 'proxy'} onClose={() => setDialog(null)} />
      <HandoverModal election={election} open={dialog === 'handover'} onClose={() => setDialog(null)} />
      <QualifyModal candidate={dialogOf('qualify')} onClose={closeCandidateDialog} />
      <SignOffModal candidate={dialogOf('signOff')} onClose={closeCandidateDialog} />
      <PledgeModal candidate={dialogOf('pledge')} onClose={closeCandidateDialog} />

      <FormModal<{ date: string }, VillageElection>
        title={step ? DATE_STEPS[step].label : ''}
        open={step !== null}
        onClose={() => setStep(null)}
        initialValues={{ date: todayText() }}
        save={(values) => DATE_STEPS[step ?? 'file'].send(election.id, values.date, election.version)}
        onSaved={() => { setStep(null); void message.success('已办理'); }}
        onConflict={() => setStep(null)}
      >
        <Form.Item name="date" label={step ? DATE_STEPS[step].field : '日期'} rules={[{ required: true, message: '请填写日期' }]}><DateInput /></Form.Item>
      </FormModal>
    </div>
  );
}
