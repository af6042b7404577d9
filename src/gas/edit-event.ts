import type { EditedRange } from '../app/review';

/** The edited cells of an installable edit trigger's event (a single cell or a pasted block). */
export function editedRangeOf(e: GoogleAppsScript.Events.SheetsOnEdit): EditedRange {
  const range = e.range;
  return {
    sheetName: range.getSheet().getName(),
    row: range.getRow(),
    column: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
    // e.user is only filled when Apps Script may tell (same domain, or the owner).
    editor: e.user ? e.user.getEmail() : '',
    // "Only available if the edited range is a single cell"; undefined when it was empty.
    ...(e.oldValue !== undefined ? { oldValue: String(e.oldValue) } : {}),
  };
}
