import type { ColumnType, Generated } from 'kysely';
import type { CandidateStatus, ElectionCommittee, ElectionStage, RiskKind, SecretaryMode, SignOff, VillageComposition, ViolationKind, VoteKind } from '../domain/election-procedure.ts';
import type { CandidateOutcome, ExcusedReason, ProxyVote } from '../domain/election-arithmetic.ts';
import type { RuleVerdict } from '../domain/eligibility.ts';
import type { CountyCode, CreatedAt, UpdatedAt } from './schema-columns.ts';

type Json<T> = ColumnType<T, string | undefined, string>;
type Day = string;

/** Tables of the village 换届 (migration 0012_elections.sql). */
export interface ElectionsSchema {
  election_plan: ElectionPlanTable;
  village_election: VillageElectionTable;
  election_candidate: ElectionCandidateTable;
  election_vote: ElectionVoteTable;
  election_risk_point: ElectionRiskPointTable;
  election_citizen_reporter: ElectionCitizenReporterTable;
  election_violation_report: ElectionViolationReportTable;
  election_objection: ElectionObjectionTable;
  election_step: ElectionStepTable;
}

export interface ElectionPlanTable {
  county_code: CountyCode;
  id: Generated<string>;
  org_code: string;
  term_year: number;
  starts_on: Day;
  ends_on: Day;
  leading_group: string;
  standard_party_seats: number;
  standard_villagers_seats: number;
  created_by: string;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface Responsibility { task: string; owner: string }
export interface SeatsApproval { approvedOn: string; approvedBy: string }
/** The register as published; `proxies` are the 委托投票 registered with written authority (absent before any). */
export interface VoterRegister { registered: number; publishedOn: string; electionDay: string; proxies?: ProxyVote[] }
export interface ElectionCommitteeMember { name: string; personId: string | null; leftOn: string | null }
export interface PostAssignment { candidateId: string; committee: ElectionCommittee; post: string; decidedOn: string }
export interface ResultNotice { startsOn: string; endsOn: string; workingDays: number }
export interface Handover { handedOverOn: string; talks: { name: string; talkedOn: string }[] }

export interface VillageElectionTable {
  county_code: CountyCode;
  id: Generated<string>;
  plan_id: string;
  org_code: string;
  term_year: number;
  stage: ColumnType<ElectionStage, ElectionStage | undefined, ElectionStage>;
  guidance_officer: string | null;
  responsibilities: Json<Responsibility[]>;
  secretary_mode: ColumnType<SecretaryMode, SecretaryMode | undefined, SecretaryMode>;
  party_seats: number | null;
  villagers_seats: number | null;
  seats_basis: string | null;
  seats_approval: Json<SeatsApproval | null>;
  candidates_approved_on: string | null;
  voter_register: Json<VoterRegister | null>;
  election_committee: Json<ElectionCommitteeMember[]>;
  posts: Json<PostAssignment[]>;
  notice: Json<ResultNotice | null>;
  approved_on: string | null;
  filed_on: string | null;
  composition: Json<VillageComposition | null>;
  handover: Json<Handover | null>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface Recommendations { membersAndMasses: number; higherOrganisation: number }
export interface Qualification { reviewedOn: string; inspection: string; isUnderPartyProbation: boolean; verdicts: RuleVerdict[]; isQualified: boolean }

export interface ElectionCandidateTable {
  county_code: CountyCode;
  id: Generated<string>;
  village_election_id: string;
  org_code: string;
  committee: ElectionCommittee;
  person_id: string;
  is_secretary_candidate: Generated<boolean>;
  is_continuing: Generated<boolean>;
  recommendations: Json<Recommendations>;
  proposed_on: Day;
  status: ColumnType<CandidateStatus, CandidateStatus | undefined, CandidateStatus>;
  qualification: Json<Qualification | null>;
  sign_offs: Json<SignOff[]>;
  talked_on: string | null;
  pledged_on: string | null;
  elected_post: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface VoteCounts {
  /** Party: members with a vote; villagers: registered voters. */
  electorate: number;
  excused: { name: string; reason: ExcusedReason }[];
  /** Party: 应到会; villagers: the registered voters. */
  expected: number;
  /** Party: 实到会; villagers: voters who voted, proxies included. */
  present: number;
  proxies: number;
  ballotsIssued: number;
  ballotsCollected: number;
  invalidBallots: number;
}
export interface VoteTally { candidateId: string; votesFor: number; votesAgainst: number; abstentions: number }
export interface VoteResult { elected: string[]; tied: string[]; seatsForTied: number; unfilledSeats: number; candidates: CandidateOutcome[] }

export interface ElectionVoteTable {
  county_code: CountyCode;
  id: Generated<string>;
  village_election_id: string;
  org_code: string;
  committee: ElectionCommittee;
  kind: VoteKind;
  held_on: Day;
  seats: number;
  counts: Json<VoteCounts>;
  tallies: Json<VoteTally[]>;
  result: Json<VoteResult>;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface ElectionRiskPointTable {
  county_code: CountyCode;
  id: Generated<string>;
  village_election_id: string;
  org_code: string;
  kind: RiskKind;
  description: string;
  measures: string;
  owner: string;
  created_at: CreatedAt;
}

export interface ElectionCitizenReporterTable {
  county_code: CountyCode;
  id: Generated<string>;
  village_election_id: string;
  org_code: string;
  group_code: string;
  name: string;
  created_at: CreatedAt;
}

export interface ElectionViolationReportTable {
  county_code: CountyCode;
  id: Generated<string>;
  village_election_id: string;
  org_code: string;
  candidate_id: string | null;
  kind: ViolationKind;
  received_on: Day;
  content: string;
  verification: string | null;
  is_substantiated: boolean | null;
  handled_on: string | null;
  handled_by: string | null;
  created_at: CreatedAt;
}

export interface ElectionObjectionTable {
  county_code: CountyCode;
  id: Generated<string>;
  village_election_id: string;
  org_code: string;
  kind: 'register' | 'result';
  received_on: Day;
  content: string;
  handling: string | null;
  is_upheld: boolean | null;
  handled_on: string | null;
  handled_by: string | null;
  created_at: CreatedAt;
}

export interface ElectionStepTable {
  county_code: CountyCode;
  id: Generated<string>;
  village_election_id: string;
  action: string;
  occurred_on: Day;
  actor_name: string;
  details: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}
