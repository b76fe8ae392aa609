import { Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { talentLedgerApi } from '../api/talentLedger.ts';
import type { LedgerEntry } from '../api/types.ts';
import { useDictionaries } from './DictionariesContext.tsx';
import { isVersionConflict, useShowError } from './useShowError.ts';

interface EditForm {
  sourceCategory: string;
  isAway: boolean;
  notes?: string;
}

interface Props {
  entry: LedgerEntry | null;
  onClose: () => void;
  /** Called after saving, and after a version conflict so that the list reloads. */
  onSaved: (entry: LedgerEntry | null) => void;
}

/** Changes a ledger entry's source category, living-away flag and notes. */
export function LedgerEntryEditModal({ entry, onClose, onSaved }: Props) {
  const showError = useShowError();
  const dictionaries = useDictionaries();
  const [form] = Form.useForm<EditForm>();
  const [isSaving, setSaving] = useState(false);

  useEffect(() => {
    if (!entry) return;
    form.resetFields();
    form.setFieldsValue({ sourceCategory: entry.sourceCategory, isAway: entry.isAway, notes: entry.notes ?? '' });
  }, [entry, form]);

  const save = async (values: EditForm) => {
    if (!entry) return;
    setSaving(true);
    try {
      onSaved(await talentLedgerApi.update(entry.id, {
        sourceCategory: values.sourceCategory,
        isAway: values.isAway,
        notes: values.notes?.trim() || null,
        version: entry.version,
      }));
    } catch (error) {
      showError(error);
      if (isVersionConflict(error)) onSaved(null);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`修改台账记录：${entry?.person.name ?? ''}`}
      open={entry !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={isSaving}
      forceRender
      width={{ xs: '95%', md: 520 }}
    >
      <Form<EditForm> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item label="村（社区）">
          <Input value={entry ? `${entry.townshipName} ${entry.villageName}` : ''} disabled />
        </Form.Item>
        <Form.Item name="sourceCategory" label="来源类别" rules={[{ required: true, message: '请选择来源类别' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={dictionaries.options('sourceCategory', entry?.sourceCategory)} />
        </Form.Item>
        <Form.Item name="isAway" label="在外能人" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Form.Item name="notes" label="备注" rules={[{ max: 500, message: '备注不能超过 500 个字符' }]}>
          <Input.TextArea rows={3} showCount maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
