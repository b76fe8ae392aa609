import { Alert, DatePicker, Form, Input, List, Radio, Result, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { calendarApi, policyApi, selectionApi, type BoardVillage, type CandidateCard, type PublicNotice, type ShortlistResult } from '../../api/selection.ts';
import { FormModal } from '../FormModal.tsx';
import { PROFILE_OPTIONS, toDateText, type CandidateProfile } from './labels.ts';
import { useApiQuery } from '../../state/queryClient.tsx';

function CandidateNames({ candidates }: { candidates: CandidateCard[] }) {
  return (
    <List
      size="small"
      bordered
      style={{ marginBottom: 16, maxHeight: 200, overflow: 'auto' }}
      dataSource={candidates}
      renderItem={(candidate) => <List.Item>{candidate.person.name}<Typography.Text type="secondary">（{candidate.villageName}）</Typography.Text></List.Item>}
    />
  );
}

interface ShortlistForm { meetingOn?: Dayjs | null; minutes?: string }

/** 确定建议名单: the township committee's meeting puts the chosen candidates on the shortlist; the 因村选人 warnings come back. */
export function ShortlistModal({ township, candidates, onClose, onSaved }: {
  township: string; candidates: CandidateCard[] | null; onClose: () => void; onSaved: () => void;
}) {
  const [result, setResult] = useState<ShortlistResult | null>(null);
  const close = () => { setResult(null); onClose(); };

  return (
    <FormModal<ShortlistForm, ShortlistResult>
      title="确定建议名单"
      open={candidates !== null}
      onClose={close}
      initialValues={{ meetingOn: dayjs() }}
      save={(values) => selectionApi.shortlist({ orgCode: township, meetingOn: toDateText(values.meetingOn), minutes: values.minutes ?? '', candidateIds: (candidates ?? []).map((candidate) => candidate.id) })}
      onSaved={(saved) => { setResult(saved); onSaved(); }}
      okText="确定建议名单"
      className="shortlist-modal"
      intro={(
        <>
          <Typography.Paragraph>以下 {candidates?.length ?? 0} 名人选经乡镇党委专题会议研究，列入建议名单：</Typography.Paragraph>
          <CandidateNames candidates={candidates ?? []} />
        </>
      )}
      outcome={result && (
        <div className="shortlist-result">
          <Result status="success" title={`已将 ${result.shortlisted} 名人选列入建议名单`} style={{ padding: 16 }} />
          {result.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title="因村选人提示"
              description={<ul style={{ margin: 0, paddingLeft: 18 }}>{result.warnings.map((warning) => <li key={warning}>{warning}</li>)}</ul>}
            />
          )}
        </div>
      )}
    >
      <Form.Item name="meetingOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="minutes" label="乡镇党委专题会议记录" rules={[{ required: true, whitespace: true, message: '请填写乡镇党委专题会议记录' }, { max: 5000, message: '不能超过 5000 个字符' }]}>
        <Input.TextArea rows={4} showCount maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}

interface NoticeForm { startsOn?: Dayjs | null; objectionContact?: string }

/** The end of the notice period for the chosen start date, from the township's policy and the official calendar. */
function NoticePeriodHint({ township, startsOn }: { township: string; startsOn: string }) {
  const period = useApiQuery(['notice-period', township, startsOn], async (signal) => {
    const policy = await policyApi.effective(township, signal);
    return calendarApi.noticePeriod(startsOn, policy.rules.publicNotice.workingDays, policy.rules.publicNotice.postingDayCounts, signal);
  }, { enabled: Boolean(startsOn) });
  return (
    <div className="notice-period" style={{ marginBottom: 16 }}>
      {startsOn && period.isFetching && <Spin size="small" description="正在计算公示期…" />}
      {startsOn && !period.isFetching && period.data && (
        <Alert type="info" showIcon title={`公示期 ${period.data.workingDays} 个工作日（张贴当日${period.data.postingDayCounts ? '计入' : '不计入'}），至 ${period.data.endsOn} 结束`} />
      )}
      {startsOn && !period.isFetching && period.error && (
        <Alert type="error" showIcon title="无法计算公示期" description={period.error instanceof ApiError ? period.error.message : '无法计算公示期，请稍后重试'} />
      )}
    </div>
  );
}

/** 公示: the start date and where to raise objections; the end date is computed from the policy and the official calendar before saving. */
export function StartNoticeModal({ township, candidates, onClose, onSaved }: {
  township: string; candidates: CandidateCard[] | null; onClose: () => void; onSaved: (notice: PublicNotice) => void;
}) {
  const [form] = Form.useForm<NoticeForm>();
  const startsOn = Form.useWatch('startsOn', form);

  return (
    <FormModal<NoticeForm, PublicNotice>
      title="发布公示"
      open={candidates !== null}
      onClose={onClose}
      form={form}
      initialValues={{ startsOn: dayjs() }}
      save={(values) => selectionApi.startNotice({
        orgCode: township,
        startsOn: toDateText(values.startsOn),
        candidateIds: (candidates ?? []).map((candidate) => candidate.id),
        objectionContact: values.objectionContact ?? '',
      })}
      onSaved={onSaved}
      okText="发布公示"
      className="start-notice-modal"
      intro={(
        <>
          <Typography.Paragraph>对以下 {candidates?.length ?? 0} 名联审通过的人选进行公示：</Typography.Paragraph>
          <CandidateNames candidates={candidates ?? []} />
        </>
      )}
    >
      <Form.Item name="startsOn" label="公示开始日期（张贴日）" rules={[{ required: true, message: '请选择公示开始日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      {candidates && <NoticePeriodHint township={township} startsOn={startsOn ? toDateText(startsOn) : ''} />}
      <Form.Item
        name="objectionContact"
        label="反映问题的方式"
        rules={[{ required: true, whitespace: true, message: '请填写反映问题的方式（受理单位、电话、地址）' }, { max: 500, message: '不能超过 500 个字符' }]}
      >
        <Input.TextArea rows={2} placeholder="受理单位、电话、地址，如：镇党委组织办，电话 028-3xxxxxxx" />
      </Form.Item>
    </FormModal>
  );
}

interface NeedForm { need?: CandidateProfile; condition?: string }

/** 因村选人: what kind of reserve the village needs (成熟型/潜力型) and its situation. */
export function VillageNeedModal({ village, onClose, onSaved }: { village: BoardVillage | null; onClose: () => void; onSaved: () => void }) {
  return (
    <FormModal<NeedForm, unknown>
      title={`村情与人选需求：${village?.name ?? ''}`}
      open={village !== null}
      onClose={onClose}
      initialValues={{ need: village?.need ?? undefined, condition: village?.condition ?? '' }}
      save={(values) => selectionApi.setVillageNeed(village?.orgCode ?? '', { need: values.need ?? 'mature', condition: values.condition?.trim() || null, version: village?.needVersion ?? null })}
      onSaved={onSaved}
      onConflict={onSaved}
      width={{ xs: '95%', md: 560 }}
      className="village-need-modal"
    >
      <Form.Item name="need" label="需要的人选类型" rules={[{ required: true, message: '请选择需要的人选类型' }]}>
        <Radio.Group options={PROFILE_OPTIONS} />
      </Form.Item>
      <Form.Item name="condition" label="村情（班子现状、发展需要）" rules={[{ max: 1000, message: '不能超过 1000 个字符' }]}>
        <Input.TextArea rows={3} showCount maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
