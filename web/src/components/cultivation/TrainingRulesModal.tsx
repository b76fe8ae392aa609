import { Alert, Checkbox, Form, InputNumber, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { TRAINING_METHOD_OPTIONS, trainingApi, type TrainingMethod, type TrainingRules } from '../../api/cultivation.ts';
import { FormModal } from '../FormModal.tsx';
import { OrgUnitPicker } from '../OrgUnitPicker.tsx';
import { useApiQuery } from '../../state/queryClient.tsx';

interface Values { minimumDaysPerYear: number; centralisedMinimumDays: number; centralisedWindowYears: number; centralisedMethods: TrainingMethod[] }

/** The training rules (培训规则) of a jurisdiction, for the organisation department. */
export function TrainingRulesModal({ open, defaultOrg, onClose, onSaved }: {
  open: boolean;
  defaultOrg: { code: string; name: string } | null;
  onClose: () => void;
  onSaved: (rules: TrainingRules) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [orgCode, setOrgCode] = useState<string | undefined>(defaultOrg?.code);
  const rulesQuery = useApiQuery(['training-rules', orgCode], (signal) => trainingApi.rules(orgCode ?? '', signal), { enabled: open && Boolean(orgCode) });
  const rules = rulesQuery.data ?? null;
  const isOwn = rules !== null && rules.orgCode === orgCode;

  useEffect(() => { if (open) setOrgCode(defaultOrg?.code); }, [open, defaultOrg]);

  const values: Values | undefined = rules ? {
    minimumDaysPerYear: rules.minimumDaysPerYear, centralisedMinimumDays: rules.centralisedMinimumDays,
    centralisedWindowYears: rules.centralisedWindowYears, centralisedMethods: [...rules.centralisedMethods],
  } : undefined;

  // The rules of the chosen unit arrive after opening (and again when the unit changes).
  useEffect(() => {
    if (values) form.setFieldsValue(values);
  }, [rules, form]);

  return (
    <FormModal<Values, TrainingRules>
      title="培训规则"
      open={open}
      onClose={onClose}
      form={form}
      initialValues={values}
      save={(values) => trainingApi.saveRules({ orgCode: orgCode ?? '', ...values, version: isOwn && rules?.version ? rules.version : undefined })}
      onSaved={onSaved}
      isSaveDisabled={!rules}
      width={520}
    >
      <Form.Item label="适用单位" required>
        <OrgUnitPicker value={orgCode} onChange={setOrgCode} initialLabel={defaultOrg?.name} />
      </Form.Item>
      {orgCode && !rules && <Skeleton active paragraph={{ rows: 3 }} />}
      {rules && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={isOwn ? '本单位已设置培训规则，保存即修改' : rules.orgCode ? '当前沿用上级单位的培训规则；保存后本单位及下辖单位按新规则' : '当前为系统默认规则；保存后本单位及下辖单位按新规则'}
        />
      )}
      <div style={{ display: rules ? 'block' : 'none' }}>
        <Form.Item name="minimumDaysPerYear" label="每年最少培训天数" rules={[{ required: true, message: '请填写天数' }]}>
          <InputNumber min={0} max={366} step={1} style={{ width: '100%' }} suffix="天" />
        </Form.Item>
        <Form.Item name="centralisedWindowYears" label="集中培训周期" rules={[{ required: true, message: '请填写年限' }]} extra="在这么多年内至少参加一次集中培训">
          <InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} suffix="年" />
        </Form.Item>
        <Form.Item name="centralisedMinimumDays" label="集中培训最少天数" rules={[{ required: true, message: '请填写天数' }]}>
          <InputNumber min={0.5} max={366} step={1} style={{ width: '100%' }} suffix="天" />
        </Form.Item>
        <Form.Item name="centralisedMethods" label="计为集中培训的方式" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一种' }]}>
          <Checkbox.Group options={TRAINING_METHOD_OPTIONS} />
        </Form.Item>
      </div>
    </FormModal>
  );
}
