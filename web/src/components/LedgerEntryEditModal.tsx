import { Form, Input, Select, Switch } from 'antd';
import { talentLedgerApi } from '../api/talentLedger.ts';
import type { LedgerEntry } from '../api/types.ts';
import { useDictionaries } from './DictionariesContext.tsx';
import { FormModal } from './FormModal.tsx';
import { NotesField } from './NotesField.tsx';

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
  const dictionaries = useDictionaries();
  return (
    <FormModal<EditForm, LedgerEntry>
      title={`修改台账记录：${entry?.person.name ?? ''}`}
      open={entry !== null}
      onClose={onClose}
      initialValues={entry ? { sourceCategory: entry.sourceCategory, isAway: entry.isAway, notes: entry.notes ?? '' } : undefined}
      save={(values) => talentLedgerApi.update(entry!.id, { sourceCategory: values.sourceCategory, isAway: values.isAway, notes: values.notes?.trim() || null, version: entry!.version })}
      onSaved={onSaved}
      onConflict={() => onSaved(null)}
      width={{ xs: '95%', md: 520 }}
    >
      <Form.Item label="村（社区）">
        <Input value={entry ? `${entry.townshipName} ${entry.villageName}` : ''} disabled />
      </Form.Item>
      <Form.Item name="sourceCategory" label="来源类别" rules={[{ required: true, message: '请选择来源类别' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={dictionaries.options('sourceCategory', entry?.sourceCategory)} />
      </Form.Item>
      <Form.Item name="isAway" label="在外能人" valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
      <NotesField rows={3} />
    </FormModal>
  );
}
