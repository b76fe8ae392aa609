import { AutoComplete, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { CandidateDetail } from '../../api/selection.ts';
import { selectionApi } from '../../api/selection.ts';
import { talentLedgerApi } from '../../api/talentLedger.ts';
import type { LedgerEntry } from '../../api/types.ts';
import { useDictionaries } from '../DictionariesContext.tsx';
import { FormModal } from '../FormModal.tsx';
import { useApiQuery } from '../../state/queryClient.tsx';
import { useDebouncedValue } from '../../state/useDebouncedValue.ts';
import { CHANNEL_OPTIONS, PROFILE_OPTIONS, toDateText, type CandidateProfile, type NominationChannel } from './labels.ts';

interface NominateForm {
  orgCode?: string;
  personId?: string;
  channel?: NominationChannel;
  profile?: CandidateProfile;
  targetPost?: string;
  sourceCategory?: string;
  nominatedOn?: Dayjs | null;
  meetingKind?: string;
  meetingHeldOn?: Dayjs | null;
  meetingMinutes?: string;
}

interface Props {
  open: boolean;
  villages: { orgCode: string; name: string; need: CandidateProfile | null }[];
  onClose: () => void;
  onSaved: (candidate: CandidateDetail) => void;
}

const MEETING_KINDS = ['村党组织委员会会议', '村两委联席会议', '党员大会', '村民代表会议'].map((value) => ({ value }));

/** 推荐人选: a person from the village's talent ledger, how and as what they were nominated, and the village meeting that discussed it. */
export function NominateModal({ open, villages, onClose, onSaved }: Props) {
  const [form] = Form.useForm<NominateForm>();
  const dictionaries = useDictionaries();
  const [search, setSearch] = useState('');
  const orgCode = Form.useWatch('orgCode', form);
  const term = useDebouncedValue(search.trim(), 250);
  const ledger = useApiQuery(['talent-ledger', 'nominate', orgCode ?? '', term], (signal) => talentLedgerApi.list({ orgCode, search: term || undefined, pageSize: 50, sortBy: 'name' }, signal),
    { enabled: open && Boolean(orgCode), keepPrevious: true });
  const isSearching = ledger.isFetching;
  const entries = useMemo<LedgerEntry[]>(() => (open && orgCode ? (ledger.data?.entries ?? []).filter((entry) => entry.orgCode === orgCode) : []), [open, orgCode, ledger.data]);

  useEffect(() => { if (open) setSearch(''); }, [open]);

  const personOptions = useMemo(() => entries.map((entry) => ({
    value: entry.person.id,
    label: `${entry.person.name}　${dictionaries.label('gender', entry.person.gender)} · ${entry.person.age} 岁 · ${dictionaries.label('education', entry.person.education)} · ${dictionaries.label('politicalStatus', entry.person.politicalStatus)}`,
  })), [entries, dictionaries]);

  const save = (values: NominateForm) => selectionApi.nominate({
      orgCode: values.orgCode ?? '',
      personId: values.personId ?? '',
      channel: values.channel ?? 'organization',
      profile: values.profile ?? 'mature',
      targetPost: values.targetPost ?? '',
      sourceCategory: values.sourceCategory ?? '',
      nominatedOn: toDateText(values.nominatedOn),
      meeting: { kind: values.meetingKind ?? '', heldOn: toDateText(values.meetingHeldOn), minutes: values.meetingMinutes ?? '' },
    });

  return (
    <FormModal<NominateForm, CandidateDetail>
      title="推荐人选"
      open={open}
      onClose={onClose}
      form={form}
      initialValues={{
        nominatedOn: dayjs(), meetingHeldOn: dayjs(), targetPost: 'committeeMember', channel: 'organization',
        ...(villages.length === 1 ? { orgCode: villages[0]!.orgCode } : {}),
      }}
      save={save}
      onSaved={onSaved}
      okText="提交推荐"
      width={{ xs: '95%', md: 720 }}
      className="nominate-modal"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="orgCode" label="村（社区）" rules={[{ required: true, message: '请选择推荐所在的村（社区）' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择村（社区）"
              options={villages.map((village) => ({ value: village.orgCode, label: village.name }))}
              onChange={() => form.setFieldsValue({ personId: undefined })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="personId" label="人选（人才台账）" rules={[{ required: true, message: '请从该村人才台账中选择人选' }]}>
            <Select
              showSearch={{ filterOption: false, searchValue: search, onSearch: setSearch }}
              placeholder={orgCode ? '输入姓名搜索' : '请先选择村（社区）'}
              disabled={!orgCode}
              loading={isSearching}
              options={personOptions}
              notFoundContent={isSearching ? '查询中…' : '该村人才台账中没有匹配的人员'}
              onChange={(personId: string) => {
                const entry = entries.find((candidate) => candidate.person.id === personId);
                if (entry) form.setFieldsValue({ sourceCategory: entry.sourceCategory });
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="channel" label="推荐方式" rules={[{ required: true, message: '请选择推荐方式' }]}>
            <Select options={CHANNEL_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="profile" label="人选类型" rules={[{ required: true, message: '请选择人选类型：成熟型或潜力型' }]}>
            <Select options={PROFILE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="targetPost" label="拟任岗位" rules={[{ required: true, message: '请选择拟任岗位' }]}>
            <Select options={dictionaries.options('targetPost')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="sourceCategory" label="身份（来源类别）" rules={[{ required: true, message: '请选择身份（来源类别）' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={dictionaries.options('sourceCategory')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="nominatedOn" label="推荐日期" rules={[{ required: true, message: '请选择推荐日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="meetingKind" label="研究推荐的会议" rules={[{ required: true, whitespace: true, message: '请填写会议名称（如村两委会议、支部委员会、党员大会）' }]}>
            <AutoComplete options={MEETING_KINDS} placeholder="如：村党组织委员会会议" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="meetingHeldOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="meetingMinutes" label="会议记录" rules={[{ required: true, whitespace: true, message: '请填写会议记录' }, { max: 5000, message: '会议记录不能超过 5000 个字符' }]}>
            <Input.TextArea rows={3} showCount maxLength={5000} placeholder="参会人员、讨论情况和推荐意见" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
