/**
 * The emulated DriveApp (files, folders, sharing) and the `MimeType` global. Google Docs made by
 * DocumentApp are Drive files here too: their content (a DocTree, document-model.ts) hangs off
 * the file, so `makeCopy` of a template copies the document. The bound spreadsheet and forms are
 * listed in the root folder as soon as Drive is asked about them.
 * Fidelity notes: docs/fidelity/docs-and-drive.md.
 *
 * Host side: `DriveApp._files(ws)`, `DriveApp._folders(ws)`.
 */
import { Blob, type BlobSourceLike } from './blob';
import type { Faithful, Workspace } from './core';
import { cloneTree, renderPdf, type DocTree } from './document-model';
import { formStore, hash36 } from './form-model';
import { spreadsheetStore } from './spreadsheet-model';
import { Utilities } from './utilities';

export const MIME = {
  GOOGLE_APPS_SCRIPT: 'application/vnd.google-apps.script',
  GOOGLE_DRAWINGS: 'application/vnd.google-apps.drawing',
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  GOOGLE_FORMS: 'application/vnd.google-apps.form',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  GOOGLE_SITES: 'application/vnd.google-apps.site',
  GOOGLE_SLIDES: 'application/vnd.google-apps.presentation',
  FOLDER: 'application/vnd.google-apps.folder',
  SHORTCUT: 'application/vnd.google-apps.shortcut',
  BMP: 'image/bmp',
  GIF: 'image/gif',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  SVG: 'image/svg+xml',
  PDF: 'application/pdf',
  CSS: 'text/css',
  CSV: 'text/csv',
  HTML: 'text/html',
  JAVASCRIPT: 'application/javascript',
  PLAIN_TEXT: 'text/plain',
  RTF: 'application/rtf',
  OPENDOCUMENT_GRAPHICS: 'application/vnd.oasis.opendocument.graphics',
  OPENDOCUMENT_PRESENTATION: 'application/vnd.oasis.opendocument.presentation',
  OPENDOCUMENT_SPREADSHEET: 'application/vnd.oasis.opendocument.spreadsheet',
  OPENDOCUMENT_TEXT: 'application/vnd.oasis.opendocument.text',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  MICROSOFT_EXCEL_LEGACY: 'application/vnd.ms-excel',
  MICROSOFT_POWERPOINT: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  MICROSOFT_POWERPOINT_LEGACY: 'application/vnd.ms-powerpoint',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  MICROSOFT_WORD_LEGACY: 'application/msword',
  ZIP: 'application/zip',
} as const;

/** DriveApp's text for an unknown id, as public error reports quote it (*unverified*). */
export const NO_SUCH_ITEM =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
const ITERATOR_END = 'Cannot retrieve the next object: iterator has reached the end.';

function asEnum<E>(name: string): E {
  return name as unknown as E;
}
function enumOf(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, n]));
}

// ------------------------------------------------------------------ state

interface Sharing {
  owner: string;
  editors: string[];
  viewers: string[];
  access: string;
  permission: string;
}

export interface DocContent {
  /** What the script edits. */
  live: DocTree;
  /**
   * What Drive serves (PDF, copies): Docs writes pending changes at saveAndClose() or when the
   * execution ends, so a PDF or copy taken before that shows the old content (a well-known quirk).
   */
  saved: DocTree;
}

export interface FileData extends Sharing {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  starred: boolean;
  description: string | null;
  created: number;
  updated: number;
  /** Bytes of a non-Google file. */
  content: Buffer | null;
  /** A Google Doc's content. */
  doc: DocContent | null;
  /** A spreadsheet or form of the other fakes, listed here by id. */
  external: 'spreadsheet' | 'form' | null;
}

export interface FolderData extends Sharing {
  id: string;
  name: string;
  parents: string[];
  trashed: boolean;
  starred: boolean;
  description: string | null;
  created: number;
  updated: number;
}

export interface DriveStore {
  files: Map<string, FileData>;
  folders: Map<string, FolderData>;
  rootId: string;
  seq: number;
  /** Docs with changes not yet saved (see DocContent.saved). */
  dirty: Set<FileData>;
  /** Docs created, by `${user}|${day}` (the "Docs created per day" quota). */
  docsCreated: Map<string, number>;
  /** Host override of that quota; null = 250 for a consumer account, 1,500 for Workspace. */
  docsCreateQuota: number | null;
}

export function driveStore(ws: Workspace): DriveStore {
  return ws.state<DriveStore>('DriveApp.store', () => {
    const store: DriveStore = {
      files: new Map(),
      folders: new Map(),
      rootId: driveId('Rt', 0),
      seq: 0,
      dirty: new Set(),
      docsCreated: new Map(),
      docsCreateQuota: null,
    };
    store.folders.set(store.rootId, {
      ...sharing(ws.owner),
      id: store.rootId,
      name: 'My Drive',
      parents: [],
      trashed: false,
      starred: false,
      description: null,
      created: ws.now(),
      updated: ws.now(),
    });
    ws.onExecutionEnd(() => saveAll(store));
    return store;
  });
}

function saveAll(store: DriveStore): void {
  for (const file of store.dirty) if (file.doc) file.doc.saved = cloneTree(file.doc.live);
  store.dirty.clear();
}

/** 44 characters like Drive ids; deterministic so that rehearsals are reproducible. */
function driveId(kind: string, n: number): string {
  return `1Emu${kind}${String(n).padStart(6, '0')}${hash36(`${kind}${n}`, 32)}`;
}

function sharing(owner: string): Sharing {
  return { owner, editors: [], viewers: [], access: 'PRIVATE', permission: 'NONE' };
}

function currentUser(ws: Workspace): string {
  return ws.hasExecution() ? ws.execution().effectiveUser : ws.owner;
}

/** Host/fakes: a new Drive file in `folderId` (root by default). */
export function createFileData(
  ws: Workspace,
  init: { name: string; mimeType: string; content?: Buffer | null; doc?: DocContent | null },
  folderId?: string,
): FileData {
  const store = driveStore(ws);
  const n = ++store.seq;
  const file: FileData = {
    ...sharing(currentUser(ws)),
    id: driveId(init.doc ? 'Dc' : 'Fl', n),
    name: init.name,
    mimeType: init.mimeType,
    parents: [folderId ?? store.rootId],
    trashed: false,
    starred: false,
    description: null,
    created: ws.now(),
    updated: ws.now(),
    content: init.content ?? null,
    doc: init.doc ?? null,
    external: null,
  };
  store.files.set(file.id, file);
  return file;
}

/** The bound spreadsheet and the forms live in Drive too; list them once Drive is asked. */
function syncExternal(ws: Workspace): void {
  const store = driveStore(ws);
  const adopt = (id: string, name: string, owner: string, kind: 'spreadsheet' | 'form') => {
    const known = store.files.get(id);
    if (known) {
      known.name = name;
      return;
    }
    store.files.set(id, {
      ...sharing(owner),
      id,
      name,
      mimeType: kind === 'spreadsheet' ? MIME.GOOGLE_SHEETS : MIME.GOOGLE_FORMS,
      parents: [store.rootId],
      trashed: false,
      starred: false,
      description: null,
      created: ws.now(),
      updated: ws.now(),
      content: null,
      doc: null,
      external: kind,
    });
  };
  for (const book of spreadsheetStore(ws).books.values())
    adopt(book.id, book.name, book.owner, 'spreadsheet');
  for (const form of formStore(ws).forms.values())
    adopt(form.id, form.fileName, form.owner, 'form');
}

/** Live Apps Script: a null, undefined or empty id (public live-test suite, gas-fakes). */
function requireId(id: unknown): void {
  if (id === null || id === undefined || id === '') throw new Error('Invalid argument: id');
}

function fileOrThrow(ws: Workspace, id: string): FileData {
  syncExternal(ws);
  const file = driveStore(ws).files.get(String(id));
  if (!file) throw new Error(NO_SUCH_ITEM);
  return file;
}

function folderOrThrow(ws: Workspace, id: string): FolderData {
  const folder = driveStore(ws).folders.get(String(id));
  if (!folder) throw new Error(NO_SUCH_ITEM);
  return folder;
}

/** The Docs-created-per-day limit of the account (250 consumer, 1,500 Workspace). */
export function docsCreateQuota(ws: Workspace): number {
  const store = driveStore(ws);
  // The scenario's mail quota tells the account type: 100 recipients a day is a consumer account.
  return store.docsCreateQuota ?? (ws.mailDailyQuota <= 100 ? 250 : 1500);
}

/** PDF bytes of a Doc as Drive would export them now (the saved content). */
export function docPdf(file: FileData): Blob {
  if (!file.doc) throw new Error(`emulator: ${file.mimeType} cannot be exported to PDF offline`);
  return Blob._of(renderPdf(file.doc.saved, file.name), MIME.PDF, `${file.name}.pdf`);
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

function addTo(list: string[], email: string): void {
  if (!list.includes(email)) list.push(email);
}

const ACCESS = ['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE'];
const PERMISSION = ['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'NONE'];

function setSharingOf(target: Sharing, access: unknown, permission: unknown): void {
  const a = String(access);
  const p = String(permission);
  if (!ACCESS.includes(a)) throw new Error('Invalid argument: accessType');
  if (!PERMISSION.includes(p)) throw new Error('Invalid argument: permissionType');
  target.access = a;
  target.permission = p;
}

// ------------------------------------------------------------------ users

/** Drive's User (Drive.User), distinct from Base.User. */
export class DriveUser implements Faithful<
  GoogleAppsScript.Drive.User,
  'getDomain' | 'getEmail' | 'getName' | 'getPhotoUrl'
> {
  static readonly gasName = 'DriveApp.User';
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  getDomain(): string {
    return this.email.split('@')[1] ?? '';
  }
  /** Assumption: the account's display name is not known offline; the local part stands in. */
  getName(): string {
    return this.email.split('@')[0];
  }
  getPhotoUrl(): string {
    return '';
  }
}

// ------------------------------------------------------------------ iterators

export class FileIterator implements Faithful<
  GoogleAppsScript.Drive.FileIterator,
  'getContinuationToken' | 'hasNext' | 'next'
> {
  static readonly gasName = 'DriveApp.FileIterator';
  private at = 0;
  constructor(
    private readonly ws: Workspace,
    private readonly ids: string[],
  ) {}
  hasNext(): boolean {
    return this.at < this.ids.length;
  }
  next(): File {
    if (this.at >= this.ids.length) throw new Error(ITERATOR_END);
    return new File(this.ws, fileOrThrow(this.ws, this.ids[this.at++]));
  }
  getContinuationToken(): string {
    return `emu-files:${this.ids.slice(this.at).join(',')}`;
  }
}

export class FolderIterator implements Faithful<
  GoogleAppsScript.Drive.FolderIterator,
  'getContinuationToken' | 'hasNext' | 'next'
> {
  static readonly gasName = 'DriveApp.FolderIterator';
  private at = 0;
  constructor(
    private readonly ws: Workspace,
    private readonly ids: string[],
  ) {}
  hasNext(): boolean {
    return this.at < this.ids.length;
  }
  next(): Folder {
    if (this.at >= this.ids.length) throw new Error(ITERATOR_END);
    return new Folder(this.ws, folderOrThrow(this.ws, this.ids[this.at++]));
  }
  getContinuationToken(): string {
    return `emu-folders:${this.ids.slice(this.at).join(',')}`;
  }
}

// ------------------------------------------------------------------ queries

/**
 * DriveApp's listings include trashed items (scripts filter with isTrashed(); *unverified*).
 * `in` = parent folder id, or null for the whole Drive.
 */
function listFiles(
  ws: Workspace,
  filter: (f: FileData) => boolean,
  inFolder: string | null,
): string[] {
  syncExternal(ws);
  return [...driveStore(ws).files.values()]
    .filter((f) => (inFolder === null || f.parents.includes(inFolder)) && filter(f))
    .map((f) => f.id);
}

function listFolders(
  ws: Workspace,
  filter: (f: FolderData) => boolean,
  inFolder: string | null,
): string[] {
  const store = driveStore(ws);
  return [...store.folders.values()]
    .filter(
      (f) =>
        f.id !== store.rootId && (inFolder === null || f.parents.includes(inFolder)) && filter(f),
    )
    .map((f) => f.id);
}

/**
 * A subset of Drive's query language: clauses joined by `and`, each one of
 * `title = '…'`, `title contains '…'`, `mimeType = '…'`, `trashed = true|false`, `'<id>' in parents`.
 */
function parseQuery(
  params: string,
): (item: { name: string; mimeType?: string; trashed: boolean; parents: string[] }) => boolean {
  const clauses = String(params)
    .split(/\s+and\s+/i)
    .map((c) => c.trim())
    .filter(Boolean);
  const tests = clauses.map((clause) => {
    let m = /^(title|name)\s*(=|!=|contains)\s*'((?:[^'\\]|\\.)*)'$/i.exec(clause);
    if (m) {
      const op = m[2].toLowerCase();
      const value = m[3].replace(/\\(.)/g, '$1');
      return (i: { name: string }) =>
        op === 'contains'
          ? i.name.includes(value)
          : op === '='
            ? i.name === value
            : i.name !== value;
    }
    m = /^mimeType\s*(=|!=)\s*'([^']*)'$/i.exec(clause);
    if (m) {
      const [, op, value] = m;
      return (i: { mimeType?: string }) =>
        op === '=' ? i.mimeType === value : i.mimeType !== value;
    }
    m = /^trashed\s*=\s*(true|false)$/i.exec(clause);
    if (m) {
      const value = m[1].toLowerCase() === 'true';
      return (i: { trashed: boolean }) => i.trashed === value;
    }
    m = /^'([^']+)'\s+in\s+parents$/i.exec(clause);
    if (m) {
      const id = m[1];
      return (i: { parents: string[] }) => i.parents.includes(id);
    }
    // Emulator text; Drive answers an unsupported query with an "Invalid argument: q" error.
    throw new Error(`Invalid argument: q (the emulator does not understand "${clause}")`);
  });
  return (item) => tests.every((t) => t(item as never));
}

// ------------------------------------------------------------------ File

export class File implements Faithful<
  GoogleAppsScript.Drive.File,
  | 'addCommenter'
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'getAs'
  | 'getBlob'
  | 'getDateCreated'
  | 'getDescription'
  | 'getDownloadUrl'
  | 'getEditors'
  | 'getId'
  | 'getLastUpdated'
  | 'getMimeType'
  | 'getName'
  | 'getOwner'
  | 'getParents'
  | 'getSharingAccess'
  | 'getSharingPermission'
  | 'getSize'
  | 'getUrl'
  | 'getViewers'
  | 'isStarred'
  | 'isTrashed'
  | 'makeCopy'
  | 'moveTo'
  | 'removeEditor'
  | 'removeViewer'
  | 'setContent'
  | 'setDescription'
  | 'setName'
  | 'setSharing'
  | 'setStarred'
  | 'setTrashed'
> {
  static readonly gasName = 'DriveApp.File';

  constructor(
    private readonly ws: Workspace,
    private readonly file: FileData,
  ) {}

  /** Host/fakes: the stored file. */
  _data(): FileData {
    return this.file;
  }

  getId(): string {
    return this.file.id;
  }
  getName(): string {
    return this.file.name;
  }
  setName(name: string): File {
    this.file.name = String(name);
    if (this.file.external === 'spreadsheet') {
      const book = spreadsheetStore(this.ws).books.get(this.file.id);
      if (book) book.name = this.file.name;
    } else if (this.file.external === 'form') {
      const form = formStore(this.ws).forms.get(this.file.id);
      if (form) form.fileName = this.file.name;
    }
    this.file.updated = this.ws.now();
    return this;
  }
  getMimeType(): string {
    return this.file.mimeType;
  }
  getDescription(): string | null {
    return this.file.description;
  }
  setDescription(description: string): File {
    this.file.description = String(description);
    return this;
  }
  getUrl(): string {
    const id = this.file.id;
    switch (this.file.mimeType) {
      case MIME.GOOGLE_DOCS:
        return `https://docs.google.com/document/d/${id}/edit?usp=drivesdk`;
      case MIME.GOOGLE_SHEETS:
        return `https://docs.google.com/spreadsheets/d/${id}/edit?usp=drivesdk`;
      case MIME.GOOGLE_FORMS:
        return `https://docs.google.com/forms/d/${id}/edit?usp=drivesdk`;
      default:
        return `https://drive.google.com/file/d/${id}/view?usp=drivesdk`;
    }
  }
  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this.file.id}&export=download`;
  }
  getDateCreated(): Date {
    return new Date(this.file.created);
  }
  getLastUpdated(): Date {
    return new Date(this.file.updated);
  }
  /** Google files take no quota and report 0 (as Drive does for native Docs). */
  getSize(): number {
    return this.file.content?.length ?? 0;
  }
  getOwner(): DriveUser {
    return new DriveUser(this.file.owner);
  }
  getEditors(): DriveUser[] {
    return this.file.editors.map((e) => new DriveUser(e));
  }
  getViewers(): DriveUser[] {
    return this.file.viewers.map((e) => new DriveUser(e));
  }
  addEditor(emailAddress: string | GoogleAppsScript.Base.User): File {
    const email = emailOf(emailAddress);
    if (email !== this.file.owner) addTo(this.file.editors, email);
    this.file.viewers = this.file.viewers.filter((v) => v !== email);
    return this;
  }
  addEditors(emailAddresses: string[]): File {
    for (const e of emailAddresses) this.addEditor(e);
    return this;
  }
  addViewer(emailAddress: string | GoogleAppsScript.Base.User): File {
    const email = emailOf(emailAddress);
    if (email !== this.file.owner && !this.file.editors.includes(email))
      addTo(this.file.viewers, email);
    return this;
  }
  addViewers(emailAddresses: string[]): File {
    for (const e of emailAddresses) this.addViewer(e);
    return this;
  }
  /** Commenters are recorded as viewers (comments are not modelled). */
  addCommenter(emailAddress: string | GoogleAppsScript.Base.User): File {
    return this.addViewer(emailAddress);
  }
  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): File {
    const email = emailOf(emailAddress);
    this.file.editors = this.file.editors.filter((e) => e !== email);
    return this;
  }
  removeViewer(emailAddress: string | GoogleAppsScript.Base.User): File {
    const email = emailOf(emailAddress);
    this.file.viewers = this.file.viewers.filter((e) => e !== email);
    return this;
  }
  setSharing(
    accessType: GoogleAppsScript.Drive.Access,
    permissionType: GoogleAppsScript.Drive.Permission,
  ): File {
    setSharingOf(this.file, accessType, permissionType);
    return this;
  }
  getSharingAccess(): GoogleAppsScript.Drive.Access {
    return asEnum(this.file.access);
  }
  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    return asEnum(this.file.permission);
  }
  isTrashed(): boolean {
    return this.file.trashed;
  }
  setTrashed(trashed: boolean): File {
    this.file.trashed = Boolean(trashed);
    return this;
  }
  isStarred(): boolean {
    return this.file.starred;
  }
  setStarred(starred: boolean): File {
    this.file.starred = Boolean(starred);
    return this;
  }
  getParents(): FolderIterator {
    return new FolderIterator(this.ws, [...this.file.parents]);
  }
  moveTo(destination: GoogleAppsScript.Drive.Folder | Folder): File {
    const folder = folderArg(destination);
    this.file.parents = [folder.id];
    return this;
  }

  /**
   * The copy goes to `destination`, else next to the original. Copying a Doc copies its saved
   * content (Drive copies the stored revision). Copies do not count against "Docs created per
   * day" here (*assumption*).
   */
  makeCopy(
    nameOrDestination?: string | GoogleAppsScript.Drive.Folder | Folder,
    destination?: GoogleAppsScript.Drive.Folder | Folder,
  ): File {
    let name = `Copy of ${this.file.name}`;
    let folder: FolderData | null = null;
    if (typeof nameOrDestination === 'string') name = nameOrDestination;
    else if (nameOrDestination !== undefined && nameOrDestination !== null)
      folder = folderArg(nameOrDestination);
    if (destination !== undefined && destination !== null) folder = folderArg(destination);
    if (this.file.external) {
      throw new Error(`emulator: copying a ${this.file.external} is not emulated`);
    }
    const copy = createFileData(
      this.ws,
      {
        name,
        mimeType: this.file.mimeType,
        content: this.file.content ? Buffer.from(this.file.content) : null,
        doc: this.file.doc
          ? { live: cloneTree(this.file.doc.saved), saved: cloneTree(this.file.doc.saved) }
          : null,
      },
      folder?.id ?? this.file.parents[0],
    );
    if (folder === null) copy.parents = [...this.file.parents];
    return new File(this.ws, copy);
  }

  /** A Google Doc's blob is its PDF export (as Apps Script gives it); other files their bytes. */
  getBlob(): Blob {
    if (this.file.doc) return docPdf(this.file);
    if (this.file.content) return Blob._of(this.file.content, this.file.mimeType, this.file.name);
    throw new Error(`emulator: the content of a ${this.file.mimeType} file is not emulated`);
  }
  getAs(contentType: string): Blob {
    const type = String(contentType);
    if (this.file.doc) {
      if (type !== MIME.PDF) {
        throw new Error(`Converting from ${this.file.mimeType} to ${type} is not supported.`);
      }
      return docPdf(this.file);
    }
    return this.getBlob().getAs(type);
  }
  setContent(content: string): File {
    if (this.file.doc || this.file.external) {
      throw new Error(`emulator: setContent on a ${this.file.mimeType} file is not emulated`);
    }
    this.file.content = Buffer.from(String(content), 'utf8');
    this.file.updated = this.ws.now();
    return this;
  }
}

function folderArg(value: unknown): FolderData {
  if (value instanceof Folder) return value._data();
  throw new Error('Invalid argument: destination');
}

function fileArg(value: unknown): FileData {
  if (value instanceof File) return value._data();
  throw new Error('Invalid argument: child');
}

// ------------------------------------------------------------------ Folder

function createFileIn(
  ws: Workspace,
  folderId: string,
  blobOrName: unknown,
  content?: string,
  mimeType?: string,
): File {
  let name: string;
  let bytes: Buffer;
  let type: string;
  if (typeof blobOrName === 'string') {
    name = blobOrName;
    bytes = Buffer.from(String(content ?? ''), 'utf8');
    type = mimeType === undefined || mimeType === null ? MIME.PLAIN_TEXT : String(mimeType);
    if (type.startsWith('application/vnd.google-apps.')) {
      // Emulator text: Drive refuses to create a Google file from raw content this way.
      throw new Error(`Invalid argument: mimeType (${type} cannot be created from content)`);
    }
  } else {
    const blob = Utilities._blobOf(blobOrName);
    name = blob.getName() ?? 'Untitled';
    bytes = blob._buffer();
    type = blob.getContentType() ?? 'application/octet-stream';
  }
  return new File(ws, createFileData(ws, { name, mimeType: type, content: bytes }, folderId));
}

function createFolderIn(ws: Workspace, parentId: string, name: string): Folder {
  const store = driveStore(ws);
  const n = ++store.seq;
  const folder: FolderData = {
    ...sharing(currentUser(ws)),
    id: driveId('Fd', n),
    name: String(name),
    parents: [parentId],
    trashed: false,
    starred: false,
    description: null,
    created: ws.now(),
    updated: ws.now(),
  };
  store.folders.set(folder.id, folder);
  return new Folder(ws, folder);
}

export class Folder implements Faithful<
  GoogleAppsScript.Drive.Folder,
  | 'addEditor'
  | 'addEditors'
  | 'addFile'
  | 'addViewer'
  | 'addViewers'
  | 'createFile'
  | 'createFolder'
  | 'getDateCreated'
  | 'getDescription'
  | 'getEditors'
  | 'getFiles'
  | 'getFilesByName'
  | 'getFilesByType'
  | 'getFolders'
  | 'getFoldersByName'
  | 'getId'
  | 'getLastUpdated'
  | 'getName'
  | 'getOwner'
  | 'getParents'
  | 'getSharingAccess'
  | 'getSharingPermission'
  | 'getUrl'
  | 'getViewers'
  | 'isStarred'
  | 'isTrashed'
  | 'moveTo'
  | 'removeEditor'
  | 'removeFile'
  | 'removeViewer'
  | 'searchFiles'
  | 'searchFolders'
  | 'setDescription'
  | 'setName'
  | 'setSharing'
  | 'setStarred'
  | 'setTrashed'
> {
  static readonly gasName = 'DriveApp.Folder';

  constructor(
    private readonly ws: Workspace,
    private readonly folder: FolderData,
  ) {}

  /** String(DriveApp.getRootFolder()) is 'My Drive' on live Apps Script (gas-fakes live suite). */
  _gasDisplayName(): string | undefined {
    return this.folder.id === driveStore(this.ws).rootId ? 'My Drive' : undefined;
  }

  _data(): FolderData {
    return this.folder;
  }

  getId(): string {
    return this.folder.id;
  }
  getName(): string {
    return this.folder.name;
  }
  setName(name: string): Folder {
    this.folder.name = String(name);
    return this;
  }
  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this.folder.id}`;
  }
  getDescription(): string | null {
    return this.folder.description;
  }
  setDescription(description: string): Folder {
    this.folder.description = String(description);
    return this;
  }
  getDateCreated(): Date {
    return new Date(this.folder.created);
  }
  getLastUpdated(): Date {
    return new Date(this.folder.updated);
  }
  getOwner(): DriveUser {
    return new DriveUser(this.folder.owner);
  }
  getEditors(): DriveUser[] {
    return this.folder.editors.map((e) => new DriveUser(e));
  }
  getViewers(): DriveUser[] {
    return this.folder.viewers.map((e) => new DriveUser(e));
  }
  addEditor(emailAddress: string | GoogleAppsScript.Base.User): Folder {
    const email = emailOf(emailAddress);
    if (email !== this.folder.owner) addTo(this.folder.editors, email);
    return this;
  }
  addEditors(emailAddresses: string[]): Folder {
    for (const e of emailAddresses) this.addEditor(e);
    return this;
  }
  addViewer(emailAddress: string | GoogleAppsScript.Base.User): Folder {
    const email = emailOf(emailAddress);
    if (email !== this.folder.owner && !this.folder.editors.includes(email))
      addTo(this.folder.viewers, email);
    return this;
  }
  addViewers(emailAddresses: string[]): Folder {
    for (const e of emailAddresses) this.addViewer(e);
    return this;
  }
  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): Folder {
    const email = emailOf(emailAddress);
    this.folder.editors = this.folder.editors.filter((e) => e !== email);
    return this;
  }
  removeViewer(emailAddress: string | GoogleAppsScript.Base.User): Folder {
    const email = emailOf(emailAddress);
    this.folder.viewers = this.folder.viewers.filter((e) => e !== email);
    return this;
  }
  setSharing(
    accessType: GoogleAppsScript.Drive.Access,
    permissionType: GoogleAppsScript.Drive.Permission,
  ): Folder {
    setSharingOf(this.folder, accessType, permissionType);
    return this;
  }
  getSharingAccess(): GoogleAppsScript.Drive.Access {
    return asEnum(this.folder.access);
  }
  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    return asEnum(this.folder.permission);
  }
  isTrashed(): boolean {
    return this.folder.trashed;
  }
  setTrashed(trashed: boolean): Folder {
    if (this.folder.id === driveStore(this.ws).rootId) throw new Error('Invalid argument: trashed');
    this.folder.trashed = Boolean(trashed);
    return this;
  }
  isStarred(): boolean {
    return this.folder.starred;
  }
  setStarred(starred: boolean): Folder {
    this.folder.starred = Boolean(starred);
    return this;
  }
  getParents(): FolderIterator {
    return new FolderIterator(this.ws, [...this.folder.parents]);
  }
  moveTo(destination: GoogleAppsScript.Drive.Folder | Folder): Folder {
    const target = folderArg(destination);
    for (
      let f: FolderData | undefined = target;
      f;
      f = driveStore(this.ws).folders.get(f.parents[0] ?? '')
    ) {
      if (f.id === this.folder.id) throw new Error('Invalid argument: destination');
    }
    this.folder.parents = [target.id];
    return this;
  }
  createFile(
    blobOrName: string | GoogleAppsScript.Base.BlobSource | BlobSourceLike,
    content?: string,
    mimeType?: string,
  ): File {
    return createFileIn(this.ws, this.folder.id, blobOrName, content, mimeType);
  }
  createFolder(name: string): Folder {
    return createFolderIn(this.ws, this.folder.id, name);
  }
  addFile(child: GoogleAppsScript.Drive.File | File): Folder {
    addTo(fileArg(child).parents, this.folder.id);
    return this;
  }
  removeFile(child: GoogleAppsScript.Drive.File | File): Folder {
    const file = fileArg(child);
    file.parents = file.parents.filter((p) => p !== this.folder.id);
    return this;
  }
  getFiles(): FileIterator {
    return new FileIterator(
      this.ws,
      listFiles(this.ws, () => true, this.folder.id),
    );
  }
  getFilesByName(name: string): FileIterator {
    return new FileIterator(
      this.ws,
      listFiles(this.ws, (f) => f.name === String(name), this.folder.id),
    );
  }
  getFilesByType(mimeType: string): FileIterator {
    return new FileIterator(
      this.ws,
      listFiles(this.ws, (f) => f.mimeType === String(mimeType), this.folder.id),
    );
  }
  getFolders(): FolderIterator {
    return new FolderIterator(
      this.ws,
      listFolders(this.ws, () => true, this.folder.id),
    );
  }
  getFoldersByName(name: string): FolderIterator {
    return new FolderIterator(
      this.ws,
      listFolders(this.ws, (f) => f.name === String(name), this.folder.id),
    );
  }
  searchFiles(params: string): FileIterator {
    const test = parseQuery(params);
    return new FileIterator(this.ws, listFiles(this.ws, test, this.folder.id));
  }
  searchFolders(params: string): FolderIterator {
    const test = parseQuery(params);
    return new FolderIterator(
      this.ws,
      listFolders(this.ws, (f) => test({ ...f, mimeType: MIME.FOLDER }), this.folder.id),
    );
  }
}

// ------------------------------------------------------------------ DriveApp

export interface DriveFileInfo {
  id: string;
  name: string;
  mimeType: string;
  trashed: boolean;
  parents: string[];
  owner: string;
  editors: string[];
  viewers: string[];
  access: string;
  permission: string;
  size: number;
}

export class DriveApp implements Faithful<
  GoogleAppsScript.Drive.DriveApp,
  | 'createFile'
  | 'createFolder'
  | 'getFileById'
  | 'getFiles'
  | 'getFilesByName'
  | 'getFilesByType'
  | 'getFolderById'
  | 'getFolders'
  | 'getFoldersByName'
  | 'getRootFolder'
  | 'getStorageLimit'
  | 'getStorageUsed'
  | 'getTrashedFiles'
  | 'getTrashedFolders'
  | 'searchFiles'
  | 'searchFolders'
> {
  static readonly gasName = 'DriveApp';
  static readonly gasEnums = {
    Access: enumOf(ACCESS),
    Permission: enumOf(PERMISSION),
  };

  constructor(private readonly ws: Workspace) {}

  /** String(DriveApp) is 'Drive' on live Apps Script (public live-test suite, gas-fakes). */
  _gasDisplayName(): string {
    return 'Drive';
  }

  getFileById(id: string): File {
    requireId(id);
    return new File(this.ws, fileOrThrow(this.ws, id));
  }
  getFolderById(id: string): Folder {
    requireId(id);
    return new Folder(this.ws, folderOrThrow(this.ws, id));
  }
  getRootFolder(): Folder {
    const store = driveStore(this.ws);
    return new Folder(this.ws, folderOrThrow(this.ws, store.rootId));
  }
  createFolder(name: string): Folder {
    return createFolderIn(this.ws, driveStore(this.ws).rootId, name);
  }
  createFile(
    blobOrName: string | GoogleAppsScript.Base.BlobSource | BlobSourceLike,
    content?: string,
    mimeType?: string,
  ): File {
    return createFileIn(this.ws, driveStore(this.ws).rootId, blobOrName, content, mimeType);
  }
  getFiles(): FileIterator {
    return new FileIterator(
      this.ws,
      listFiles(this.ws, () => true, null),
    );
  }
  getFilesByName(name: string): FileIterator {
    return new FileIterator(
      this.ws,
      listFiles(this.ws, (f) => f.name === String(name), null),
    );
  }
  getFilesByType(mimeType: string): FileIterator {
    return new FileIterator(
      this.ws,
      listFiles(this.ws, (f) => f.mimeType === String(mimeType), null),
    );
  }
  getFolders(): FolderIterator {
    return new FolderIterator(
      this.ws,
      listFolders(this.ws, () => true, null),
    );
  }
  getFoldersByName(name: string): FolderIterator {
    return new FolderIterator(
      this.ws,
      listFolders(this.ws, (f) => f.name === String(name), null),
    );
  }
  getTrashedFiles(): FileIterator {
    return new FileIterator(
      this.ws,
      listFiles(this.ws, (f) => f.trashed, null),
    );
  }
  getTrashedFolders(): FolderIterator {
    return new FolderIterator(
      this.ws,
      listFolders(this.ws, (f) => f.trashed, null),
    );
  }
  searchFiles(params: string): FileIterator {
    return new FileIterator(this.ws, listFiles(this.ws, parseQuery(params), null));
  }
  searchFolders(params: string): FolderIterator {
    const test = parseQuery(params);
    return new FolderIterator(
      this.ws,
      listFolders(this.ws, (f) => test({ ...f, mimeType: MIME.FOLDER }), null),
    );
  }
  /** Assumption: a 15 GB consumer allowance. */
  getStorageLimit(): number {
    return 15 * 1024 ** 3;
  }
  getStorageUsed(): number {
    return [...driveStore(this.ws).files.values()].reduce(
      (n, f) => n + (f.content?.length ?? 0),
      0,
    );
  }

  /** Host: every file of the account (the bound spreadsheet and forms included), in creation order. */
  static _files(ws: Workspace): DriveFileInfo[] {
    syncExternal(ws);
    return [...driveStore(ws).files.values()].map((f) => ({
      id: f.id,
      name: f.name,
      mimeType: f.mimeType,
      trashed: f.trashed,
      parents: [...f.parents],
      owner: f.owner,
      editors: [...f.editors],
      viewers: [...f.viewers],
      access: f.access,
      permission: f.permission,
      size: f.content?.length ?? 0,
    }));
  }

  /** Host: every folder (the root first). */
  static _folders(
    ws: Workspace,
  ): { id: string; name: string; parents: string[]; trashed: boolean }[] {
    return [...driveStore(ws).folders.values()].map((f) => ({
      id: f.id,
      name: f.name,
      parents: [...f.parents],
      trashed: f.trashed,
    }));
  }
}

/** The `MimeType` global: constants only (Base.MimeType). */
export class MimeType {
  static readonly gasName = 'MimeType';
  static readonly gasEnums = { ...MIME };
}
