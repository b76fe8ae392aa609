/** Tables of the selection procedure (migration 0005_selection.sql). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SelectionSchema {}
