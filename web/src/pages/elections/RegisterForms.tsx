import { Form, Input, InputNumber, Select } from 'antd';
import { electionsApi, type HandoverInput, type ProxyVoteInput, type VillageElection, type VoterRegisterInput } from '../../api/elections.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { todayText } from '../../components/villages/labels.ts';
import { CLOSE_RELATIVE_OPTIONS, required, useSaved } from './electionLabels.ts';

/** The villagers committee's register and proxy votes, and the handover after the result: forms of a village's 换届 page. */

interface ElectionModal { election: VillageElection; open: boolean; onClose: () => void }

type RegisterForm = Omit<VoterRegisterInput, 'version'>;
/** 公布选民名单: at least 20 days before election day (the server refuses a later publication). */
export function VoterRegisterModal({ election, open, onClose }: ElectionModal) {
  const saved = useSaved(onClose, '已登记');
  const register = election.voterRegister;
  return (
    <FormModal<RegisterForm, VillageElection> title="公布选民名单" open={open} onClose={onClose} onSaved={saved} onConflict={onClose}
      initialValues={register ? { registered: register.registered, publishedOn: register.publishedOn, electionDay: register.electionDay } : { publishedOn: todayText() }}
      save={(values) => electionsApi.voterRegister(election.id, { ...values, version: election.version })}>
      <Form.Item name="registered" label="登记参加选举的村民（人）" rules={required('请填写登记选民人数')}><InputNumber min={1} precision={0} inputMode="numeric" style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="publishedOn" label="公布日期" rules={required('请填写公布日期')}><DateInput /></Form.Item>
      <Form.Item name="electionDay" label="选举日（公布日 20 日以后）" rules={required('请填写选举日')}><DateInput /></Form.Item>
    </FormModal>
  );
}

type ProxyForm = Omit<ProxyVoteInput, 'version'>;
/** 委托投票: the voter away on election day, the close relative voting for him, the written authority's date. */
export function ProxyVoteModal({ election, open, onClose }: ElectionModal) {
  const saved = useSaved(onClose, '已登记');
  return (
    <FormModal<ProxyForm, VillageElection> title="登记委托投票" open={open} onClose={onClose} onSaved={saved} onConflict={onClose}
      initialValues={{ authorizedOn: todayText() }} save={(values) => electionsApi.addProxyVote(election.id, { ...values, version: election.version })}
      intro={<p>选举期间外出不能参加投票的选民，可以书面委托本村有选举权的近亲属代为投票；每人接受委托不超过 3 人。</p>}>
      <Form.Item name="voterName" label="委托人（外出选民）" rules={required('请填写委托人姓名')}><Input maxLength={50} /></Form.Item>
      <Form.Item name="proxyName" label="受委托人" rules={required('请填写受委托人姓名')}><Input maxLength={50} /></Form.Item>
      <Form.Item name="relationship" label="受委托人是委托人的" rules={required('请选择关系')}><Select options={CLOSE_RELATIVE_OPTIONS} /></Form.Item>
      <Form.Item name="authorizedOn" label="书面委托日期" rules={required('请填写书面委托日期')}><DateInput /></Form.Item>
    </FormModal>
  );
}

interface HandoverForm { handedOverOn: string; talks: Record<string, string | undefined> }
/** 落选离职谈话 with each member leaving, and the handover (within 10 days of the approval). */
export function HandoverModal({ election, open, onClose }: ElectionModal) {
  const saved = useSaved(onClose, '已登记');
  const leaving = election.checks.handover?.leaving ?? [];
  const talked = new Map((election.handover?.talks ?? []).map((talk) => [talk.name, talk.talkedOn]));
  const send = (values: HandoverForm): Promise<VillageElection> => {
    const talks: HandoverInput['talks'] = leaving.flatMap((name) => (values.talks[name] ? [{ name, talkedOn: values.talks[name] }] : []));
    return electionsApi.handover(election.id, { handedOverOn: values.handedOverOn, talks, version: election.version });
  };
  return (
    <FormModal<HandoverForm, VillageElection> title="落选离职谈话和工作交接" open={open} onClose={onClose} onSaved={saved} onConflict={onClose}
      initialValues={{ handedOverOn: election.handover?.handedOverOn ?? todayText(), talks: Object.fromEntries(leaving.map((name) => [name, talked.get(name)])) }}
      save={send} intro={election.checks.handover && <p>交接期限：{election.checks.handover.deadline}（审批后 10 日内）</p>}>
      <Form.Item name="handedOverOn" label="新老班子交接日期" rules={required('请填写交接日期')}><DateInput /></Form.Item>
      {leaving.length === 0 && <p>没有离任人员。</p>}
      {leaving.map((name) => <Form.Item key={name} name={['talks', name]} label={`${name} 落选离职谈话日期`}><DateInput /></Form.Item>)}
    </FormModal>
  );
}
