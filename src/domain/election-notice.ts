import { COMMITTEE_POSTS, POST_LABELS, type Post } from './committee.ts';
import type { ElectionCommittee } from './election-procedure.ts';
import { ELECTION_COMMITTEE_LABELS } from './election-procedure.ts';

/**
 * The text of a village's 换届选举结果公示 (result notice) as it is posted and printed: the village,
 * the elected members of both committees with their posts, the notice period on the official
 * calendar, and where objections go. Pure: the service gathers the facts, the document lays them out.
 */

export interface NoticeMember {
  committee: ElectionCommittee;
  post: Post;
  name: string;
  gender: string;
  /** 'YYYY-MM-DD'. */
  birthDate: string;
  educationLabel: string;
  politicalLabel: string;
}

export interface NoticeFacts {
  townshipName: string;
  villageName: string;
  termYear: number;
  /** The day of each committee's last vote, 'YYYY-MM-DD'; null when that committee has not voted. */
  votedOn: Record<ElectionCommittee, string | null>;
  members: readonly NoticeMember[];
  notice: { startsOn: string; endsOn: string; workingDays: number };
  /** Where objections go besides the township Party committee: a telephone, an office (optional). */
  contact: string | null;
}

export interface NoticeText {
  title: string;
  /** The paragraphs before the table. */
  opening: string[];
  columns: readonly string[];
  rows: string[][];
  /** The paragraphs after the table: the period and where objections go. */
  closing: string[];
  signature: string;
  signedOn: string;
}

/** 'YYYY-MM-DD' as a notice writes it: '2026年11月24日'. */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** 'YYYY-MM-DD' as a birth month on the notice: '1990.05'. */
function birthMonth(date: string): string {
  return `${date.slice(0, 4)}.${date.slice(5, 7)}`;
}

const COMMITTEE_ORDER: readonly ElectionCommittee[] = ['party', 'villagers'];

/** Members in the order of the notice: the Party committee first, heads before deputies before members. */
export function orderNoticeMembers(members: readonly NoticeMember[]): NoticeMember[] {
  const rank = (member: NoticeMember) => COMMITTEE_ORDER.indexOf(member.committee) * 10 + COMMITTEE_POSTS[member.committee].indexOf(member.post);
  return [...members].sort((a, b) => rank(a) - rank(b));
}

/** The notice's text. The period is the one computed on the official calendar when the notice started. */
export function resultNoticeText(facts: NoticeFacts): NoticeText {
  const village = facts.villageName;
  const held = COMMITTEE_ORDER.filter((committee) => facts.votedOn[committee] !== null).map((committee) => (committee === 'party'
    ? `于${chineseDate(facts.votedOn.party!)}召开党员大会，选举产生了新一届${ELECTION_COMMITTEE_LABELS.party}`
    : `于${chineseDate(facts.votedOn.villagers!)}召开村民选举大会，选举产生了新一届${ELECTION_COMMITTEE_LABELS.villagers}`));
  const objections = `公示期间，干部群众对公示对象有异议的，可以通过来信、来电、来访等方式向中共${facts.townshipName}委员会反映${facts.contact ? `（${facts.contact}）` : ''}。`
    + '反映问题应实事求是，以个人名义反映的提倡署真实姓名，以单位名义反映的应加盖公章，以便调查核实。';
  return {
    title: `${village}${facts.termYear}年村“两委”换届选举结果公示`,
    opening: [
      `根据《中国共产党农村基层组织工作条例》《中华人民共和国村民委员会组织法》和中共${facts.townshipName}委员会村级换届工作安排，${village}${held.join('；')}。现将选举结果公示如下：`,
    ],
    columns: ['组织', '职务', '姓名', '性别', '出生年月', '学历', '政治面貌'],
    rows: orderNoticeMembers(facts.members).map((member) => [
      ELECTION_COMMITTEE_LABELS[member.committee], POST_LABELS[member.post], member.name, member.gender === 'female' ? '女' : member.gender === 'male' ? '男' : member.gender,
      birthMonth(member.birthDate), member.educationLabel, member.politicalLabel,
    ]),
    closing: [
      `公示时间：${chineseDate(facts.notice.startsOn)}至${chineseDate(facts.notice.endsOn)}（${facts.notice.workingDays}个工作日）。`,
      objections,
    ],
    signature: `中共${facts.townshipName}委员会`,
    signedOn: chineseDate(facts.notice.startsOn),
  };
}
