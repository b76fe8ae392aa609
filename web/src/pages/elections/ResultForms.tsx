import { Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { COMMITTEE_POSTS, POST_LABELS, type Post } from '../../../../src/domain/committee.ts';
import { SECRETARY_MODE_LABELS, SECRETARY_MODES } from '../../../../src/domain/election-procedure.ts';
import {
  electionsApi, type ElectionCommitteeInput, type ObjectionHandlingInput, type ObjectionInput, type ReduceSeatsInput, type VillageElection, type VillagePlanInput,
} from '../../api/elections.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { todayText } from '../../components/villages/labels.ts';
import { ELECTION_COMMITTEE_OPTIONS, required, useSaved } from './electionLabels.ts';

/** A village's 换届 forms around the votes: its work plan, the villagers' election committee, posts, fewer seats, objections. */

interface ElectionModal { election: VillageElection; open: boolean; onClose: () => void }
type Objection = VillageElection['objections'][number];
const SECRETARY_MODE_OPTIONS = SECRETARY_MODES.map((mode) => ({ value: mode, label: SECRETARY_MODE_LABELS[mode] }));

type PlanForm = Omit<VillagePlanInput, 'version'>;
/** 村级换届工作安排: the guidance officer, the 责任清单 and how the secretary is chosen. */
export function VillagePlanModal({ election, open, onClose }: ElectionModal) {
  const saved = useSaved(onClose);
  return (
    <FormModal<PlanForm, VillageElection> title="村级换届工作安排" open={open} onClose={onClose} onSaved={saved} onConflict={onClose}
      initialValues={{ guidanceOfficer: election.guidanceOfficer ?? '', responsibilities: election.responsibilities, secretaryMode: election.secretaryMode }}
      save={(values) => electionsApi.editPlan(election.id, { ...values, version: election.version })}>
      <Form.Item name="guidanceOfficer" label="指导员（指导组）"><Input maxLength={100} /></Form.Item>
      <Form.Item name="secretaryMode" label="书记、副书记的产生方式" rules={required('请选择书记的产生方式')}><Radio.Group options={SECRETARY_MODE_OPTIONS} /></Form.Item>
      <Form.List name="responsibilities">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item name={[field.name, 'task']} label="责任事项" rules={required('请填写责任事项')}><Input maxLength={200} /></Form.Item>
                <Form.Item name={[field.name, 'owner']} label="责任人" rules={required('请填写责任人')}><Input maxLength={50} /></Form.Item>
                <Button type="link" danger onClick={() => remove(field.name)}>删除</Button>
              </Space>
            ))}
            <Button onClick={() => add({ task: '', owner: '' })}>增加责任事项</Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

/** 村民选举委员会: a member nominated as a candidate leaves it (退出日期). */
export function ElectionCommitteeModal({ election, open, onClose }: ElectionModal) {
  const saved = useSaved(onClose);
  return (
    <FormModal<Omit<ElectionCommitteeInput, 'version'>, VillageElection> title="村民选举委员会" open={open} onClose={onClose} onSaved={saved} onConflict={onClose}
      initialValues={{ members: election.electionCommittee.length > 0 ? election.electionCommittee : [{ name: '', personId: null, leftOn: null }] }}
      save={(values) => electionsApi.electionCommittee(election.id, { members: values.members.map((member) => ({ ...member, personId: member.personId ?? null, leftOn: member.leftOn || null })), version: election.version })}>
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item name={[field.name, 'name']} label="成员姓名" rules={required('请填写成员姓名')}><Input maxLength={50} /></Form.Item>
                <Form.Item name={[field.name, 'leftOn']} label="退出日期（被提名为候选人的）"><DateInput /></Form.Item>
                <Button type="link" danger onClick={() => remove(field.name)}>删除</Button>
              </Space>
            ))}
            <Button onClick={() => add({ name: '', personId: null, leftOn: null })}>增加成员</Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

interface PostsForm { committee: 'party' | 'villagers'; decidedOn: string; posts: Record<string, Post | undefined> }
/** 书记、副书记（主任、副主任）: the posts of the elected of one committee. */
export function PostsModal({ election, open, onClose }: ElectionModal) {
  const saved = useSaved(onClose);
  const [form] = Form.useForm<PostsForm>();
  const committee = Form.useWatch('committee', form) ?? (election.policies.recordVillagersVote || election.stage === 'resultNotice' ? 'villagers' : 'party');
  const elected = election.candidates.filter((candidate) => candidate.committee === committee && candidate.status === 'elected');
  const current = new Map(election.posts.map((post) => [post.candidateId, post.post as Post]));
  return (
    <FormModal<PostsForm, VillageElection> title="确定书记、副书记（主任、副主任）" open={open} onClose={onClose} onSaved={saved} onConflict={onClose} form={form}
      initialValues={{ committee, decidedOn: todayText(), posts: Object.fromEntries(election.candidates.map((candidate) => [candidate.id, current.get(candidate.id)])) }}
      save={(values) => electionsApi.assignPosts(election.id, {
        committee: values.committee, decidedOn: values.decidedOn, version: election.version,
        assignments: elected.flatMap((candidate) => { const post = values.posts[candidate.id]; return post && post !== 'member' ? [{ candidateId: candidate.id, post }] : []; }),
      })}>
      <Form.Item name="committee" label="组织" rules={required('请选择组织')}><Select options={ELECTION_COMMITTEE_OPTIONS} /></Form.Item>
      <Form.Item name="decidedOn" label="确定日期" rules={required('请填写日期')}><DateInput /></Form.Item>
      {elected.length === 0 && <p>该组织还没有当选的成员。</p>}
      {elected.map((candidate) => (
        <Form.Item key={candidate.id} name={['posts', candidate.id]} label={candidate.name}>
          <Select allowClear placeholder="委员" options={COMMITTEE_POSTS[committee].map((post) => ({ value: post, label: POST_LABELS[post] }))} />
        </Form.Item>
      ))}
    </FormModal>
  );
}

type ReduceForm = Omit<ReduceSeatsInput, 'version'>;
/** Fewer seats with approval, when the seats left are not filled. */
export function ReduceSeatsModal({ election, open, onClose }: ElectionModal) {
  const saved = useSaved(onClose);
  return (
    <FormModal<ReduceForm, VillageElection> title="经批准减少职数" open={open} onClose={onClose} onSaved={saved} onConflict={onClose}
      initialValues={{ committee: election.stage === 'villagersElection' ? 'villagers' : 'party', approvedOn: todayText() }}
      save={(values) => electionsApi.reduceSeats(election.id, { ...values, version: election.version })}>
      <Form.Item name="committee" label="组织" rules={required('请选择组织')}><Select options={ELECTION_COMMITTEE_OPTIONS} /></Form.Item>
      <Form.Item name="seats" label="减少后的职数" rules={required('请填写职数')}><InputNumber min={1} max={15} precision={0} inputMode="numeric" style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="approvedOn" label="批准日期" rules={required('请填写批准日期')}><DateInput /></Form.Item>
      <Form.Item name="basis" label="批准依据" rules={required('请填写批准依据')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
    </FormModal>
  );
}

/** An objection to the voter register (within 5 days) or to the result notice. */
export function ObjectionModal({ election, open, onClose }: ElectionModal) {
  const saved = useSaved(onClose, '已登记');
  return (
    <FormModal<ObjectionInput, VillageElection> title="登记异议" open={open} onClose={onClose} onSaved={saved}
      initialValues={{ kind: election.notice ? 'result' : 'register', receivedOn: todayText() }} save={(values) => electionsApi.recordObjection(election.id, values)}>
      <Form.Item name="kind" label="异议类别" rules={required('请选择异议类别')}>
        <Radio.Group options={[{ value: 'register', label: '对选民名单' }, { value: 'result', label: '对选举结果公示' }]} />
      </Form.Item>
      <Form.Item name="receivedOn" label="收到日期" rules={required('请填写收到日期')}><DateInput /></Form.Item>
      <Form.Item name="content" label="异议内容" rules={required('请填写异议内容')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
    </FormModal>
  );
}

/** The handling of one objection (a register objection within 3 days). */
export function ObjectionHandlingModal({ objection, onClose }: { objection: Objection | null; onClose: () => void }) {
  const saved = useSaved(onClose, '已处理');
  return (
    <FormModal<ObjectionHandlingInput, VillageElection> title="处理异议" open={objection !== null} onClose={onClose} onSaved={saved}
      initialValues={{ handledOn: todayText() }} save={(values) => electionsApi.handleObjection(objection!.id, values)} intro={objection && <p>{objection.content}</p>}>
      <Form.Item name="handling" label="处理结果" rules={required('请填写处理结果')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      <Form.Item name="isUpheld" label="异议是否成立" rules={required('请选择异议是否成立')}><Radio.Group options={[{ value: true, label: '成立' }, { value: false, label: '不成立' }]} /></Form.Item>
      <Form.Item name="handledOn" label="处理日期" rules={required('请填写处理日期')}><DateInput /></Form.Item>
    </FormModal>
  );
}
