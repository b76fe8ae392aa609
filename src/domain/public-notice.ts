/** The printable text of a township's public notice (公示) of selection candidates. */

/** A candidate as the notice names them, with every code already turned into its label. */
export interface NoticeCandidate {
  name: string;
  gender: 'male' | 'female' | string;
  /** 'YYYY-MM-DD' */
  birthDate: string;
  educationLabel: string;
  politicalLabel: string;
  villageName: string;
  targetPostLabel: string;
}

/** '2026年9月28日' */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/**
 * The notice of seed 002: who (name, sex, birth month, education, Party status, village, the post
 * they are trained for), the period in working days, and where objections go; signed by the
 * township Party committee on the first day.
 */
export function composePublicNoticeText(input: {
  townshipName: string;
  candidates: readonly NoticeCandidate[];
  period: { startsOn: string; endsOn: string; workingDays: number };
  contact: string;
}): string {
  const { townshipName, candidates, period, contact } = input;
  const lines = candidates.map((candidate, index) => {
    const [year, month] = candidate.birthDate.split('-').map(Number);
    return `${index + 1}. ${candidate.name}，${candidate.gender === 'female' ? '女' : '男'}，${year}年${month}月生，${candidate.educationLabel}，${candidate.politicalLabel}，${candidate.villageName}，拟作为${candidate.targetPostLabel}后备力量培养。`;
  });
  return [
    `关于${townshipName}村级后备力量人选的公示`,
    '',
    `经个人自荐、党员群众推荐和组织推荐，资格审查、民主测评、谈话考察、乡镇党委研究和有关部门联审，拟将以下 ${candidates.length} 名同志确定为村级后备力量，现予以公示：`,
    '',
    ...lines,
    '',
    `公示期：${chineseDate(period.startsOn)}至${chineseDate(period.endsOn)}（${period.workingDays} 个工作日）。`,
    `公示期间，对上述人选有不同意见的，可通过来信、来电、来访等方式向${contact}反映。反映问题应实事求是，提倡署真实姓名，并提供具体事实或线索。`,
    '',
    `中共${townshipName}委员会`,
    chineseDate(period.startsOn),
  ].join('\n');
}
