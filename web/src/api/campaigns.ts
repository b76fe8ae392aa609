/** The three-year campaign (行动方案): its milestones, their states per unit, and the targets. */
import type { z } from 'zod';
import type { ZCampaign, ZCampaignList, ZCampaignView, ZConfirmMilestone, ZCreateCampaign } from '../../../src/modules/campaigns/campaign.schemas.ts';
import { api } from './client.ts';

export type Campaign = z.infer<typeof ZCampaign>;
export type CampaignView = z.infer<typeof ZCampaignView>;
export type CampaignMilestone = CampaignView['milestones'][number];
export type CreateCampaignInput = z.input<typeof ZCreateCampaign>;
export type ConfirmMilestoneInput = z.input<typeof ZConfirmMilestone>;

const id = (value: string) => encodeURIComponent(value);

export const campaignsApi = {
  list: (orgCode: string, signal?: AbortSignal) => api.get<z.infer<typeof ZCampaignList>>('/api/campaigns', { orgCode }, signal),
  get: (campaignId: string, orgCode: string, signal?: AbortSignal) => api.get<CampaignView>(`/api/campaigns/${id(campaignId)}`, { orgCode }, signal),
  create: (input: CreateCampaignInput) => api.post<Campaign>('/api/campaigns', input),
  moveDeadline: (milestoneId: string, input: { deadline: string; version: number }) => api.patch(`/api/campaign-milestones/${id(milestoneId)}`, input),
  confirm: (milestoneId: string, input: ConfirmMilestoneInput) => api.post(`/api/campaign-milestones/${id(milestoneId)}/confirmations`, input),
};
