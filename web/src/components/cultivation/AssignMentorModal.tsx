import { Alert, Form, Input, Radio, Select, Space, Tag, Typography, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { MENTOR_POST_OPTIONS, mentoringApi, todayInChina, type MentoringAssignment, type MentorPost, type MentorSuggestionList } from '../../api/cultivation.ts';
import { useApiQuery } from '../../state/queryClient.tsx';
import { DateInput } from '../DateInput.tsx';
import { FormModal } from '../FormModal.tsx';
import { ReservePicker } from './ReservePicker.tsx';

const OTHER = 'other-person';

interface Values { reserveId?: string; mentor?: string; mentorName?: string; mentorPost: MentorPost; mentorTitle?: string; startedOn: string }

/** Assigns a mentor (指定帮带导师) to a reserve, offering the mentor users nearest to the reserve first. */
export function AssignMentorModal({ open, reserveId, onClose, onSaved }: {
  open: boolean;
  /** Preselected reserve (e.g. from a 未落实导师 reminder). */
  reserveId?: string | null;
  onClose: () => void;
  onSaved: (assignment: MentoringAssignment) => void;
}) {
  const save = (values: Values) => {
    const isUser = values.mentor && values.mentor !== OTHER;
    return mentoringApi.assign({
      reserveId: values.reserveId ?? '',
      mentorUserId: isUser ? values.mentor : null,
      mentorName: isUser ? undefined : values.mentorName?.trim(),
      mentorPost: values.mentorPost,
      mentorTitle: values.mentorTitle?.trim() || null,
      startedOn: values.startedOn,
    });
  };
  return (
    <FormModal<Values, MentoringAssignment>
      title="指定帮带导师"
      open={open}
      onClose={onClose}
      initialValues={{ reserveId: reserveId ?? undefined, mentorPost: 'townshipLeader', startedOn: todayInChina() }}
      save={save}
      onSaved={onSaved}
      width={560}
    >
      {(form) => <MentorFields form={form} />}
    </FormModal>
  );
}

function MentorFields({ form }: { form: FormInstance<Values> }) {
  const chosenReserve = Form.useWatch('reserveId', form);
  const chosenMentor = Form.useWatch('mentor', form);
  const suggestionsQuery = useApiQuery(['mentor-suggestions', chosenReserve], (signal) => mentoringApi.suggestions(chosenReserve ?? '', signal), { enabled: Boolean(chosenReserve) });
  const suggestions: MentorSuggestionList | null = chosenReserve ? suggestionsQuery.data ?? null : null;

  useEffect(() => {
    if (suggestions) form.setFieldValue('mentor', suggestions.suggestions[0]?.mentorUserId ?? OTHER);
  }, [suggestions, form]);

  return (
    <>
      <Form.Item name="reserveId" label="后备力量" rules={[{ required: true, message: '请选择后备力量' }]}>
        <ReservePicker initialLabel={suggestions ? `${suggestions.reserve.name}（${suggestions.reserve.townshipName}${suggestions.reserve.villageName}）` : undefined} />
      </Form.Item>
      {suggestions?.hasActiveMentor && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`${suggestions.reserve.name} 已有帮带期内的导师，再指定一名将同时帮带`} />}
      {chosenReserve && (
        <Form.Item name="mentor" label="导师" rules={[{ required: true, message: '请选择导师' }]}>
          <Radio.Group style={{ width: '100%' }}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {(suggestions?.suggestions ?? []).map((suggestion) => (
                <Radio key={suggestion.mentorUserId} value={suggestion.mentorUserId}>
                  {suggestion.mentorName}
                  <Typography.Text type="secondary">（{suggestion.orgName}，帮带 {suggestion.activeMenteeCount} 人）</Typography.Text>
                  {suggestion.isSameVillage && <Tag color="green" style={{ marginLeft: 4 }}>本村</Tag>}
                </Radio>
              ))}
              <Radio value={OTHER}>其他人员（不是系统用户，填写姓名）</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
      )}
      {chosenMentor === OTHER && (
        <Form.Item name="mentorName" label="导师姓名" rules={[{ required: true, whitespace: true, message: '请填写导师姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
      )}
      <Form.Item name="mentorPost" label="导师身份" rules={[{ required: true, message: '请选择导师身份' }]}>
        <Select options={MENTOR_POST_OPTIONS} />
      </Form.Item>
      <Form.Item name="mentorTitle" label="导师职务（可不填）">
        <Input maxLength={50} placeholder="如：镇党委副书记" />
      </Form.Item>
      <Form.Item name="startedOn" label="帮带开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
        <DateInput />
      </Form.Item>
    </>
  );
}
