/**
 * RFC 4180 CSV for the rehearsal's scenario files, with 1-based source line numbers so that every
 * problem can be reported as `file:line: problem`.
 *
 * Accepted beyond the letter of RFC 4180 (what spreadsheet programs actually write):
 * - LF, CRLF or lone CR line breaks; a UTF-8 BOM at the start (Excel writes one);
 * - a missing final line break;
 * - blank lines (nothing at all on the line) are skipped — hand-edited files often end with several.
 * Line breaks inside a quoted field are kept as `\n`, the way a Sheets cell stores them.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

export interface CsvIssue {
  line: number;
  message: string;
}

export interface CsvParse {
  records: CsvRecord[];
  /** Every problem found; parsing recovers where it can so that all of them are reported at once. */
  issues: CsvIssue[];
}

export class CsvError extends Error {
  constructor(readonly issues: CsvIssue[]) {
    super(issues.map((i) => `line ${i.line}: ${i.message}`).join('\n'));
    this.name = 'CsvError';
  }
}

/** Parses CSV text into records, collecting every problem instead of stopping at the first. */
export function parseCsvLenient(input: string): CsvParse {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const issues: CsvIssue[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;

  while (i < n) {
    const recordLine = line;
    // A line with nothing on it is not a record (see the module comment).
    if (text[i] === '\n' || text[i] === '\r') {
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let value = '';
      if (text[i] === '"') {
        const openLine = line;
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\r' || c === '\n') {
            value += '\n';
            i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
            line++;
            continue;
          }
          value += c;
          i++;
        }
        if (!closed) {
          issues.push({
            line: openLine,
            message: 'unterminated quoted field (a " opened here is never closed)',
          });
          fields.push(value);
          records.push({ line: recordLine, fields });
          return { records, issues };
        }
        // After a closing quote only a separator or the end of the record may follow.
        if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          let rest = '';
          while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n')
            rest += text[i++];
          issues.push({
            line,
            message: `unexpected text ${JSON.stringify(rest)} after a closing quote (a quote inside a quoted field must be doubled: "")`,
          });
          value += rest;
        }
      } else {
        let stray = false;
        while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"') stray = true;
          value += text[i++];
        }
        if (stray) {
          issues.push({
            line,
            message: `stray quote in unquoted field ${JSON.stringify(value)} (quote the whole field and double inner quotes: "…""…")`,
          });
        }
      }
      fields.push(value);
      if (i >= n) {
        endOfRecord = true;
      } else if (text[i] === ',') {
        i++;
      } else {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRecord = true;
      }
    }
    records.push({ line: recordLine, fields });
  }
  return { records, issues };
}

/** Parses CSV text; throws a CsvError naming every problem's line. */
export function parseCsv(input: string): CsvRecord[] {
  const { records, issues } = parseCsvLenient(input);
  if (issues.length) throw new CsvError(issues);
  return records;
}

export interface CsvTable {
  header: string[];
  headerLine: number;
  rows: CsvRecord[];
  issues: CsvIssue[];
}

/**
 * A header row plus data rows. Rows whose field count differs from the header's are reported (and
 * still returned, so later checks can run on the rest of the file).
 */
export function parseCsvTable(input: string): CsvTable {
  const { records, issues } = parseCsvLenient(input);
  if (records.length === 0) {
    return {
      header: [],
      headerLine: 1,
      rows: [],
      issues: [...issues, { line: 1, message: 'empty file (expected a header row)' }],
    };
  }
  const [head, ...rows] = records;
  const out = [...issues];
  for (const r of rows) {
    if (r.fields.length !== head.fields.length) {
      out.push({
        line: r.line,
        message: `${r.fields.length} field${r.fields.length === 1 ? '' : 's'} but the header (line ${head.line}) has ${head.fields.length}`,
      });
    }
  }
  out.sort((a, b) => a.line - b.line);
  return { header: head.fields, headerLine: head.line, rows, issues: out };
}
