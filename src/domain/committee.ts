/**
 * The village committees (两委 and the 村务监督委员会), their posts and how members leave, and what
 * the roster shows: 一肩挑 (one person secretary and director) and 交叉任职 (in both committees).
 */
export const COMMITTEES = ['party', 'villagers', 'supervision'] as const;
export type Committee = (typeof COMMITTEES)[number];
export const COMMITTEE_LABELS: Record<Committee, string> = { party: '村党组织委员会', villagers: '村民委员会', supervision: '村务监督委员会' };

export const POSTS = ['secretary', 'deputySecretary', 'director', 'deputyDirector', 'chair', 'member'] as const;
export type Post = (typeof POSTS)[number];
export const POST_LABELS: Record<Post, string> = {
  secretary: '书记', deputySecretary: '副书记', director: '主任', deputyDirector: '副主任', chair: '主任', member: '委员',
};

/** The posts of each committee. */
export const COMMITTEE_POSTS: Record<Committee, readonly Post[]> = {
  party: ['secretary', 'deputySecretary', 'member'],
  villagers: ['director', 'deputyDirector', 'member'],
  supervision: ['chair', 'member'],
};

export const LEAVE_REASONS = ['termEnded', 'resigned', 'adjusted', 'recalled', 'deceased', 'transferred'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];
export const LEAVE_REASON_LABELS: Record<LeaveReason, string> = {
  termEnded: '届满', resigned: '辞职', adjusted: '调整撤换', recalled: '罢免', deceased: '去世', transferred: '调离',
};

export function postLabel(committee: Committee, post: Post): string {
  return `${COMMITTEE_LABELS[committee]}${POST_LABELS[post]}`;
}

/** Posts the law fills by election: the villagers committee and the supervision committee (村民委员会组织法). */
export function isFilledByElection(committee: Committee): boolean {
  return committee !== 'party';
}

/** A post's problem for its committee, or null. */
export function postProblem(committee: Committee, post: Post): string | null {
  return COMMITTEE_POSTS[committee].includes(post) ? null : `${COMMITTEE_LABELS[committee]}没有「${POST_LABELS[post]}」职务，可选：${COMMITTEE_POSTS[committee].map((item) => POST_LABELS[item]).join('、')}`;
}

/** Leaving before the end of the term opens a vacancy (届中出缺); 届满 does not. */
export function opensVacancy(reason: LeaveReason): boolean {
  return reason !== 'termEnded';
}

export interface SittingMember {
  personId: string;
  committee: Committee;
  post: Post;
}

/** Per person, what the roster shows beside the name: 一肩挑 and 交叉任职. */
export function holdingMarks(members: readonly SittingMember[]): Map<string, { isSecretaryAndDirector: boolean; isCrossHolding: boolean }> {
  const byPerson = new Map<string, SittingMember[]>();
  for (const member of members) byPerson.set(member.personId, [...(byPerson.get(member.personId) ?? []), member]);
  const marks = new Map<string, { isSecretaryAndDirector: boolean; isCrossHolding: boolean }>();
  for (const [personId, held] of byPerson) {
    const isSecretary = held.some((member) => member.committee === 'party' && member.post === 'secretary');
    const isDirector = held.some((member) => member.committee === 'villagers' && member.post === 'director');
    const committees = new Set(held.filter((member) => member.committee !== 'supervision').map((member) => member.committee));
    marks.set(personId, { isSecretaryAndDirector: isSecretary && isDirector, isCrossHolding: committees.size > 1 });
  }
  return marks;
}

/** The head posts: one sitting holder per committee. */
export function isHeadPost(post: Post): boolean {
  return post === 'secretary' || post === 'director' || post === 'chair';
}

export interface SeatHolder extends SittingMember {
  name: string;
}

/**
 * Why a person cannot take a seat beside the village's sitting members, or null: the same person
 * sits on the committee already, or a head post (书记, 主任) has its one sitting holder.
 */
export function seatingProblem(sitting: readonly SeatHolder[], seat: SeatHolder, villageName: string): { isSamePerson: boolean; message: string } | null {
  const onCommittee = sitting.filter((member) => member.committee === seat.committee);
  if (onCommittee.some((member) => member.personId === seat.personId)) return { isSamePerson: true, message: `${seat.name}已是「${villageName}」${COMMITTEE_LABELS[seat.committee]}成员` };
  const holder = isHeadPost(seat.post) ? onCommittee.find((member) => member.post === seat.post) : undefined;
  if (holder) return { isSamePerson: false, message: `「${villageName}」${postLabel(seat.committee, seat.post)}现由${holder.name}担任，请先登记其离任` };
  return null;
}
