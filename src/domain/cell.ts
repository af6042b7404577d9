/**
 * A cell as Apps Script's getValues() returns it: '' for empty, Date for date cells. Its own
 * module because both table.ts (reading sheets) and labels.ts (showing keys as labels) speak of
 * cells, and table.ts uses labels.ts.
 */
export type Cell = string | number | boolean | Date;
