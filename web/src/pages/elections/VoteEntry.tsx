import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { EXCUSED_REASON_LABELS, EXCUSED_REASONS, tallyPartyVote, tallyVillagersVote, type ExcusedReason, type TallyResult } from '../../../../src/domain/election-arithmetic.ts';
import type { ElectionCommittee, VoteKind } from '../../../../src/domain/election-procedure.ts';
import { electionsApi, type ElectionCandidate, type VillageElection } from '../../api/elections.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { todayText } from '../../components/villages/labels.ts';
import { useSaveMutation } from '../../state/useSaveMutation.ts';

const KIND_LABELS: Record<VoteKind, string> = { regular: '正式选举', further: '票数相等者再次投票', runoff: '另行选举' };

/** Which vote comes next for the committee, who is on its ballot and for how many seats. */
export function nextBallot(election: VillageElection, committee: ElectionCommittee): { kind: VoteKind; seats: number; candidates: ElectionCandidate[] } {
  const votes = election.votes.filter((vote) => vote.committee === committee);
  const last = votes.at(-1);
  const candidates = election.candidates.filter((candidate) => candidate.committee === committee);
  const onBallot = candidates.filter((candidate) => candidate.status === (committee === 'party' ? 'formal' : 'qualified'));
  const seats = (committee === 'party' ? election.seats.party : election.seats.villagers) ?? 0;
  if (!last) return { kind: 'regular', seats, candidates: onBallot };
  if (last.result.tied.length > 0) return { kind: 'further', seats: last.result.seatsForTied, candidates: onBallot.filter((candidate) => last.result.tied.includes(candidate.id)) };
  return { kind: 'runoff', seats: seats - candidates.filter((candidate) => candidate.status === 'elected').length, candidates: onBallot };
}

interface Counts { electorate: number | null; present: number | null; proxies: number | null; ballotsIssued: number | null; ballotsCollected: number | null; invalidBallots: number | null }
const ZERO: Counts = { electorate: null, present: null, proxies: 0, ballotsIssued: null, ballotsCollected: null, invalidBallots: 0 };

/** A member left out of 应到会 with approval: named, with the reason, as the minutes record them. */
interface Excused { name: string; reason: ExcusedReason }
const REASON_OPTIONS = EXCUSED_REASONS.map((reason) => ({ value: reason, label: EXCUSED_REASON_LABELS[reason] }));

/**
 * The vote entry at the meeting (a phone or tablet): the counts and each candidate's votes, with
 * the validity and who is elected worked out live by the same rules the server applies.
 */
export function VoteEntry({ election, committee }: { election: VillageElection; committee: ElectionCommittee }) {
  const ballot = nextBallot(election, committee);
  const [heldOn, setHeldOn] = useState(todayText());
  const [counts, setCounts] = useState<Counts>(ZERO);
  const [votes, setVotes] = useState<Record<string, number | null>>({});
  const [excused, setExcused] = useState<Excused[]>([]);
  const isParty = committee === 'party';
  const tallies = ballot.candidates.map((candidate) => ({ candidateId: candidate.id, name: candidate.name, votesFor: votes[candidate.id] ?? 0, votesAgainst: 0, abstentions: 0 }));
  const isComplete = counts.present !== null && counts.ballotsIssued !== null && counts.ballotsCollected !== null && (!isParty || counts.electorate !== null);
  const result: TallyResult | null = useMemo(() => {
    if (!isComplete) return null;
    const common = { seats: ballot.seats, ballotsIssued: counts.ballotsIssued ?? 0, ballotsCollected: counts.ballotsCollected ?? 0, invalidBallots: counts.invalidBallots ?? 0, tallies };
    if (isParty) return tallyPartyVote({ ...common, expected: (counts.electorate ?? 0) - excused.length, present: counts.present ?? 0 });
    return tallyVillagersVote({ ...common, registered: election.voterRegister?.registered ?? 0, votesCast: counts.present ?? 0, isRunoff: ballot.kind === 'runoff' });
  }, [isComplete, isParty, ballot.seats, ballot.kind, counts, excused.length, tallies, election.voterRegister]);
  const save = useSaveMutation({
    save: () => electionsApi.recordVote(election.id, {
      committee, kind: ballot.kind, heldOn, present: counts.present ?? 0, ballotsIssued: counts.ballotsIssued ?? 0, ballotsCollected: counts.ballotsCollected ?? 0,
      invalidBallots: counts.invalidBallots ?? 0, version: election.version,
      tallies: tallies.map(({ candidateId, votesFor }) => ({ candidateId, votesFor, votesAgainst: 0, abstentions: 0 })),
      ...(isParty
        ? { electorate: counts.electorate ?? 0, excused: excused.map((member) => ({ name: member.name.trim(), reason: member.reason })) }
        : { proxies: counts.proxies ?? 0 }),
    }),
    onSaved: () => { setCounts(ZERO); setVotes({}); setExcused([]); },
  });
  const field = (key: keyof Counts, label: string) => (
    <Form.Item label={label} style={{ marginBottom: 8 }}>
      <InputNumber aria-label={label} min={0} precision={0} inputMode="numeric" style={{ width: '100%' }} value={counts[key]} onChange={(value) => setCounts({ ...counts, [key]: value })} />
    </Form.Item>
  );
  const names = new Map(ballot.candidates.map((candidate) => [candidate.id, candidate.name]));
  return (
    <Card size="small" className="vote-entry" title={`${isParty ? '党员大会' : '村民委员会选举'}：${KIND_LABELS[ballot.kind]}（应选 ${ballot.seats} 名）`}>
      <Form layout="vertical">
        <Form.Item label="选举日期" style={{ marginBottom: 8 }}><DateInput value={heldOn} onChange={setHeldOn} /></Form.Item>
        {isParty ? field('electorate', '有选举权的党员') : <Typography.Paragraph>登记选民 {election.voterRegister?.registered ?? '—'} 人</Typography.Paragraph>}
        {isParty && (
          <Form.Item label={`经批准不计入应到会（${excused.length} 人）`} style={{ marginBottom: 8 }}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {excused.map((member, index) => {
                const change = (next: Partial<Excused>) => setExcused(excused.map((row, at) => (at === index ? { ...row, ...next } : row)));
                return (
                  <Space.Compact key={index} block className="excused-member">
                    <Input aria-label={`不计入应到会的党员 ${index + 1} 姓名`} placeholder="姓名" maxLength={50} style={{ width: '35%' }} value={member.name} onChange={(event) => change({ name: event.target.value })} />
                    <Select<ExcusedReason> aria-label={`不计入应到会的党员 ${index + 1} 原因`} style={{ width: '50%' }} options={REASON_OPTIONS} value={member.reason} onChange={(reason) => change({ reason })} />
                    <Button aria-label={`删除不计入应到会的党员 ${index + 1}`} onClick={() => setExcused(excused.filter((_row, at) => at !== index))}>删除</Button>
                  </Space.Compact>
                );
              })}
              <Button block onClick={() => setExcused([...excused, { name: '', reason: 'awayOverSixMonths' }])}>添加不计入应到会的党员</Button>
            </Space>
          </Form.Item>
        )}
        {field('present', isParty ? '实到会' : '参加投票')}
        {!isParty && field('proxies', '其中委托投票')}
        {field('ballotsIssued', '发出选票')}
        {field('ballotsCollected', '收回选票')}
        {field('invalidBallots', '无效票（含多选）')}
        {ballot.candidates.map((candidate) => (
          <Form.Item key={candidate.id} label={`${candidate.name} 赞成票`} style={{ marginBottom: 8 }}>
            <InputNumber aria-label={`${candidate.name} 赞成票`} min={0} precision={0} inputMode="numeric" style={{ width: '100%' }} value={votes[candidate.id] ?? null}
              onChange={(value) => setVotes({ ...votes, [candidate.id]: value })} />
          </Form.Item>
        ))}
      </Form>
      {result && !result.isValid && <Alert className="vote-validity" type="error" showIcon message="选举无效" description={result.problems.join('；')} style={{ marginBottom: 8 }} />}
      {result?.isValid && (
        <Alert className="vote-validity" type="success" showIcon message="选举有效" style={{ marginBottom: 8 }} description={(
          <Space orientation="vertical" size={2}>
            {result.candidates.map((outcome) => (
              <span key={outcome.candidateId} className="vote-outcome">
                <Tag color={outcome.outcome === 'elected' ? 'green' : outcome.outcome === 'tied' ? 'orange' : 'default'}>{outcome.outcome === 'elected' ? '当选' : outcome.outcome === 'tied' ? '需再次投票' : '未当选'}</Tag>
                {names.get(outcome.candidateId)}：{outcome.explanation}
              </span>
            ))}
            {result.unfilledSeats > 0 && <span>尚缺 {result.unfilledSeats} 名，应另行选举或经批准减少职数</span>}
          </Space>
        )} />
      )}
      <FormErrorAlert error={save.error} onClose={save.clearError} />
      <Button type="primary" block disabled={!result?.isValid} loading={save.isSaving} onClick={() => save.submit(undefined)}>登记选举结果</Button>
    </Card>
  );
}
