import { Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { dictionariesApi } from '../api/dictionaries.ts';
import type { Dictionary, DictionaryItem } from '../api/types.ts';
import { isVersionConflict, useShowError } from './useShowError.ts';

interface ItemForm {
  code: string;
  label: string;
  sortOrder: number;
}

interface Props {
  /** A new item of a dictionary, an item to edit, or null when closed. */
  target: { dictionary: Dictionary; item: DictionaryItem | null } | null;
  onClose: () => void;
  /** After saving, or after a version conflict, so the page reloads. */
  onSaved: () => void;
}

export function DictionaryItemModal({ target, onClose, onSaved }: Props) {
  const showError = useShowError();
  const [form] = Form.useForm<ItemForm>();
  const [isSaving, setSaving] = useState(false);
  const item = target?.item ?? null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    const nextOrder = Math.max(0, ...target.dictionary.items.map((existing) => existing.sortOrder)) + 10;
    form.setFieldsValue(target.item ? { code: target.item.code, label: target.item.label, sortOrder: target.item.sortOrder } : { sortOrder: Math.min(nextOrder, 9999) });
  }, [target, form]);

  const save = async (values: ItemForm) => {
    if (!target) return;
    setSaving(true);
    try {
      if (item) await dictionariesApi.updateItem(item.id, { label: values.label, sortOrder: values.sortOrder, version: item.version });
      else await dictionariesApi.addItem(target.dictionary.dictionary, values);
      onSaved();
    } catch (error) {
      showError(error);
      if (isVersionConflict(error)) onSaved();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={item ? `修改字典项：${item.label}` : `新增字典项：${target?.dictionary.label ?? ''}`}
      open={target !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={isSaving}
      forceRender
    >
      <Form<ItemForm> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="code" label="代码" extra="代码保存在业务记录中，创建后不能修改" rules={[{ required: true, message: '请填写代码' }, { pattern: /^[a-zA-Z0-9_]{1,40}$/, message: '代码应为 1–40 位字母、数字或下划线' }]}>
          <Input disabled={item !== null} />
        </Form.Item>
        <Form.Item name="label" label="名称" rules={[{ required: true, whitespace: true, message: '名称不能为空' }, { max: 50, message: '名称不能超过 50 个字符' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序" rules={[{ required: true, message: '请填写排序号' }]}>
          <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
