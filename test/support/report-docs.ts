/** Reading the Google Docs a campaign made in the emulator, as a person reads them. */
import { DocumentApp } from '../../src/offline/emulator/document-app';
import { textOf, type DocNode } from '../../src/offline/emulator/document-model';
import type { Cell } from '../../src/domain/table';
import type { configured } from './campaign';

type Campaign = ReturnType<typeof configured>;

/** A paragraph's text, or a table as rows of cell texts. */
export type Block = string | string[][];

/** A Doc's body as blocks: paragraphs as text, tables as rows of cell texts (host side). */
export function blocksOf(body: DocNode): Block[] {
  return body.children.map((child) =>
    child.type === 'TABLE'
      ? child.children.map((row) => row.children.map((cell) => textOf(cell)))
      : textOf(child),
  );
}

/** The documents the campaign made, not counting its report templates. */
export const reportDocs = (campaign: Campaign) =>
  DocumentApp._documents(campaign.ws).filter((d) => !d.name.startsWith('报告模板'));

/** The table whose header row starts with these cells. */
export function table(blocks: Block[], ...header: string[]): string[][] {
  const found = blocks.find(
    (b): b is string[][] => Array.isArray(b) && header.every((h, i) => b[0][i] === h),
  );
  if (!found) throw new Error(`no table ${header.join('|')}`);
  return found;
}

/** A sheet's rows as records keyed by the header cells people see. */
export const sheetRecords = (campaign: Campaign, title: string): Record<string, Cell>[] => {
  const values = campaign.values(title) ?? [];
  const header = values[0] ?? [];
  return values
    .slice(1)
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
};
