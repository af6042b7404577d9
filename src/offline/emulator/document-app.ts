/**
 * The emulated DocumentApp: Google Docs the script creates, opens, fills and exports as PDF.
 * A Doc is a Drive file (drive-app.ts) whose content is a plain tree (document-model.ts); the
 * elements live in document-elements.ts. Fidelity notes: docs/fidelity/docs-and-drive.md.
 *
 * Host side: `DocumentApp._documents(ws)` lists every Doc with its tree (for the .docx export),
 * `DocumentApp._setDailyCreateQuota(ws, n)` overrides the Docs-created-per-day limit.
 */
import type { Blob } from './blob';
import type { Faithful, Workspace } from './core';
import { Body, FooterSection, HeaderSection, type DocContext, touch } from './document-elements';
import { cloneTree, newSection, newTree, type DocTree } from './document-model';
import {
  createFileData,
  docPdf,
  docsCreateQuota,
  driveStore,
  MIME,
  type FileData,
} from './drive-app';
import { User } from './user';

/** Apps Script's text when a Doc id is unknown or not shared (as public reports quote it; *unverified*). */
export const DOCUMENT_MISSING =
  "Document is missing (perhaps it was deleted, or you don't have read access?)";
/** Reported verbatim by scripts that hit the limit (*unverified* against Google's documentation). */
export const DOCS_CREATE_QUOTA = 'Service invoked too many times for one day: docs create.';

function enumOf(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, n]));
}

function currentUser(ws: Workspace): string {
  return ws.hasExecution() ? ws.execution().effectiveUser : ws.owner;
}

function emailOf(user: unknown): string {
  if (
    typeof user === 'object' &&
    user !== null &&
    typeof (user as { getEmail?: unknown }).getEmail === 'function'
  ) {
    return String((user as { getEmail(): string }).getEmail());
  }
  const email = String(user);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Error(`Invalid email: ${email}`);
  return email;
}

export class Document implements Faithful<
  GoogleAppsScript.Document.Document,
  | 'addEditor'
  | 'addEditors'
  | 'addFooter'
  | 'addHeader'
  | 'addViewer'
  | 'addViewers'
  | 'getAs'
  | 'getBlob'
  | 'getBody'
  | 'getEditors'
  | 'getId'
  | 'getLanguage'
  | 'getName'
  | 'getUrl'
  | 'getViewers'
  | 'removeEditor'
  | 'removeViewer'
  | 'saveAndClose'
  | 'setLanguage'
  | 'setName'
> {
  static readonly gasName = 'DocumentApp.Document';
  private readonly ctx: DocContext;

  constructor(
    private readonly ws: Workspace,
    private readonly file: FileData,
  ) {
    this.ctx = { ws, file, session: { closed: false } };
  }

  private tree(): DocTree {
    if (!this.file.doc) throw new Error('emulator bug: a Document without content');
    return this.file.doc.live;
  }

  getId(): string {
    return this.file.id;
  }
  getName(): string {
    return this.file.name;
  }
  setName(name: string): Document {
    this.file.name = String(name);
    this.file.updated = this.ws.now();
    return this;
  }
  /** Document.getUrl() has the open?id= form (File.getUrl() the /document/d/ form). */
  getUrl(): string {
    return `https://docs.google.com/open?id=${this.file.id}`;
  }
  getBody(): Body {
    return new Body(this.ctx, this.tree().body);
  }
  /** null when the Doc has no header. */
  getHeader(): HeaderSection | null {
    const header = this.tree().header;
    return header ? new HeaderSection(this.ctx, header) : null;
  }
  addHeader(): HeaderSection {
    const tree = this.tree();
    // Live Apps Script's text (public live-test suite, gas-fakes).
    if (tree.header) throw new Error('Document tab already contains a header.');
    touch(this.ctx);
    tree.header = newSection('HEADER_SECTION');
    return new HeaderSection(this.ctx, tree.header);
  }
  getFooter(): FooterSection | null {
    const footer = this.tree().footer;
    return footer ? new FooterSection(this.ctx, footer) : null;
  }
  addFooter(): FooterSection {
    const tree = this.tree();
    if (tree.footer) throw new Error('Document tab already contains a footer.');
    touch(this.ctx);
    tree.footer = newSection('FOOTER_SECTION');
    return new FooterSection(this.ctx, tree.footer);
  }
  /**
   * Writes pending changes (PDFs and copies see them from now on) and closes this handle:
   * further edits through it throw.
   */
  saveAndClose(): void {
    if (this.file.doc) this.file.doc.saved = cloneTree(this.file.doc.live);
    driveStore(this.ws).dirty.delete(this.file);
    this.ctx.session.closed = true;
  }
  /**
   * 'application/pdf' only. The PDF shows the *saved* content: edits of this execution appear only
   * after saveAndClose() (or in a later execution).
   */
  getAs(contentType: string): Blob {
    const type = String(contentType);
    if (type !== MIME.PDF)
      throw new Error(`Converting from ${MIME.GOOGLE_DOCS} to ${type} is not supported.`);
    return docPdf(this.file);
  }
  /** A Doc's blob is its PDF export. */
  getBlob(): Blob {
    return docPdf(this.file);
  }
  getEditors(): User[] {
    return [this.file.owner, ...this.file.editors].map((e) => new User(e));
  }
  /** Live Apps Script lists the owner among the viewers (public live-test suite, gas-fakes). */
  getViewers(): User[] {
    return [this.file.owner, ...this.file.viewers].map((e) => new User(e));
  }
  addEditor(emailAddress: string | GoogleAppsScript.Base.User): Document {
    const email = emailOf(emailAddress);
    if (email !== this.file.owner && !this.file.editors.includes(email))
      this.file.editors.push(email);
    this.file.viewers = this.file.viewers.filter((v) => v !== email);
    return this;
  }
  addEditors(emailAddresses: string[]): Document {
    for (const e of emailAddresses) this.addEditor(e);
    return this;
  }
  addViewer(emailAddress: string | GoogleAppsScript.Base.User): Document {
    const email = emailOf(emailAddress);
    if (
      email !== this.file.owner &&
      !this.file.editors.includes(email) &&
      !this.file.viewers.includes(email)
    ) {
      this.file.viewers.push(email);
    }
    return this;
  }
  addViewers(emailAddresses: string[]): Document {
    for (const e of emailAddresses) this.addViewer(e);
    return this;
  }
  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): Document {
    const email = emailOf(emailAddress);
    this.file.editors = this.file.editors.filter((e) => e !== email);
    return this;
  }
  removeViewer(emailAddress: string | GoogleAppsScript.Base.User): Document {
    const email = emailOf(emailAddress);
    this.file.viewers = this.file.viewers.filter((e) => e !== email);
    return this;
  }
  /** Assumption: a Doc made in a zh_CN account reports 'zh-CN'. */
  getLanguage(): string {
    return this.language ?? 'zh-CN';
  }
  private language: string | null = null;
  setLanguage(languageCode: string): Document {
    this.language = String(languageCode);
    return this;
  }
}

export interface DocumentInfo {
  id: string;
  name: string;
  trashed: boolean;
  /** The first parent folder's id. */
  folder: string;
  owner: string;
  created: number;
  /** The live content (what the script wrote; equal to the saved one once executions ended). */
  tree: DocTree;
}

export class DocumentApp implements Faithful<
  GoogleAppsScript.Document.DocumentApp,
  'create' | 'getUi' | 'openById' | 'openByUrl'
> {
  static readonly gasName = 'DocumentApp';
  static readonly gasEnums = {
    Attribute: enumOf([
      'BACKGROUND_COLOR',
      'BOLD',
      'BORDER_COLOR',
      'BORDER_WIDTH',
      'CODE',
      'FONT_FAMILY',
      'FONT_SIZE',
      'FOREGROUND_COLOR',
      'HEADING',
      'HEIGHT',
      'HORIZONTAL_ALIGNMENT',
      'INDENT_END',
      'INDENT_FIRST_LINE',
      'INDENT_START',
      'ITALIC',
      'GLYPH_TYPE',
      'LEFT_TO_RIGHT',
      'LINE_SPACING',
      'LINK_URL',
      'LIST_ID',
      'MARGIN_BOTTOM',
      'MARGIN_LEFT',
      'MARGIN_RIGHT',
      'MARGIN_TOP',
      'NESTING_LEVEL',
      'MINIMUM_HEIGHT',
      'PADDING_BOTTOM',
      'PADDING_LEFT',
      'PADDING_RIGHT',
      'PADDING_TOP',
      'PAGE_HEIGHT',
      'PAGE_WIDTH',
      'SPACING_AFTER',
      'SPACING_BEFORE',
      'STRIKETHROUGH',
      'UNDERLINE',
      'VERTICAL_ALIGNMENT',
      'WIDTH',
    ]),
    ElementType: enumOf([
      'BODY_SECTION',
      'COMMENT_SECTION',
      'DATE',
      'DOCUMENT',
      'EQUATION',
      'EQUATION_FUNCTION',
      'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
      'EQUATION_SYMBOL',
      'FOOTER_SECTION',
      'FOOTNOTE',
      'FOOTNOTE_SECTION',
      'HEADER_SECTION',
      'HORIZONTAL_RULE',
      'INLINE_DRAWING',
      'INLINE_IMAGE',
      'LIST_ITEM',
      'PAGE_BREAK',
      'PARAGRAPH',
      'PERSON',
      'RICH_LINK',
      'TABLE',
      'TABLE_CELL',
      'TABLE_OF_CONTENTS',
      'TABLE_ROW',
      'TEXT',
      'UNSUPPORTED',
    ]),
    FontFamily: enumOf([
      'ARIAL',
      'CALIBRI',
      'CAMBRIA',
      'COURIER_NEW',
      'GEORGIA',
      'TIMES_NEW_ROMAN',
      'VERDANA',
    ]),
    GlyphType: enumOf([
      'BULLET',
      'HOLLOW_BULLET',
      'SQUARE_BULLET',
      'NUMBER',
      'LATIN_UPPER',
      'LATIN_LOWER',
      'ROMAN_UPPER',
      'ROMAN_LOWER',
    ]),
    HorizontalAlignment: enumOf(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY']),
    ParagraphHeading: enumOf([
      'NORMAL',
      'HEADING1',
      'HEADING2',
      'HEADING3',
      'HEADING4',
      'HEADING5',
      'HEADING6',
      'TITLE',
      'SUBTITLE',
    ]),
    PositionedLayout: enumOf([
      'ABOVE_TEXT',
      'BREAK_BOTH',
      'BREAK_LEFT',
      'BREAK_RIGHT',
      'WRAP_TEXT',
    ]),
    TextAlignment: enumOf(['NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT']),
    VerticalAlignment: enumOf(['BOTTOM', 'CENTER', 'TOP']),
  };

  constructor(private readonly ws: Workspace) {}

  /**
   * A new Doc in the root folder, owned by the effective user, whose body holds one empty
   * paragraph. Counts against "Docs created per day" (250 consumer / 1,500 Workspace).
   */
  create(name: string): Document {
    const store = driveStore(this.ws);
    const user = currentUser(this.ws);
    const key = `${user}|${this.ws.dayKey(this.ws.now())}`;
    const used = store.docsCreated.get(key) ?? 0;
    if (used >= docsCreateQuota(this.ws)) throw new Error(DOCS_CREATE_QUOTA);
    store.docsCreated.set(key, used + 1);
    const tree = newTree();
    const file = createFileData(this.ws, {
      name: String(name),
      mimeType: MIME.GOOGLE_DOCS,
      doc: { live: tree, saved: cloneTree(tree) },
    });
    return new Document(this.ws, file);
  }

  openById(id: string): Document {
    const file = driveStore(this.ws).files.get(String(id));
    if (!file?.doc) throw new Error(DOCUMENT_MISSING);
    return new Document(this.ws, file);
  }

  /** Accepts the /document/d/<id>/… and open?id=<id> forms. */
  openByUrl(url: string): Document {
    const text = String(url);
    const m = /\/document\/d\/([A-Za-z0-9_-]+)/.exec(text) ?? /[?&]id=([A-Za-z0-9_-]+)/.exec(text);
    if (!m) throw new Error('Invalid argument: url');
    return this.openById(m[1]);
  }

  /** The script is bound to a spreadsheet, so there is no active document. */
  getActiveDocument(): Document | null {
    return null;
  }

  getUi(): never {
    throw new Error('Cannot call DocumentApp.getUi() from this context.');
  }

  /** Host: every Doc of the account, in creation order. */
  static _documents(ws: Workspace): DocumentInfo[] {
    return [...driveStore(ws).files.values()]
      .filter((f) => f.doc !== null)
      .map((f) => ({
        id: f.id,
        name: f.name,
        trashed: f.trashed,
        folder: f.parents[0] ?? '',
        owner: f.owner,
        created: f.created,
        tree: (f.doc as NonNullable<FileData['doc']>).live,
      }));
  }

  /** Host: overrides the Docs-created-per-day limit (default from the account type). */
  static _setDailyCreateQuota(ws: Workspace, quota: number | null): void {
    driveStore(ws).docsCreateQuota = quota;
  }
}
