import { Checkbox, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { ElectionCandidate, NominateInput, PledgeInput, QualifyInput, SeatsInput, SignOffInput, VillageElection } from '../../api/elections.ts';
import { electionsApi } from '../../api/elections.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PersonSelect } from '../../components/villages/PersonSelect.tsx';
import { todayText } from '../../components/villages/labels.ts';
import { ELECTION_COMMITTEE_OPTIONS, EXCLUSION_OPTIONS, SIGN_OFF_OPTIONS, required, useSaved } from './electionLabels.ts';

/** The township's and the county's forms on a village's candidates and seats: 职数, 提名 with recommendation counts, 资格审查, 双签, 谈话和纪律承诺. */

interface ElectionModal { election: VillageElection; open: boolean; onClose: () => void }
interface CandidateModal { candidate: ElectionCandidate | null; onClose: () => void }

type SeatsForm = Omit<SeatsInput, 'version'>;
/** 职数: set by the township; above the plan's standard it waits for the county's approval. */
export function SeatsModal({ election, open, onClose }: ElectionModal) {
  const saved = useSaved(onClose);
  return (
    <FormModal<SeatsForm, VillageElection> title="设定职数" open={open} onClose={onClose} onSaved={saved} onConflict={onClose}
      initialValues={{ partySeats: election.seats.party ?? undefined, villagersSeats: election.seats.villagers ?? undefined, basis: election.seats.basis ?? '' }}
      save={(values) => electionsApi.setSeats(election.id, { ...values, version: election.version })}
      intro={<p>超出乡镇换届方案标准职数的，保存后报县委组织部审批，审批后方可进入推荐提名。</p>}>
      <Form.Item name="partySeats" label="村党组织委员会职数" rules={required('请填写村党组织委员会职数')}><InputNumber min={1} max={15} precision={0} inputMode="numeric" style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="villagersSeats" label="村民委员会职数（3 至 7 人）" rules={required('请填写村民委员会职数')}><InputNumber min={1} max={15} precision={0} inputMode="numeric" style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="basis" label="设定依据（人口、面积、工作任务）" rules={required('请填写设定依据')}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
    </FormModal>
  );
}

type NominateForm = Omit<NominateInput, 'recommendations'> & { membersAndMasses: number; higherOrganisation: number };
/** 提出候选人初步人选: a person of the village's talent ledger with the recommendation counts. */
export function NominateModal({ election, open, onClose }: ElectionModal) {
  const saved = useSaved(onClose);
  const [form] = Form.useForm<NominateForm>();
  const committee = Form.useWatch('committee', form);
  return (
    <FormModal<NominateForm, VillageElection> title="提出候选人初步人选" open={open} onClose={onClose} onSaved={saved} form={form}
      initialValues={{ committee: election.stage === 'villagersElection' ? 'villagers' : 'party', proposedOn: todayText(), isSecretaryCandidate: false, isContinuing: false, membersAndMasses: 0, higherOrganisation: 0 }}
      save={({ membersAndMasses, higherOrganisation, ...values }) => electionsApi.nominate(election.id, { ...values, recommendations: { membersAndMasses, higherOrganisation } })}>
      <Form.Item name="committee" label="组织" rules={required('请选择组织')}><Select options={ELECTION_COMMITTEE_OPTIONS} /></Form.Item>
      <Form.Item name="personId" label="人员" rules={required('请选择人员')}><PersonSelect orgCode={election.orgCode} /></Form.Item>
      {committee === 'party' && (
        <>
          <Form.Item name="isSecretaryCandidate" valuePropName="checked"><Checkbox>书记候选人（须经组织部长、县委书记“双签”）</Checkbox></Form.Item>
          <Form.Item name="isContinuing" valuePropName="checked"><Checkbox>连任书记人选</Checkbox></Form.Item>
        </>
      )}
      <Form.Item name="membersAndMasses" label={committee === 'villagers' ? '村民提名（联名）人数' : '党员群众推荐票数'} rules={required('请填写推荐票数')}><InputNumber min={0} precision={0} inputMode="numeric" style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="higherOrganisation" label="上级党组织推荐票数" rules={required('请填写推荐票数')}><InputNumber min={0} precision={0} inputMode="numeric" style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="proposedOn" label="提名日期" rules={required('请填写提名日期')}><DateInput /></Form.Item>
    </FormModal>
  );
}

type QualifyForm = Omit<QualifyInput, 'version'>;
/** 考察和资格审查 by the township; the server applies the eligibility engine and shows each rule's verdict. */
export function QualifyModal({ candidate, onClose }: CandidateModal) {
  const saved = useSaved(onClose, '已审查');
  return (
    <FormModal<QualifyForm, VillageElection> title={`考察和资格审查：${candidate?.name ?? ''}`} open={candidate !== null} onClose={onClose} onSaved={saved} onConflict={onClose}
      initialValues={{ reviewedOn: todayText(), inspection: '', exclusionsFound: [], isUnderPartyProbation: false }}
      save={(values) => electionsApi.qualify(candidate!.id, { ...values, version: candidate!.version })}>
      <Form.Item name="reviewedOn" label="审查日期" rules={required('请填写审查日期')}><DateInput /></Form.Item>
      <Form.Item name="inspection" label="考察情况（含群众测评）" rules={required('请填写考察情况')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      <Form.Item name="exclusionsFound" label="发现的负面情形（十不推）"><Checkbox.Group options={EXCLUSION_OPTIONS} style={{ display: 'grid', gap: 4 }} /></Form.Item>
      <Form.Item name="isUnderPartyProbation" label="正在受留党察看处分" valuePropName="checked"><Switch checkedChildren="是" unCheckedChildren="否" /></Form.Item>
    </FormModal>
  );
}

/** 双签: the organisation minister and the county Party secretary sign separately. */
export function SignOffModal({ candidate, onClose }: CandidateModal) {
  const saved = useSaved(onClose, '已签字');
  const signed = new Set(candidate?.signOffs.map((signOff) => signOff.as) ?? []);
  return (
    <FormModal<SignOffInput, VillageElection> title={`书记候选人“双签”：${candidate?.name ?? ''}`} open={candidate !== null} onClose={onClose} onSaved={saved}
      initialValues={{ as: SIGN_OFF_OPTIONS.find((option) => !signed.has(option.value))?.value ?? 'minister', signedOn: todayText() }}
      save={(values) => electionsApi.signOff(candidate!.id, values)}
      intro={candidate && candidate.signOffs.length > 0 ? <p>已签：{candidate.signOffs.map((signOff) => `${SIGN_OFF_OPTIONS.find((option) => option.value === signOff.as)?.label} ${signOff.name}（${signOff.signedOn}）`).join('；')}</p> : null}>
      <Form.Item name="as" label="签字身份" rules={required('请选择签字身份')}><Select options={SIGN_OFF_OPTIONS.map((option) => ({ ...option, disabled: signed.has(option.value) }))} /></Form.Item>
      <Form.Item name="signedOn" label="签字日期" rules={required('请填写签字日期')}><DateInput /></Form.Item>
    </FormModal>
  );
}

type PledgeForm = Omit<PledgeInput, 'version'>;
/** 选前谈话 and the 换届纪律承诺书 of one candidate. */
export function PledgeModal({ candidate, onClose }: CandidateModal) {
  const saved = useSaved(onClose);
  return (
    <FormModal<PledgeForm, VillageElection> title={`选前谈话和纪律承诺：${candidate?.name ?? ''}`} open={candidate !== null} onClose={onClose} onSaved={saved} onConflict={onClose}
      initialValues={{ talkedOn: candidate?.talkedOn ?? todayText(), pledgedOn: candidate?.pledgedOn ?? todayText() }}
      save={(values) => electionsApi.pledge(candidate!.id, { talkedOn: values.talkedOn || null, pledgedOn: values.pledgedOn || null, version: candidate!.version })}>
      <Form.Item name="talkedOn" label="选前谈话日期"><DateInput /></Form.Item>
      <Form.Item name="pledgedOn" label="签订换届纪律承诺书日期"><DateInput /></Form.Item>
    </FormModal>
  );
}
