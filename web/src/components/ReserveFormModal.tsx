import { Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { reservesApi } from '../api/reserves.ts';
import type { Person, Reserve } from '../api/types.ts';
import { useDictionaries } from './DictionariesContext.tsx';
import { OrgUnitPicker } from './OrgUnitPicker.tsx';
import { isVersionConflict, useShowError } from './useShowError.ts';

interface ReserveForm {
  orgCode?: string;
  targetPost?: string;
  readiness?: string;
  sourceCategory?: string;
  mentorName?: string;
  mentorPost?: string;
  admittedOn?: Dayjs | null;
  notes?: string;
  sourceDocument?: string;
  exceptionReason?: string;
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
  const showError = useShowError();
  const dictionaries = useDictionaries();
  const [form] = Form.useForm<ReserveForm>();
  const [isSaving, setSaving] = useState(false);
  const editing = target?.kind === 'edit' ? target.reserve : null;
  const person = target?.kind === 'create' ? target.person : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.kind === 'edit') {
      const { reserve } = target;
      form.setFieldsValue({
        targetPost: reserve.targetPost,
        readiness: reserve.readiness,
        sourceCategory: reserve.sourceCategory,
        mentorName: reserve.mentorName ?? '',
        mentorPost: reserve.mentorPost ?? '',
        notes: reserve.notes ?? '',
      });
    } else {
      // The village the person was surveyed in, when there is just one, and the source recorded there.
      const entries = target.person.ledgerEntries;
      const only = entries.length === 1 ? entries[0] : undefined;
      form.setFieldsValue({ orgCode: only?.orgCode, sourceCategory: only?.sourceCategory, admittedOn: dayjs() });
    }
  }, [target, form]);

  const save = async (values: ReserveForm) => {
    if (!target) return;
    setSaving(true);
    const common = {
      targetPost: values.targetPost ?? '',
      readiness: values.readiness ?? '',
      sourceCategory: values.sourceCategory ?? '',
      mentorName: values.mentorName?.trim() || null,
      mentorPost: values.mentorPost?.trim() || null,
      notes: values.notes?.trim() || null,
    };
    try {
      if (target.kind === 'edit') {
        onSaved(await reservesApi.update(target.reserve.id, { ...common, version: target.reserve.version }));
      } else {
        onSaved(await reservesApi.create({
          ...common,
          orgCode: values.orgCode ?? '',
          personId: target.person.id,
          admittedOn: values.admittedOn?.format('YYYY-MM-DD') ?? null,
          registration: { sourceDocument: values.sourceDocument?.trim() ?? '', exceptionReason: values.exceptionReason?.trim() || null },
        }));
      }
    } catch (error) {
      showError(error);
      if (isVersionConflict(error)) onSaved(null);
    } finally {
      setSaving(false);
    }
  };

  const ledgerOptions = person?.ledgerEntries.map((entry) => ({ value: entry.orgCode, label: entry.orgName })) ?? [];
  const title = target?.kind === 'edit' ? `修改后备力量：${target.personName}` : `纳入后备力量：${person?.name ?? ''}`;

  return (
    <Modal
      title={title}
      open={target !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={isSaving}
      forceRender
      width={{ xs: '95%', md: 640 }}
      className="reserve-form-modal"
    >
      <Form<ReserveForm> form={form} layout="vertical" onFinish={(values) => void save(values)}>
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
                <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
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
            <Form.Item name="notes" label="备注" rules={[{ max: 500, message: '备注不能超过 500 个字符' }]}>
              <Input.TextArea rows={2} showCount maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
