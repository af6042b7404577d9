/**
 * Counts the cells each Spreadsheet call of an execution moves, so that the latency table's
 * per-cell price can be charged (the membrane counts calls, not their size). It wraps the fakes'
 * value methods on their prototypes — a benchmark instrument, installed once per process; the
 * emulator itself is unchanged. When the table gives a per-cell price, the simulated clock also
 * advances by it inside the execution, so the product's own time budget sees big reads.
 */
import type { Execution, Workspace } from '../emulator/core';
import { Range, Sheet } from '../emulator/spreadsheet-app';
import { perCellMs, type LatencyTable } from './latency';

const RANGE_METHODS = [
  'getValues',
  'getDisplayValues',
  'getFormulas',
  'getNotes',
  'getNumberFormats',
  'setValues',
  'setFormulas',
  'setNotes',
  'setNumberFormats',
  'setDataValidations',
] as const;

export interface CellMeter {
  /** Cells moved by each kind of call in this execution. */
  cellsOf(execution: Execution): Record<string, number>;
  /** While false, nothing is charged to the clock (building a campaign is not measured). */
  charging: boolean;
}

interface MeterState {
  ws: Workspace | null;
  table: LatencyTable | null;
  cells: WeakMap<Execution, Record<string, number>>;
  charging: boolean;
}

const state: MeterState = { ws: null, table: null, cells: new WeakMap(), charging: false };
let installed = false;

function note(name: string, cells: number): void {
  const ws = state.ws;
  if (!ws || !ws.hasExecution()) return;
  const execution = ws.execution();
  // Host-side work done as a person (harness.paste, harness.values) is not an execution.
  if (execution.handler === '(person)') return;
  const record = state.cells.get(execution) ?? {};
  record[name] = (record[name] ?? 0) + cells;
  state.cells.set(execution, record);
  if (state.charging && state.table) ws.clock.advance(cells * perCellMs(state.table, name));
}

function install(): void {
  if (installed) return;
  installed = true;
  const range = Range.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const method of RANGE_METHODS) {
    const original = range[method];
    if (typeof original !== 'function') continue;
    range[method] = function (this: Range, ...args: unknown[]) {
      const result = original.apply(this, args);
      note(`SpreadsheetApp.Range.${method}`, this.getNumRows() * this.getNumColumns());
      return result;
    };
  }
  const sheet = Sheet.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const appendRow = sheet.appendRow;
  sheet.appendRow = function (this: Sheet, ...args: unknown[]) {
    const result = appendRow.apply(this, args);
    note('SpreadsheetApp.Sheet.appendRow', Array.isArray(args[0]) ? args[0].length : 0);
    return result;
  };
}

/** Meters the executions of `ws` from now on (one workspace at a time: the bench is sequential). */
export function meterCells(ws: Workspace, table: LatencyTable): CellMeter {
  install();
  state.ws = ws;
  state.table = table;
  state.charging = false;
  return {
    cellsOf: (execution) => ({ ...(state.cells.get(execution) ?? {}) }),
    get charging() {
      return state.charging && state.ws === ws;
    },
    set charging(on: boolean) {
      state.ws = ws;
      state.table = table;
      state.charging = on;
    },
  };
}
