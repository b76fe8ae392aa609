import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Form, Input, Row, Select, Switch, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { parseLooseDate } from '../../../src/domain/dates.ts';
import { checkIdNumber, checkPhone } from '../../../src/domain/id-number.ts';
import type { FamilyMember, HistoryEntry, Person, PersonInput } from '../api/types.ts';
import { useDictionaries } from './DictionariesContext.tsx';

/** What the person fields hold while editing: texts, with '' or undefined for empty. */
export interface PersonFormValues {
  name?: string;
  idNumber?: string;
  gender?: string | null;
  birthDate?: string;
  ethnicity?: string | null;
  phone?: string;
  nativePlace?: string;
  birthplace?: string;
  politicalStatus?: string;
  partyJoinDate?: string;
  education?: string;
  school?: string;
  major?: string;
  health?: string | null;
  occupation?: string;
  specialties?: string;
  workStartDate?: string;
  presentPosition?: string;
  isLivingAway?: boolean;
  educationHistory?: Partial<HistoryEntry>[];
  workHistory?: Partial<HistoryEntry>[];
  familyMembers?: Partial<FamilyMember>[];
}

const DATE_HINT = '如 1985-03-15、1985.03 或 1985年3月';

const orNull = (value: string | null | undefined): string | null => (value?.trim() ? value.trim() : null);

function historyRows(rows: Partial<HistoryEntry>[] | undefined): HistoryEntry[] {
  return (rows ?? [])
    .filter((row) => row.place?.trim())
    .map((row) => ({ from: row.from?.trim() || undefined, to: row.to?.trim() || undefined, place: row.place!.trim(), role: row.role?.trim() || undefined }));
}

function familyRows(rows: Partial<FamilyMember>[] | undefined): FamilyMember[] {
  return (rows ?? [])
    .filter((row) => row.name?.trim() && row.relation?.trim())
    .map((row) => ({
      relation: row.relation!.trim(),
      name: row.name!.trim(),
      workUnit: row.workUnit?.trim() || undefined,
      politicalStatus: row.politicalStatus || undefined,
    }));
}

/**
 * The request body from the form. With `keepBlankSensitive` (editing) an empty phone is left out,
 * since the form never holds the stored number; the caller leaves out an empty ID number.
 */
export function toPersonInput(values: PersonFormValues, options: { keepBlankSensitive: boolean; withHistories: boolean }): PersonInput {
  const input: PersonInput = {
    name: values.name?.trim() ?? '',
    idNumber: values.idNumber?.trim() ?? '',
    gender: values.gender || null,
    birthDate: orNull(values.birthDate),
    ethnicity: values.ethnicity || null,
    phone: orNull(values.phone),
    nativePlace: orNull(values.nativePlace),
    birthplace: orNull(values.birthplace),
    politicalStatus: values.politicalStatus ?? '',
    partyJoinDate: orNull(values.partyJoinDate),
    education: values.education ?? '',
    school: orNull(values.school),
    major: orNull(values.major),
    health: values.health || null,
    occupation: orNull(values.occupation),
    specialties: orNull(values.specialties),
    workStartDate: orNull(values.workStartDate),
    presentPosition: orNull(values.presentPosition),
    isLivingAway: values.isLivingAway ?? false,
  };
  if (options.withHistories) {
    input.educationHistory = historyRows(values.educationHistory);
    input.workHistory = historyRows(values.workHistory);
    input.familyMembers = familyRows(values.familyMembers);
  }
  if (options.keepBlankSensitive) {
    if (!input.phone) delete input.phone;
  }
  return input;
}

/** The form's values for a stored person; ID number and phone stay empty (only masked forms are known). */
export function fromPerson(person: Person): PersonFormValues {
  return {
    name: person.name,
    idNumber: '',
    gender: person.gender,
    birthDate: person.birthDate,
    ethnicity: person.ethnicity,
    phone: '',
    nativePlace: person.nativePlace ?? '',
    birthplace: person.birthplace ?? '',
    politicalStatus: person.politicalStatus,
    partyJoinDate: person.partyJoinDate ?? '',
    education: person.education,
    school: person.school ?? '',
    major: person.major ?? '',
    health: person.health,
    occupation: person.occupation ?? '',
    specialties: person.specialties ?? '',
    workStartDate: person.workStartDate ?? '',
    presentPosition: person.presentPosition ?? '',
    isLivingAway: person.isLivingAway,
    educationHistory: person.educationHistory,
    workHistory: person.workHistory,
    familyMembers: person.familyMembers,
  };
}

const looseDateRule = (label: string): Rule => ({
  validator: async (_rule, value: string | undefined) => {
    if (value?.trim() && !parseLooseDate(value)) throw new Error(`${label}不是有效日期，${DATE_HINT}`);
  },
});

const idNumberRule: Rule = {
  validator: async (_rule, value: string | undefined) => {
    if (!value?.trim()) return;
    // The region code is checked by the server, which knows the divisions.
    const checked = checkIdNumber(value, () => true);
    if (!checked.isValid) throw new Error(checked.message);
  },
};

const phoneRule: Rule = {
  validator: async (_rule, value: string | undefined) => {
    if (!value?.trim()) return;
    const checked = checkPhone(value);
    if (!checked.isValid) throw new Error(checked.message);
  },
};

interface Props {
  form: FormInstance;
  /** Where the person's fields sit in the form's values, e.g. ['person']. */
  prefix?: string[];
  /** Editing a stored person: ID number and phone may stay empty (unchanged), masked values shown as hints. */
  existing?: Pick<Person, 'idNumberMasked' | 'phoneMasked' | 'ethnicity' | 'politicalStatus' | 'education' | 'health'>;
  /** Shows 学历学位, 工作经历 and 家庭成员 lists. */
  withHistories?: boolean;
}

/**
 * The fields of a person file (一人一档), one column on phones and two on wider screens. Birth
 * date and gender fill in from a valid ID number.
 */
export function PersonFormFields({ form, prefix = [], existing, withHistories = false }: Props) {
  const dictionaries = useDictionaries();
  const name = (field: string) => [...prefix, field];
  const col = { xs: 24, md: 12 };

  const fillFromIdNumber = () => {
    const value = form.getFieldValue(name('idNumber')) as string | undefined;
    if (!value) return;
    const checked = checkIdNumber(value, () => true);
    if (!checked.isValid) return;
    if (!form.getFieldValue(name('birthDate'))) form.setFieldValue(name('birthDate'), checked.birthDate);
    if (!form.getFieldValue(name('gender'))) form.setFieldValue(name('gender'), checked.gender);
  };

  const historyList = (field: 'educationHistory' | 'workHistory', title: string, placeLabel: string, roleLabel: string) => (
    <>
      <Divider titlePlacement="start" plain>{title}</Divider>
      <Form.List name={name(field)}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((item) => (
              <Row gutter={8} key={item.key} align="top" className="history-row">
                <Col xs={12} md={4}><Form.Item name={[item.name, 'from']} rules={[{ max: 20, message: '过长' }]}><Input placeholder="起（如 2005.09）" aria-label={`${title}起始`} /></Form.Item></Col>
                <Col xs={12} md={4}><Form.Item name={[item.name, 'to']} rules={[{ max: 20, message: '过长' }]}><Input placeholder="止（可空）" aria-label={`${title}截止`} /></Form.Item></Col>
                <Col xs={24} md={8}><Form.Item name={[item.name, 'place']} rules={[{ required: true, whitespace: true, message: `请填写${placeLabel}` }, { max: 100, message: '不能超过 100 个字符' }]}><Input placeholder={placeLabel} aria-label={placeLabel} /></Form.Item></Col>
                <Col xs={20} md={7}><Form.Item name={[item.name, 'role']} rules={[{ max: 100, message: '不能超过 100 个字符' }]}><Input placeholder={roleLabel} aria-label={roleLabel} /></Form.Item></Col>
                <Col xs={4} md={1}><Button type="text" danger icon={<MinusCircleOutlined />} aria-label="删除此行" onClick={() => remove(item.name)} /></Col>
              </Row>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>添加一行</Button>
          </>
        )}
      </Form.List>
    </>
  );

  return (
    <>
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item name={name('name')} label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '姓名不能超过 50 个字符' }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item
            name={name('idNumber')}
            label="身份证号码"
            rules={[...(existing ? [] : [{ required: true, whitespace: true, message: '请填写身份证号码' }]), idNumberRule]}
            extra={existing ? `现为 ${existing.idNumberMasked}；不修改请留空` : '18 位居民身份证号码；出生日期和性别据此自动识别'}
            validateTrigger="onBlur"
          >
            <Input autoComplete="off" maxLength={18} onBlur={fillFromIdNumber} placeholder={existing ? '不修改请留空' : undefined} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={name('gender')} label="性别" extra="可不填，按身份证号码识别">
            <Select allowClear options={dictionaries.options('gender')} placeholder="按身份证号码" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={name('birthDate')} label="出生日期" rules={[looseDateRule('出生日期')]} extra="可不填，按身份证号码识别">
            <Input autoComplete="off" placeholder={DATE_HINT} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={name('ethnicity')} label="民族">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={dictionaries.options('ethnicity', existing?.ethnicity)} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item
            name={name('phone')}
            label="联系电话"
            rules={[phoneRule]}
            validateTrigger="onBlur"
            extra={existing ? `现为 ${existing.phoneMasked ?? '（未填写）'}；不修改请留空` : undefined}
          >
            <Input autoComplete="off" inputMode="tel" maxLength={20} placeholder={existing ? '不修改请留空' : '手机号码或带区号的固定电话'} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={name('nativePlace')} label="籍贯" rules={[{ max: 50, message: '籍贯不能超过 50 个字符' }]}>
            <Input autoComplete="off" placeholder="如 四川青神" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={name('birthplace')} label="出生地" rules={[{ max: 50, message: '出生地不能超过 50 个字符' }]}>
            <Input autoComplete="off" placeholder="如 四川青神" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={name('politicalStatus')} label="政治面貌" rules={[{ required: true, message: '请选择政治面貌' }]}>
            <Select options={dictionaries.options('politicalStatus', existing?.politicalStatus)} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={name('partyJoinDate')} label="入党时间" rules={[looseDateRule('入党时间')]}>
            <Input autoComplete="off" placeholder={DATE_HINT} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={name('education')} label="学历" rules={[{ required: true, message: '请选择学历' }]}>
            <Select options={dictionaries.options('education', existing?.education)} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={name('school')} label="毕业院校" rules={[{ max: 100, message: '不能超过 100 个字符' }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={name('major')} label="专业" rules={[{ max: 100, message: '不能超过 100 个字符' }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={name('health')} label="健康状况">
            <Select allowClear options={dictionaries.options('health', existing?.health)} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={name('occupation')} label="从事职业" rules={[{ max: 100, message: '不能超过 100 个字符' }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={name('specialties')} label="专长" rules={[{ max: 200, message: '不能超过 200 个字符' }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={name('workStartDate')} label="参加工作时间" rules={[looseDateRule('参加工作时间')]}>
            <Input autoComplete="off" placeholder={DATE_HINT} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={name('presentPosition')} label="现任职务" rules={[{ max: 100, message: '不能超过 100 个字符' }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={name('isLivingAway')} label="在外能人" valuePropName="checked" extra="长期在外务工、经商、工作的本村人员">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
      </Row>
      {withHistories && (
        <>
          {historyList('educationHistory', '学历学位', '学校', '专业或学位')}
          {historyList('workHistory', '工作经历', '单位', '职务')}
          <Divider titlePlacement="start" plain>家庭成员</Divider>
          <Form.List name={name('familyMembers')}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((item) => (
                  <Row gutter={8} key={item.key} align="top" className="history-row">
                    <Col xs={12} md={4}><Form.Item name={[item.name, 'relation']} rules={[{ required: true, whitespace: true, message: '请填写称谓' }, { max: 20, message: '过长' }]}><Input placeholder="称谓" aria-label="称谓" /></Form.Item></Col>
                    <Col xs={12} md={4}><Form.Item name={[item.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '过长' }]}><Input placeholder="姓名" aria-label="家庭成员姓名" /></Form.Item></Col>
                    <Col xs={24} md={5}><Form.Item name={[item.name, 'politicalStatus']}><Select allowClear placeholder="政治面貌" options={dictionaries.options('politicalStatus')} aria-label="家庭成员政治面貌" /></Form.Item></Col>
                    <Col xs={20} md={10}><Form.Item name={[item.name, 'workUnit']} rules={[{ max: 100, message: '不能超过 100 个字符' }]}><Input placeholder="工作单位及职务" aria-label="工作单位及职务" /></Form.Item></Col>
                    <Col xs={4} md={1}><Button type="text" danger icon={<MinusCircleOutlined />} aria-label="删除此行" onClick={() => remove(item.name)} /></Col>
                  </Row>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>添加一行</Button>
              </>
            )}
          </Form.List>
        </>
      )}
    </>
  );
}
