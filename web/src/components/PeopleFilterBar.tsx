import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { RESERVE_STATUS_OPTIONS } from '../api/labels.ts';
import { useDictionaries } from './DictionariesContext.tsx';
import { OrgUnitPicker } from './OrgUnitPicker.tsx';
import type { PeopleFilters } from './usePeopleQuery.ts';
import { useIsMobile } from './useIsMobile.ts';
import { useOrgUnitName } from './useOrgUnitName.ts';

interface FilterValues {
  orgCode?: string;
  search?: string;
  sourceCategory?: string;
  education?: string;
  politicalStatus?: string;
  ageMin?: number | null;
  ageMax?: number | null;
  isAway?: 'true' | 'false';
  referenceDate?: Dayjs | null;
  status?: string;
  targetPost?: string;
  readiness?: string;
}

interface Props {
  /** The reserve pool adds 状态, 拟任岗位 and 成熟度. */
  withReserveFields?: boolean;
  value: PeopleFilters;
  onSearch: (filters: PeopleFilters) => void;
}

function toValues(filters: PeopleFilters): FilterValues {
  const number = (text: string | undefined) => (text === undefined || text === '' || Number.isNaN(Number(text)) ? null : Number(text));
  return {
    orgCode: filters.orgCode,
    search: filters.search,
    sourceCategory: filters.sourceCategory,
    education: filters.education,
    politicalStatus: filters.politicalStatus,
    ageMin: number(filters.ageMin),
    ageMax: number(filters.ageMax),
    isAway: filters.isAway === 'true' || filters.isAway === 'false' ? filters.isAway : undefined,
    referenceDate: filters.referenceDate && dayjs(filters.referenceDate).isValid() ? dayjs(filters.referenceDate) : null,
    status: filters.status,
    targetPost: filters.targetPost,
    readiness: filters.readiness,
  };
}

function toFilters(values: FilterValues): PeopleFilters {
  const text = (value: string | undefined) => value?.trim() || undefined;
  const number = (value: number | null | undefined) => (value === null || value === undefined ? undefined : String(value));
  return {
    orgCode: values.orgCode,
    search: text(values.search),
    sourceCategory: values.sourceCategory,
    education: values.education,
    politicalStatus: values.politicalStatus,
    ageMin: number(values.ageMin),
    ageMax: number(values.ageMax),
    isAway: values.isAway,
    referenceDate: values.referenceDate?.format('YYYY-MM-DD'),
    status: values.status,
    targetPost: values.targetPost,
    readiness: values.readiness,
  };
}

/**
 * The filter bar of the talent ledger and the reserve pool: unit, name or ID number, source,
 * education, political status, age range, living away, and for the pool status, target post and
 * readiness. Wraps on narrow screens, where the less used filters fold away.
 */
export function PeopleFilterBar({ withReserveFields = false, value, onSearch }: Props) {
  const [form] = Form.useForm<FilterValues>();
  const dictionaries = useDictionaries();
  const isMobile = useIsMobile();
  const [isExpanded, setExpanded] = useState(false);
  const showAll = !isMobile || isExpanded;

  useEffect(() => { form.setFieldsValue(toValues(value)); }, [form, value]);

  // The unit in the address bar arrives as a code; show its name.
  const orgLabel = useOrgUnitName(value.orgCode);

  const col = { xs: 24, sm: 12, md: 8, xl: 6 };
  const select = (name: keyof FilterValues, label: string, options: { value: string; label: string }[]) => (
    <Col {...col}>
      <Form.Item name={name} label={label}>
        <Select options={options} allowClear placeholder="全部" showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
    </Col>
  );

  return (
    <Form<FilterValues>
      form={form}
      layout="vertical"
      className="people-filter-bar no-print"
      // Folded filters are unmounted on phones; getFieldsValue(true) still includes them.
      onFinish={() => onSearch(toFilters(form.getFieldsValue(true)))}
    >
      <Row gutter={12}>
        <Col {...col}>
          <Form.Item name="orgCode" label="单位">
            <OrgUnitPicker initialLabel={orgLabel} placeholder="全部（可输入名称搜索）" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="search" label="姓名或身份证号">
            <Input allowClear placeholder="姓名，或完整的 18 位身份证号" maxLength={50} />
          </Form.Item>
        </Col>
        {showAll && (
          <>
            {withReserveFields && select('status', '状态', RESERVE_STATUS_OPTIONS)}
            {withReserveFields && select('targetPost', '拟任岗位', dictionaries.filterOptions('targetPost'))}
            {withReserveFields && select('readiness', '成熟度', dictionaries.filterOptions('readiness'))}
            {select('sourceCategory', withReserveFields ? '身份（来源）' : '来源', dictionaries.filterOptions('sourceCategory'))}
            {select('education', '学历', dictionaries.filterOptions('education'))}
            {select('politicalStatus', '政治面貌', dictionaries.filterOptions('politicalStatus'))}
            <Col {...col}>
              <Form.Item label="年龄">
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="ageMin" noStyle>
                    <InputNumber min={0} max={120} precision={0} placeholder="从" style={{ width: '50%' }} aria-label="年龄从" />
                  </Form.Item>
                  <Form.Item name="ageMax" noStyle>
                    <InputNumber min={0} max={120} precision={0} placeholder="到" style={{ width: '50%' }} aria-label="年龄到" />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            </Col>
            {select('isAway', '在外能人', [{ value: 'true', label: '是' }, { value: 'false', label: '否' }])}
            <Col {...col}>
              <Form.Item name="referenceDate" label="年龄计算基准日" tooltip="按此日期计算年龄，不填为今天">
                <DatePicker style={{ width: '100%' }} placeholder="今天" />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24} sm={12} md={8} xl={6}>
          <Form.Item label={isMobile ? undefined : ' '}>
            <Space wrap>
              <Button type="primary" htmlType="submit">查询</Button>
              <Button onClick={() => { form.resetFields(); onSearch({}); }}>重置</Button>
              {isMobile && (
                <Button type="link" onClick={() => setExpanded((expanded) => !expanded)} icon={isExpanded ? <UpOutlined /> : <DownOutlined />}>
                  {isExpanded ? '收起' : '更多条件'}
                </Button>
              )}
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
