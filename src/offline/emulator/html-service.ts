/**
 * HtmlService: templates and outputs, enough for a web app's doGet.
 *
 * Templates (https://developers.google.com/apps-script/guides/html/templates): `<? … ?>` runs code,
 * `<?= … ?>` prints a value escaped, `<?!= … ?>` prints it raw. Variables are properties the script
 * sets on the template before evaluate(); the sandbox hands them over with the call (see
 * `_receiveFields` and sandbox/runtime.js).
 *
 * Fidelity (docs/emulator-fidelity.md): Apps Script escapes `<?= ?>` contextually (HTML text,
 * attribute, URL, JavaScript). The emulator HTML-escapes `& < > " '` everywhere, the pessimistic
 * reading: a page that is safe here is safe there, and nothing here prints into a <script>.
 * Scriptlets see the template's variables and JavaScript's built-ins, not the script's globals.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { Faithful, Workspace } from './core';

function enumOf(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, n]));
}

/** Where the project's .html files are (clasp pushes them beside Code.js). */
export type HtmlFiles = (name: string) => string | null;

export function htmlFilesIn(dir: string): HtmlFiles {
  return (name) => {
    const file = path.join(dir, `${name}.html`);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  };
}

/** The pessimistic escape of `<?= ?>` (see the header). */
export function escapeForTemplate(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The template turned into code, as Apps Script does (getCode shows it). */
export function compileTemplate(source: string): string {
  const out: string[] = ['var __out = [];'];
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let match = re.exec(source); match; match = re.exec(source)) {
    if (match.index > last)
      out.push(`__out.push(${JSON.stringify(source.slice(last, match.index))});`);
    const code = match[2].trim();
    if (match[1] === '=') out.push(`__out.push(__escape(${code}));`);
    else if (match[1] === '!=') out.push(`__out.push(String(${code}));`);
    else out.push(code);
    last = re.lastIndex;
  }
  if (last < source.length) out.push(`__out.push(${JSON.stringify(source.slice(last))});`);
  out.push("__out.join('');");
  return out.join('\n');
}

export class HtmlOutputMetaTag implements Faithful<
  GoogleAppsScript.HTML.HtmlOutputMetaTag,
  'getContent' | 'getName'
> {
  static readonly gasName = 'HtmlService.HtmlOutputMetaTag';
  constructor(
    private readonly name: string,
    private readonly content: string,
  ) {}
  getName(): string {
    return this.name;
  }
  getContent(): string {
    return this.content;
  }
}

export class HtmlOutput implements Faithful<
  GoogleAppsScript.HTML.HtmlOutput,
  | 'addMetaTag'
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'getContent'
  | 'getMetaTags'
  | 'getTitle'
  | 'setContent'
  | 'setTitle'
  | 'setXFrameOptionsMode'
  | 'setSandboxMode'
> {
  static readonly gasName = 'HtmlService.HtmlOutput';
  private title = '';
  private readonly metaTags: { name: string; content: string }[] = [];
  private xFrameOptions = 'DEFAULT';

  constructor(private content: string) {}

  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  /**
   * "Only certain meta tags are allowed": viewport, apple-mobile-web-app-capable,
   * mobile-web-app-capable (reference, HtmlOutput.addMetaTag); others throw.
   */
  addMetaTag(name: string, content: string): HtmlOutput {
    const allowed = ['viewport', 'apple-mobile-web-app-capable', 'mobile-web-app-capable'];
    if (!allowed.includes(String(name))) throw new Error(`Meta tag "${name}" is not allowed.`);
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): HtmlOutputMetaTag[] {
    return this.metaTags.map((t) => new HtmlOutputMetaTag(t.name, t.content));
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    const name = String(mode);
    if (name !== 'ALLOWALL' && name !== 'DEFAULT') throw new Error('Invalid argument: mode');
    this.xFrameOptions = name;
    return this;
  }
  /** Sunset: IFRAME is the only mode left; the call has no effect (reference, SandboxMode). */
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    void mode;
    return this;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): HtmlOutput {
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): HtmlOutput {
    this.content += escapeForTemplate(addedContent);
    return this;
  }
  clear(): HtmlOutput {
    this.content = '';
    return this;
  }

  // ---- host API ---------------------------------------------------------------------------

  _xFrameOptionsMode(): string {
    return this.xFrameOptions;
  }

  /**
   * The page a browser gets: Apps Script puts the title and meta tags on the outer page and the
   * content in a sandboxed iframe; written here as one standalone document.
   */
  _servedPage(): string {
    const meta = this.metaTags
      .map(
        (t) =>
          `<meta name="${escapeForTemplate(t.name)}" content="${escapeForTemplate(t.content)}">`,
      )
      .join('\n');
    const head = `${meta}\n<title>${escapeForTemplate(this.title)}</title>`;
    const at = /<head[^>]*>/i.exec(this.content);
    if (at) {
      const end = at.index + at[0].length;
      return `${this.content.slice(0, end)}\n${head}${this.content.slice(end)}`;
    }
    return `<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n${head}\n</head><body>\n${this.content}\n</body></html>`;
  }
}

export class HtmlTemplate implements Faithful<
  GoogleAppsScript.HTML.HtmlTemplate,
  'evaluate' | 'getCode' | 'getCodeWithComments' | 'getRawContent'
> {
  static readonly gasName = 'HtmlService.HtmlTemplate';
  private fields: Record<string, unknown> = {};

  constructor(private readonly source: string) {}

  evaluate(): HtmlOutput {
    const context = vm.createContext({ ...this.fields, __escape: escapeForTemplate });
    const html = vm.runInContext(compileTemplate(this.source), context, {
      filename: 'template.html',
      timeout: 5000,
    }) as string;
    return new HtmlOutput(html);
  }
  getCode(): string {
    return compileTemplate(this.source);
  }
  getCodeWithComments(): string {
    return compileTemplate(this.source);
  }
  getRawContent(): string {
    return this.source;
  }

  /** Host: the properties the script set on the template (its variables), before a call. */
  _receiveFields(fields: Record<string, unknown>): void {
    this.fields = { ...fields };
  }
}

export class HtmlService implements Faithful<
  GoogleAppsScript.HTML.HtmlService,
  | 'createHtmlOutput'
  | 'createHtmlOutputFromFile'
  | 'createTemplate'
  | 'createTemplateFromFile'
  | 'getUserAgent'
> {
  static readonly gasName = 'HtmlService';
  static readonly gasEnums = {
    XFrameOptionsMode: enumOf(['ALLOWALL', 'DEFAULT']),
    SandboxMode: enumOf(['EMULATED', 'IFRAME', 'NATIVE']),
  };

  constructor(
    private readonly ws: Workspace,
    private readonly files: HtmlFiles,
  ) {}

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): HtmlOutput {
    return new HtmlOutput(this.text(html));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new HtmlOutput(this.file(filename));
  }
  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): HtmlTemplate {
    return new HtmlTemplate(this.text(html));
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return new HtmlTemplate(this.file(filename));
  }
  /** A web app's doGet has no browser to ask offline. */
  getUserAgent(): string {
    return 'Mozilla/5.0 (offline emulator)';
  }

  private text(html: unknown): string {
    if (html === undefined || html === null) return '';
    if (
      typeof html === 'object' &&
      typeof (html as { getDataAsString?: unknown }).getDataAsString === 'function'
    )
      return (html as { getDataAsString(): string }).getDataAsString();
    return String(html);
  }

  private file(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const text = this.files(name);
    // The text Apps Script gives for a missing file.
    if (text === null) throw new Error(`No HTML file named ${name} was found.`);
    void this.ws;
    return text;
  }
}
