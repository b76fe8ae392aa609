import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildRecordFormDocx, type RecordFormData } from './record-form.docx.ts';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

function fixture(overrides: Partial<RecordFormData> = {}): RecordFormData {
  return {
    year: 2026,
    townshipName: '西龙镇',
    villageName: '新桥村',
    person: {
      name: '李晓梅', gender: '女', birthMonth: '1990.03', ethnicity: '汉族', nativePlace: '四川青神', birthPlace: '', partyJoinMonth: '2015.07', workStartMonth: '2012.09',
      health: '健康', occupation: '个体经营', specialties: '电子商务', education: '大专', schoolAndMajor: '四川农业大学 茶学', idNumber: '511425********1234', phone: '139****0102',
    },
    photo: { contentType: 'image/png', data: PNG },
    trainings: [{ method: '集中培训', period: '2026.03.05—03.09', days: '5', content: '乡村振兴专题' }],
    mentoring: [
      { period: '1月', mentorNames: '王建国', content: '指导村务', opinion: '进步明显' },
      { period: '', mentorNames: '', content: '', opinion: '' },
      { period: '', mentorNames: '', content: '', opinion: '' },
      { period: '', mentorNames: '', content: '', opinion: '' },
    ],
    practice: [{ content: '网格员', performance: '走访百户', opinion: '优秀' }],
    villageOpinions: ['村意见一', '', '', ''],
    townshipOpinions: ['', '', '', '镇意见四'],
    annualResult: '优秀',
    ...overrides,
  };
}

async function documentXml(data: RecordFormData): Promise<{ xml: string; files: string[] }> {
  const zip = await JSZip.loadAsync(await buildRecordFormDocx(data));
  return { xml: await zip.file('word/document.xml')!.async('string'), files: Object.keys(zip.files) };
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('buildRecordFormDocx', () => {
  it('writes one A4 portrait table with the title, the unit, every label and the data', async () => {
    const { xml } = await documentXml(fixture());
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(count(xml, '<w:tbl>')).toBe(1);
    for (const text of [
      '村级后备干部日常管理纪实表', '（2026年度）', '乡镇：西龙镇　　村（社区）：新桥村',
      '姓名', '性别', '出生年月', '民族', '籍贯', '出生地', '入党时间', '参加工作时间', '健康状况', '从事职业', '熟悉专业有何专长', '学历', '毕业院校及专业', '身份证号', '电话号码',
      '培训方式', '培训时间', '培训天数', '培训内容', '帮扶时间', '帮扶责任人', '帮扶内容', '评定意见', '具体内容', '主要表现', '年度考核', '结果',
      '李晓梅', '511425********1234', '乡村振兴专题', '指导村务', '走访百户', '村意见一', '镇意见四',
    ]) expect(xml).toContain(`>${text}<`);
    expect(count(xml, '>第一季度<')).toBe(3);
    expect(xml).toContain('w:eastAsia="宋体"');
  });

  it('puts the photo in a cell merged down the first three rows, and writes 照片 without one', async () => {
    const withPhoto = await documentXml(fixture());
    expect(withPhoto.files.filter((name) => name.startsWith('word/media/'))).toHaveLength(1);
    expect(withPhoto.xml).not.toContain('>照片<');
    const without = await documentXml(fixture({ photo: null }));
    expect(without.files.filter((name) => name.startsWith('word/media/'))).toHaveLength(0);
    expect(without.xml).toContain('>照片<');
    expect(count(without.xml, '<w:vMerge w:val="restart"/>')).toBeGreaterThanOrEqual(6);
  });

  it('keeps empty rows so a thin year still looks like the paper form, and grows with more rows', async () => {
    const thin = await documentXml(fixture({ trainings: [], practice: [] }));
    const rows = count(thin.xml, '<w:tr>') + count(thin.xml, '<w:tr ');
    // 6 personal, 1 + 5 training, 1 + 4 mentoring, 1 + 3 practice, 2 + 2 opinions, 1 annual.
    expect(rows).toBe(26);
    const many = Array.from({ length: 8 }, (_, index) => ({ method: '网络培训', period: `2026.0${index + 1}.01`, days: '1', content: `第${index + 1}次` }));
    const full = await documentXml(fixture({ trainings: many }));
    expect(count(full.xml, '<w:tr>') + count(full.xml, '<w:tr ')).toBe(26 + 3);
    expect(full.xml).toContain('>第8次<');
  });
});
