import { describe, expect, it } from 'vitest';
import { parseLrmx as parse } from '../../tests/helpers/lrmx.ts';
import { buildLrmx, lrmxFileName, lrmxMonth, resumeText, xmlText, type AppointmentFormData } from './appointment-form.ts';

const DATA: AppointmentFormData = {
  name: '李晓梅', gender: '女', birthDate: '1990-03-15', ethnicity: '汉族', nativePlace: '四川青神', birthplace: '四川眉山', partyJoinDate: '2012-06-30',
  workStartDate: '2012-07-01', health: '健康', specialties: '农村电商', fullTimeEducation: { education: '本科', degree: '', school: '四川农业大学农学' },
  inServiceEducation: { education: '', degree: '', school: '' }, presentPosition: '青竹村村委会委员', proposedPosition: '青竹村村党组织书记',
  resume: [{ from: '2016.09', place: '青竹村', role: '村委会委员' }, { from: '2012.07', to: '2016.09', place: '青神县某合作社', role: '技术员' }],
  annualResults: '', family: [{ relation: '丈夫', name: '王强', birthDate: '1988.05', politicalStatus: '群众', workUnit: '青神县某公司 <职员> & 司机' }],
  reportingUnit: '中共青竹镇委员会', filledOn: '2026-11-20', filledBy: '张干事', idNumber: '511425********0029', photoBase64: 'iVBORw0KGgo=',
};

describe('the .lrmx exchange file', () => {
  it('writes months as yyyyMM from every way a month is typed, and nothing for what names no month', () => {
    expect(lrmxMonth('1990-03-15')).toBe('199003');
    expect(lrmxMonth('2005.9')).toBe('200509');
    expect(lrmxMonth('200509')).toBe('200509');
    expect(lrmxMonth('2005')).toBe('2005');
    expect(lrmxMonth('2005.13')).toBe('');
    expect(lrmxMonth(null)).toBe('');
    expect(lrmxMonth('不详')).toBe('');
  });

  it('writes the resume oldest first, an open end as 「--」', () => {
    expect(resumeText(DATA.resume)).toBe('2012.07--2016.09  青神县某合作社技术员\n2016.09--  青竹村村委会委员');
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(xmlText('a<b>&"c\'\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });

  it('is well-formed XML with root Person, every box, the family and the photo', () => {
    const { root, fields, family } = parse(buildLrmx(DATA));
    expect(root).toBe('Person');
    expect(fields).toMatchObject({
      XingMing: '李晓梅', XingBie: '女', ChuShengNianYue: '199003', MinZu: '汉族', JiGuan: '四川青神', ChuShengDi: '四川眉山', RuDangShiJian: '201206',
      CanJiaGongZuoShiJian: '201207', JianKangZhuangKuang: '健康', QuanRiZhiJiaoYu_XueLi: '本科', QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '四川农业大学农学',
      XianRenZhiWu: '青竹村村委会委员', NiRenZhiWu: '青竹村村党组织书记', ShenFenZheng: '511425********0029', ZhaoPian: 'iVBORw0KGgo=',
      ChengBaoDanWei: '中共青竹镇委员会', JiSuanNianLingShiJian: '20261120', TianBiaoShiJian: '202611', TianBiaoRen: '张干事',
    });
    expect(fields.JianLi).toBe('2012.07--2016.09  青神县某合作社技术员\n2016.09--  青竹村村委会委员');
    expect(family).toEqual([{ ChengWei: '丈夫', XingMing: '王强', ChuShengRiQi: '198805', ZhengZhiMianMao: '群众', GongZuoDanWeiJiZhiWu: '青神县某公司 <职员> & 司机' }]);
    const xml = buildLrmx({ ...DATA, family: [] });
    expect(xml).toContain('<JiaTingChengYuan />');
    expect(xml).toContain('<NiMianZhiWu />');
  });

  it('names the file after the person', () => {
    expect(lrmxFileName('李晓梅')).toBe('李晓梅.lrmx');
    expect(lrmxFileName('a/b c')).toBe('a_b_c.lrmx');
  });
});
