/** Tables of cultivation: training, mentoring, practice, assessment (migration 0006_cultivation.sql). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CultivationSchema {}
