import type { Faithful, LogRecord, Workspace } from './core';
import { formatJavaDate, javaFormat } from './utilities';

interface LoggedLine {
  at: number;
  text: string;
}

function stateOf(ws: Workspace): Map<number, LoggedLine[]> {
  return ws.state('logger', () => new Map<number, LoggedLine[]>());
}

function render(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data === null || data === undefined) return String(data);
  if (typeof data === 'object' && Object.prototype.toString.call(data) !== '[object Date]') {
    try {
      return JSON.stringify(data);
    } catch {
      return String(data);
    }
  }
  return String(data);
}

function jsonOf(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}

/** The Base service's Logger: a log kept per execution (getLog returns this run's lines only). */
export class Logger implements Faithful<GoogleAppsScript.Base.Logger, 'clear' | 'getLog' | 'log'> {
  static readonly gasName = 'Logger';

  constructor(private readonly ws: Workspace) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Logger.log takes any value
  log(formatOrData: any, ...values: any[]): Logger {
    // With values, the first argument is a java.lang.String.format template ('%s', '%d', …).
    const text =
      values.length > 0 ? javaFormat(String(formatOrData), values) : render(formatOrData);
    const execution = this.ws.execution();
    let lines = stateOf(this.ws).get(execution.id);
    if (!lines) {
      lines = [];
      stateOf(this.ws).set(execution.id, lines);
    }
    lines.push({ at: this.ws.now(), text });
    const record: LogRecord = { level: 'log', text };
    const json = jsonOf(text);
    if (json !== undefined) record.json = json;
    execution.logs.push(record);
    return this;
  }

  /** Each line as Apps Script prints it: "[yy-MM-dd HH:mm:ss:SSS z] text", newline-terminated. */
  getLog(): string {
    const lines = stateOf(this.ws).get(this.ws.execution().id) ?? [];
    return lines
      .map(
        (line) =>
          `[${formatJavaDate(line.at, this.ws.timeZone, 'yy-MM-dd HH:mm:ss:SSS z')}] ${line.text}\n`,
      )
      .join('');
  }

  /** Clears getLog's text; what went to the execution's log (Cloud Logging) stays. */
  clear(): void {
    stateOf(this.ws).delete(this.ws.execution().id);
  }
}
