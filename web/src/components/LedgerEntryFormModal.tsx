import { Col, DatePicker, Form, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { talentLedgerApi } from '../api/talentLedger.ts';
import type { CreatedLedgerEntry } from '../api/types.ts';
import { useMe } from '../session/SessionContext.tsx';
import { useDictionaries } from './DictionariesContext.tsx';
import { OrgUnitPicker } from './OrgUnitPicker.tsx';
import { PersonFormFields, toPersonInput, type PersonFormValues } from './PersonFormFields.tsx';
import { DATE_FORMAT } from './formatDate.ts';
import { FormModal } from './FormModal.tsx';
import { NotesField } from './NotesField.tsx';

interface LedgerForm {
  orgCode?: string;
  person: PersonFormValues;
  sourceCategory?: string;
  surveyedOn?: Dayjs | null;
  notes?: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (result: CreatedLedgerEntry) => void;
}

/** A village's or community's 12-digit code: the last three digits are not 000. */
const VILLAGE_CODE = /^\d{9}(?!000)\d{3}$/;

/** 新增: surveys a person into a village's talent ledger (一村一册), creating or linking the person file. */
export function LedgerEntryFormModal({ open, onClose, onCreated }: Props) {
  const me = useMe();
  const dictionaries = useDictionaries();
  const ownVillage = me.roles.find((binding) => binding.orgLevel === 'village' || binding.orgLevel === 'community');

  const save = (values: LedgerForm) => talentLedgerApi.create({
    orgCode: values.orgCode ?? '',
    person: toPersonInput(values.person, { keepBlankSensitive: false, withHistories: false }),
    sourceCategory: values.sourceCategory ?? '',
    isAway: values.person.isLivingAway ?? false,
    notes: values.notes?.trim() || null,
    surveyedOn: values.surveyedOn?.format(DATE_FORMAT),
  });

  return (
    <FormModal<LedgerForm, CreatedLedgerEntry>
      title="新增人才台账人员"
      open={open}
      onClose={onClose}
      initialValues={{ orgCode: ownVillage?.orgCode, surveyedOn: dayjs(), person: { isLivingAway: false } }}
      save={save}
      onSaved={onCreated}
      maskClosable={false}
      width={{ xs: '95%', md: 760 }}
      className="ledger-entry-modal"
    >
      {(form) => (
        <>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="orgCode"
                label="所在村（社区）"
                rules={[{ required: true, message: '请选择村或社区' }, { pattern: VILLAGE_CODE, message: '人才台账按村（社区）登记，请选择村或社区' }]}
              >
                <OrgUnitPicker placeholder="选择村或社区（可输入名称搜索）" initialLabel={ownVillage?.orgName} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="sourceCategory" label="来源类别" rules={[{ required: true, message: '请选择来源类别' }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={dictionaries.options('sourceCategory')} />
              </Form.Item>
            </Col>
          </Row>
          <PersonFormFields form={form} prefix={['person']} />
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="surveyedOn" label="摸排日期">
                <DatePicker style={{ width: '100%' }} format={DATE_FORMAT} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <NotesField />
            </Col>
          </Row>
        </>
      )}
    </FormModal>
  );
}
