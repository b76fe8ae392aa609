import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { reservesApi } from '../api/reserves.ts';
import type { Person, Reserve } from '../api/types.ts';
import { useDictionaries } from './DictionariesContext.tsx';
import { OrgUnitPicker } from './OrgUnitPicker.tsx';
import { DATE_FORMAT } from './formatDate.ts';
import { FormModal } from './FormModal.tsx';
import { NotesField } from './NotesField.tsx';

interface ReserveForm {
  orgCode?: string;
  targetPost?: string;
  readiness?: string;
  sourceCategory?: string;
  mentorName?: string;
  mentorPost?: string;
  admittedOn?: Dayjs | null;
  sourceDocument?: string;
  exceptionReason?: string;
  notes?: string;
}

/** Adding a person to the pool (from the person's file) or editing a reserve. */
export type ReserveFormTarget = { kind: 'create'; person: Person } | { kind: 'edit'; reserve: Reserve; personName: string };

interface Props {
  target: ReserveFormTarget | null;
  onClose: () => void;
  /** Called after saving, and with null after a version conflict so that the caller reloads. */
  onSaved: (reserve: Reserve | null) => void;
}

/** 纳入后备力量 / 修改后备力量: target post, readiness, identity, mentor (结对干部) and notes. */
export function ReserveFormModal({ target, onClose, onSaved }: Props) {
  const dictionaries = useDictionaries();
  const editing = target?.kind === 'edit' ? target.reserve : null;
  const person = target?.kind === 'create' ? target.person : null;

  const initialValues = (): Partial<ReserveForm> | undefined => {
    if (editing) {
      return { targetPost: editing.targetPost, readiness: editing.readiness, sourceCategory: editing.sourceCategory, mentorName: editing.mentorName ?? '', mentorPost: editing.mentorPost ?? '', notes: editing.notes ?? '' };
    }
    // The village the person was surveyed in, when there is just one, and the source recorded there.
    const entries = person?.ledgerEntries ?? [];
    const only = entries.length === 1 ? entries[0] : undefined;
    return { orgCode: only?.orgCode, sourceCategory: only?.sourceCategory, admittedOn: dayjs() };
  };

  const save = (values: ReserveForm) => {
    const common = {
      targetPost: values.targetPost ?? '',
      readiness: values.readiness ?? '',
      sourceCategory: values.sourceCategory ?? '',
      mentorName: values.mentorName?.trim() || null,
      mentorPost: values.mentorPost?.trim() || null,
      notes: values.notes?.trim() || null,
    };
    if (editing) return reservesApi.update(editing.id, { ...common, version: editing.version });
    return reservesApi.create({
      ...common,
      orgCode: values.orgCode ?? '',
      personId: person!.id,
      admittedOn: values.admittedOn?.format(DATE_FORMAT) ?? null,
      registration: { sourceDocument: values.sourceDocument?.trim() ?? '', exceptionReason: values.exceptionReason?.trim() || null },
    });
  };

  const ledgerOptions = person?.ledgerEntries.map((entry) => ({ value: entry.orgCode, label: entry.orgName })) ?? [];
  const title = target?.kind === 'edit' ? `修改后备力量：${target.personName}` : `纳入后备力量：${person?.name ?? ''}`;

  return (
    <FormModal<ReserveForm, Reserve>
      title={title}
      open={target !== null}
      onClose={onClose}
      initialValues={target ? initialValues() : undefined}
      save={save}
      onSaved={onSaved}
      onConflict={() => onSaved(null)}
      className="reserve-form-modal"
    >
      <Row gutter={16}>
        {target?.kind === 'create' && (
          <Col xs={24}>
            <Form.Item name="orgCode" label="所在村（社区）" rules={[{ required: true, message: '请选择村或社区' }]}>
              {ledgerOptions.length > 0 ? <Select options={ledgerOptions} placeholder="台账所在的村（社区）" /> : <OrgUnitPicker placeholder="选择村或社区" />}
            </Form.Item>
          </Col>
        )}
        {editing && (
          <Col xs={24}>
            <Form.Item label="所在村（社区）"><Input value={`${editing.townshipName} ${editing.villageName}`} disabled /></Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="targetPost" label="拟任岗位" rules={[{ required: true, message: '请选择拟任岗位' }]}>
            <Select options={dictionaries.options('targetPost', editing?.targetPost)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="readiness" label="成熟度" rules={[{ required: true, message: '请选择成熟度' }]}>
            <Select options={dictionaries.options('readiness', editing?.readiness)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="sourceCategory" label="身份（来源类别）" rules={[{ required: true, message: '请选择身份（来源类别）' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={dictionaries.options('sourceCategory', editing?.sourceCategory)} />
          </Form.Item>
        </Col>
        {target?.kind === 'create' && (
          <>
            <Col xs={24}>
              <Form.Item name="sourceDocument" label="存量登记依据" extra="直接登记只用于已在原名册中的后备力量（乡镇党委、组织部办理）；新人选请通过选拔程序推荐"
                rules={[{ required: true, whitespace: true, message: '请填写原名册或会议纪要的名称、文号' }]}>
                <Input maxLength={200} placeholder="如：2024 年青城镇村级后备干部名册（镇党委会议纪要〔2024〕3 号）" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="exceptionReason" label="破格理由" extra="不符合资格条件时须填写，经乡镇党委批准；负面清单情形不能破格">
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </Col>
          </>
        )}
        {target?.kind === 'create' && (
          <Col xs={24} md={12}>
            <Form.Item name="admittedOn" label="入库时间">
              <DatePicker style={{ width: '100%' }} format={DATE_FORMAT} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="mentorName" label="结对干部" rules={[{ max: 50, message: '不能超过 50 个字符' }]}>
            <Input autoComplete="off" placeholder="姓名" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="mentorPost" label="结对干部职务" rules={[{ max: 50, message: '不能超过 50 个字符' }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <NotesField />
        </Col>
      </Row>
    </FormModal>
  );
}
