import { Form, Input, InputNumber } from 'antd';
import { dictionariesApi } from '../api/dictionaries.ts';
import type { Dictionary, DictionaryItem } from '../api/types.ts';
import { FormModal } from './FormModal.tsx';

interface ItemForm {
  code: string;
  label: string;
  sortOrder: number;
}

interface Props {
  /** A new item of a dictionary, an item to edit, or null when closed. */
  target: { dictionary: Dictionary; item: DictionaryItem | null } | null;
  onClose: () => void;
  /** After saving, or after a version conflict (the shared query cache refetches either way). */
  onSaved: () => void;
}

export function DictionaryItemModal({ target, onClose, onSaved }: Props) {
  const item = target?.item ?? null;
  const nextOrder = target ? Math.max(0, ...target.dictionary.items.map((existing) => existing.sortOrder)) + 10 : 10;
  return (
    <FormModal<ItemForm, unknown>
      title={item ? `修改字典项：${item.label}` : `新增字典项：${target?.dictionary.label ?? ''}`}
      open={target !== null}
      onClose={onClose}
      initialValues={item ? { code: item.code, label: item.label, sortOrder: item.sortOrder } : { sortOrder: Math.min(nextOrder, 9999) }}
      save={(values) => (item ? dictionariesApi.updateItem(item.id, { label: values.label, sortOrder: values.sortOrder, version: item.version }) : dictionariesApi.addItem(target!.dictionary.dictionary, values))}
      onSaved={onSaved}
      onConflict={onSaved}
      width={{ xs: '95%', md: 520 }}
    >
      <Form.Item name="code" label="代码" extra="代码保存在业务记录中，创建后不能修改" rules={[{ required: true, message: '请填写代码' }, { pattern: /^[a-zA-Z0-9_]{1,40}$/, message: '代码应为 1–40 位字母、数字或下划线' }]}>
        <Input disabled={item !== null} />
      </Form.Item>
      <Form.Item name="label" label="名称" rules={[{ required: true, whitespace: true, message: '名称不能为空' }, { max: 50, message: '名称不能超过 50 个字符' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="sortOrder" label="排序" rules={[{ required: true, message: '请填写排序号' }]}>
        <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
