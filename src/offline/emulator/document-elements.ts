/**
 * The elements of an emulated Google Doc (Body, Paragraph, ListItem, Table, TableRow, TableCell,
 * Text, InlineImage, PageBreak, HorizontalRule, Header/FooterSection, RangeElement). Each wraps
 * a node of the plain tree in document-model.ts; a new wrapper is made on every call, as Apps
 * Script hands out new objects. Fidelity notes: docs/fidelity/docs-and-drive.md.
 */
import { Blob, type BlobSourceLike } from './blob';
import type { Faithful, Workspace } from './core';
import {
  attach,
  CHAR_ATTRIBUTES,
  cloneNode,
  descendants,
  detach,
  imageSize,
  newNode,
  newParagraph,
  newTable,
  newText,
  OWN_ATTRIBUTES,
  re2ToRegExp,
  replaceInTextNode,
  SECTION_TYPES,
  segments,
  setCharAttrs,
  spliceText,
  textNodes,
  textOf,
  type AttrValue,
  type DocNode,
  type ElementTypeName,
} from './document-model';
import { driveStore, type FileData } from './drive-app';
import { Utilities } from './utilities';

/** Which document (and which open handle of it) an element belongs to. */
export interface DocContext {
  ws: Workspace;
  file: FileData | null;
  /** Closed by Document.saveAndClose(); a new openById gives a new session. */
  session: { closed: boolean };
}

/** Emulator text (*unverified*): Apps Script refuses edits through a closed document. */
export const DOCUMENT_CLOSED = 'Document is closed, its contents cannot be updated.';
/** Apps Script's text when removing the paragraph a section must end with (*unverified* wording). */
export const LAST_PARAGRAPH = "Can't remove the last paragraph in a document section.";
/** Apps Script's text when inserting an element that already has a parent (*unverified*). */
export const NOT_DETACHED = 'Element must be detached.';

function asEnum<E>(name: string | null): E {
  return name as unknown as E;
}

const CLASS_NAMES: Record<ElementTypeName, string> = {
  BODY_SECTION: 'Body',
  HEADER_SECTION: 'HeaderSection',
  FOOTER_SECTION: 'FooterSection',
  PARAGRAPH: 'Paragraph',
  LIST_ITEM: 'ListItem',
  TABLE: 'Table',
  TABLE_ROW: 'TableRow',
  TABLE_CELL: 'TableCell',
  TEXT: 'Text',
  INLINE_IMAGE: 'InlineImage',
  PAGE_BREAK: 'PageBreak',
  HORIZONTAL_RULE: 'HorizontalRule',
};

function childIndexError(index: number, count: number): Error {
  return new Error(
    `Child index (${index}) must be less than the number of child elements (${count}).`,
  );
}

function checkInsertIndex(index: number, count: number): number {
  const i = Math.trunc(Number(index));
  if (!(i >= 0) || i > count) {
    // Emulator text, after the getChild message.
    throw new Error(
      `Index (${index}) must be less than or equal to the number of child elements (${count}).`,
    );
  }
  return i;
}

export function touch(ctx: DocContext): void {
  if (ctx.session.closed) throw new Error(DOCUMENT_CLOSED);
  if (ctx.file) {
    ctx.file.updated = ctx.ws.now();
    driveStore(ctx.ws).dirty.add(ctx.file);
  }
}

/** A new list id (kix.…) for a list that starts here. */
function newListId(ctx: DocContext): string {
  const store = driveStore(ctx.ws);
  store.seq += 1;
  return `kix.emu${store.seq.toString(36).padStart(8, '0')}`;
}

function colorArg(color: string | null): string | null {
  if (color === null || color === undefined) return null;
  const c = String(color);
  if (!/^#[0-9a-fA-F]{6}$/.test(c)) throw new Error(`Invalid argument: color (${c})`);
  return c.toLowerCase();
}

/** What setAttributes accepts: keys are Attribute names, values their settings; null clears. */
function attributePatch(attributes: unknown): Record<string, AttrValue> {
  if (typeof attributes !== 'object' || attributes === null)
    throw new Error('Invalid argument: attributes');
  const patch: Record<string, AttrValue> = {};
  for (const [key, value] of Object.entries(attributes as Record<string, unknown>)) {
    if (value === undefined) continue;
    patch[key] = value === null ? null : (value as AttrValue);
  }
  return patch;
}

function applyAttributes(ctx: DocContext, node: DocNode, patch: Record<string, AttrValue>): void {
  touch(ctx);
  const own = OWN_ATTRIBUTES[node.type];
  const charPatch: Record<string, AttrValue> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (own.includes(key)) {
      if (value === null) delete node.attrs[key];
      else node.attrs[key] = value;
    } else if ((CHAR_ATTRIBUTES as readonly string[]).includes(key)) {
      charPatch[key] = value;
    }
  }
  if (Object.keys(charPatch).length > 0) {
    for (const text of textNodes(node)) setCharAttrs(text, 0, text.text.length - 1, charPatch);
  }
}

/** Character attributes shared by all the text of a node (null where they differ or are unset). */
function uniformCharAttrs(node: DocNode): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  const chars = textNodes(node).flatMap((t) => t.chars);
  for (const key of CHAR_ATTRIBUTES) {
    const first = chars[0]?.[key] ?? null;
    out[key] = chars.every((c) => (c[key] ?? null) === first) ? first : null;
  }
  return out;
}

function checkRemovable(node: DocNode): void {
  const parent = node.parent;
  if (!parent || !SECTION_TYPES.includes(parent.type)) return;
  if (node.type !== 'PARAGRAPH' && node.type !== 'LIST_ITEM') return;
  const i = parent.children.indexOf(node);
  const last = i === parent.children.length - 1;
  const previous = parent.children[i - 1];
  // A section must end with a paragraph, and a table may not end one.
  if (last && (parent.children.length === 1 || previous?.type === 'TABLE'))
    throw new Error(LAST_PARAGRAPH);
}

// ------------------------------------------------------------------ Element

abstract class ElementBase {
  constructor(
    readonly _ctx: DocContext,
    readonly _node: DocNode,
  ) {}

  protected _touch(): void {
    touch(this._ctx);
  }

  getType(): GoogleAppsScript.Document.ElementType {
    return asEnum(this._node.type);
  }
  /** null for a detached element or a section. */
  getParent(): ContainerElement | null {
    const parent = this._node.parent;
    return parent ? (wrap(this._ctx, parent) as ContainerElement) : null;
  }
  getNextSibling(): ElementBase | null {
    const parent = this._node.parent;
    if (!parent) return null;
    const next = parent.children[parent.children.indexOf(this._node) + 1];
    return next ? wrap(this._ctx, next) : null;
  }
  getPreviousSibling(): ElementBase | null {
    const parent = this._node.parent;
    if (!parent) return null;
    const previous = parent.children[parent.children.indexOf(this._node) - 1];
    return previous ? wrap(this._ctx, previous) : null;
  }
  isAtDocumentEnd(): boolean {
    let node = this._node;
    while (node.parent) {
      const siblings = node.parent.children;
      if (siblings[siblings.length - 1] !== node) return false;
      node = node.parent;
    }
    return node.type === 'BODY_SECTION' || this._node.type === 'BODY_SECTION';
  }
  removeFromParent(): this {
    if (!this._node.parent) return this;
    this._touch();
    checkRemovable(this._node);
    detach(this._node);
    return this;
  }
  /** A detached deep copy. */
  copy(): ElementBase {
    return wrap(this._ctx, cloneNode(this._node));
  }
  /** Attribute name → setting (null where unset or, for text styles, mixed). */
  getAttributes(): Record<string, AttrValue> {
    const out: Record<string, AttrValue> = uniformCharAttrs(this._node);
    for (const key of OWN_ATTRIBUTES[this._node.type]) out[key] = this._node.attrs[key] ?? null;
    return out;
  }
  setAttributes(attributes: object): this {
    applyAttributes(this._ctx, this._node, attributePatch(attributes));
    return this;
  }

  private _as<T>(type: ElementTypeName): T {
    if (this._node.type !== type) {
      // Emulator text: Apps Script's wording for a cast to the wrong type is not documented.
      throw new Error(`Cannot cast ${CLASS_NAMES[this._node.type]} to ${CLASS_NAMES[type]}.`);
    }
    return this as unknown as T;
  }
  asBody(): Body {
    return this._as('BODY_SECTION');
  }
  asHeaderSection(): HeaderSection {
    return this._as('HEADER_SECTION');
  }
  asFooterSection(): FooterSection {
    return this._as('FOOTER_SECTION');
  }
  asParagraph(): Paragraph {
    return this._as('PARAGRAPH');
  }
  asListItem(): ListItem {
    return this._as('LIST_ITEM');
  }
  asTable(): Table {
    return this._as('TABLE');
  }
  asTableRow(): TableRow {
    return this._as('TABLE_ROW');
  }
  asTableCell(): TableCell {
    return this._as('TABLE_CELL');
  }
  asText(): Text {
    return this._as('TEXT');
  }
  asInlineImage(): InlineImage {
    return this._as('INLINE_IMAGE');
  }
  asPageBreak(): PageBreak {
    return this._as('PAGE_BREAK');
  }
  asHorizontalRule(): HorizontalRule {
    return this._as('HORIZONTAL_RULE');
  }
}

// ------------------------------------------------------------------ RangeElement

export class RangeElement implements Faithful<
  GoogleAppsScript.Document.RangeElement | RangeElement,
  'getElement' | 'getEndOffsetInclusive' | 'getStartOffset' | 'isPartial'
> {
  static readonly gasName = 'DocumentApp.RangeElement';
  constructor(
    private readonly element: ElementBase,
    private readonly start: number,
    private readonly endInclusive: number,
  ) {}
  getElement(): ElementBase {
    return this.element;
  }
  getStartOffset(): number {
    return this.start;
  }
  getEndOffsetInclusive(): number {
    return this.endInclusive;
  }
  isPartial(): boolean {
    return this.start >= 0;
  }
  /** Host: the node found. */
  _node(): DocNode {
    return this.element._node;
  }
}

/** The next match of `pattern` in the Text nodes under `root`, after `from` if given. */
function findTextIn(
  ctx: DocContext,
  root: DocNode,
  pattern: string,
  from: unknown,
): RangeElement | null {
  const regex = re2ToRegExp(pattern);
  const nodes = textNodes(root);
  let startNode = 0;
  let startOffset = 0;
  if (from instanceof RangeElement) {
    const at = nodes.indexOf(from._node());
    if (at >= 0) {
      startNode = at;
      startOffset = from.getEndOffsetInclusive() + 1;
    }
  }
  for (let i = startNode; i < nodes.length; i++) {
    regex.lastIndex = i === startNode ? startOffset : 0;
    const m = regex.exec(nodes[i].text);
    if (m && m[0].length > 0)
      return new RangeElement(new Text(ctx, nodes[i]), m.index, m.index + m[0].length - 1);
  }
  return null;
}

function findElementIn(
  ctx: DocContext,
  root: DocNode,
  type: unknown,
  from: unknown,
): RangeElement | null {
  const all = descendants(root);
  let start = 0;
  if (from instanceof RangeElement) start = all.indexOf(from._node()) + 1;
  for (let i = start; i < all.length; i++) {
    if (all[i].type === String(type)) return new RangeElement(wrap(ctx, all[i]), -1, -1);
  }
  return null;
}

// ------------------------------------------------------------------ containers

abstract class ContainerElement extends ElementBase {
  getNumChildren(): number {
    return this._node.children.length;
  }
  getChild(childIndex: number): ElementBase {
    const i = Math.trunc(Number(childIndex));
    const child = this._node.children[i];
    if (!child) throw childIndexError(childIndex, this._node.children.length);
    return wrap(this._ctx, child);
  }
  getChildIndex(child: GoogleAppsScript.Document.Element | ElementBase): number {
    const node = child instanceof ElementBase ? child._node : null;
    const i = node ? this._node.children.indexOf(node) : -1;
    // Emulator text: the element is not a child of this one.
    if (i < 0) throw new Error('Element is not a child of this element.');
    return i;
  }
  removeChild(child: GoogleAppsScript.Document.Element | ElementBase): this {
    const node = child instanceof ElementBase ? child._node : null;
    if (!node || node.parent !== this._node)
      throw new Error('Element is not a child of this element.');
    this._touch();
    checkRemovable(node);
    detach(node);
    return this;
  }
  getText(): string {
    return textOf(this._node);
  }
  editAsText(): Text {
    return new Text(this._ctx, this._node);
  }
  /**
   * Every match of the RE2 pattern is replaced, one Text element at a time (a match never spans
   * two elements). See expandReplacement for how `$` and `\` in the replacement are read.
   */
  replaceText(searchPattern: string, replacement: string): this {
    const regex = re2ToRegExp(searchPattern);
    const value = String(replacement);
    this._touch();
    for (const node of textNodes(this._node)) replaceInTextNode(node, regex, value);
    return this;
  }
  findText(
    searchPattern: string,
    from?: GoogleAppsScript.Document.RangeElement | RangeElement | null,
  ): RangeElement | null {
    return findTextIn(this._ctx, this._node, searchPattern, from);
  }
  findElement(
    elementType: GoogleAppsScript.Document.ElementType,
    from?: GoogleAppsScript.Document.RangeElement | RangeElement | null,
  ): RangeElement | null {
    return findElementIn(this._ctx, this._node, elementType, from);
  }
  getTextAlignment(): GoogleAppsScript.Document.TextAlignment {
    return asEnum('NORMAL');
  }
}

/** An element the script passed in: its node, which must not have a parent. */
function detachedNode(value: unknown, type: ElementTypeName): DocNode {
  if (!(value instanceof ElementBase) || value._node.type !== type) {
    throw new Error(`Invalid argument: ${CLASS_NAMES[type].toLowerCase()}`);
  }
  if (value._node.parent) throw new Error(NOT_DETACHED);
  return value._node;
}

function imageNode(value: unknown): DocNode {
  if (value instanceof InlineImage) return detachedNode(value, 'INLINE_IMAGE');
  const blob = Utilities._blobOf(value);
  const data = blob._buffer();
  const size = imageSize(data);
  // Emulator text: Docs refuses bytes it cannot read as an image.
  if (!size) throw new Error('Invalid image data.');
  const node = newNode('INLINE_IMAGE');
  node.image = {
    data,
    contentType: blob.getContentType() ?? 'image/png',
    name: blob.getName(),
    width: size.width,
    height: size.height,
  };
  return node;
}

/** Body, header, footer and table cell: the containers of paragraphs, lists and tables. */
abstract class SectionElement extends ContainerElement {
  protected _insert(index: number, node: DocNode): DocNode {
    this._touch();
    const i = checkInsertIndex(index, this._node.children.length);
    attach(this._node, node, i);
    // A section cannot end with a table: Docs keeps an empty paragraph after it.
    if (node.type === 'TABLE' && i === this._node.children.length - 1)
      attach(this._node, newParagraph(''));
    return node;
  }
  private _paragraphNode(
    value: unknown,
    type: 'PARAGRAPH' | 'LIST_ITEM',
    previous: DocNode | undefined,
  ): DocNode {
    const node =
      typeof value === 'string' || typeof value === 'number'
        ? newParagraph(String(value), type)
        : detachedNode(value, type);
    if (type === 'LIST_ITEM' && node.attrs.LIST_ID === undefined) {
      node.attrs.LIST_ID =
        previous?.type === 'LIST_ITEM'
          ? (previous.attrs.LIST_ID ?? newListId(this._ctx))
          : newListId(this._ctx);
    }
    return node;
  }
  appendParagraph(paragraph: string | GoogleAppsScript.Document.Paragraph | Paragraph): Paragraph {
    const node = this._paragraphNode(paragraph, 'PARAGRAPH', undefined);
    return new Paragraph(this._ctx, this._insert(this._node.children.length, node));
  }
  insertParagraph(
    childIndex: number,
    paragraph: string | GoogleAppsScript.Document.Paragraph | Paragraph,
  ): Paragraph {
    const node = this._paragraphNode(paragraph, 'PARAGRAPH', undefined);
    return new Paragraph(this._ctx, this._insert(childIndex, node));
  }
  appendListItem(listItem: string | GoogleAppsScript.Document.ListItem | ListItem): ListItem {
    const previous = this._node.children[this._node.children.length - 1];
    const node = this._paragraphNode(listItem, 'LIST_ITEM', previous);
    return new ListItem(this._ctx, this._insert(this._node.children.length, node));
  }
  insertListItem(
    childIndex: number,
    listItem: string | GoogleAppsScript.Document.ListItem | ListItem,
  ): ListItem {
    const previous = this._node.children[Math.trunc(Number(childIndex)) - 1];
    const node = this._paragraphNode(listItem, 'LIST_ITEM', previous);
    return new ListItem(this._ctx, this._insert(childIndex, node));
  }
  /** appendTable(): an empty table; appendTable(cells): every row in one call; appendTable(table). */
  appendTable(cellsOrTable?: string[][] | GoogleAppsScript.Document.Table | Table | null): Table {
    return this.insertTable(this._node.children.length, cellsOrTable);
  }
  insertTable(
    childIndex: number,
    cellsOrTable?: string[][] | GoogleAppsScript.Document.Table | Table | null,
  ): Table {
    let node: DocNode;
    if (cellsOrTable === undefined || cellsOrTable === null) node = newTable([]);
    else if (Array.isArray(cellsOrTable)) {
      if (!cellsOrTable.every((row) => Array.isArray(row)))
        throw new Error('Invalid argument: cells');
      node = newTable(cellsOrTable.map((row) => row.map((v) => String(v))));
    } else node = detachedNode(cellsOrTable, 'TABLE');
    return new Table(this._ctx, this._insert(childIndex, node));
  }
  /** The image goes into a new paragraph, as in Docs. */
  appendImage(
    image:
      | GoogleAppsScript.Base.BlobSource
      | BlobSourceLike
      | GoogleAppsScript.Document.InlineImage
      | InlineImage,
  ): InlineImage {
    return this.insertImage(this._node.children.length, image);
  }
  insertImage(
    childIndex: number,
    image:
      | GoogleAppsScript.Base.BlobSource
      | BlobSourceLike
      | GoogleAppsScript.Document.InlineImage
      | InlineImage,
  ): InlineImage {
    const node = imageNode(image);
    const paragraph = newParagraph('');
    attach(paragraph, node);
    this._insert(childIndex, paragraph);
    return new InlineImage(this._ctx, node);
  }
  appendHorizontalRule(): HorizontalRule {
    return this.insertHorizontalRule(this._node.children.length);
  }
  insertHorizontalRule(childIndex: number): HorizontalRule {
    const paragraph = newParagraph('');
    const rule = attach(paragraph, newNode('HORIZONTAL_RULE'));
    this._insert(childIndex, paragraph);
    return new HorizontalRule(this._ctx, rule);
  }
  getParagraphs(): (Paragraph | ListItem)[] {
    return descendants(this._node)
      .filter((n) => n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM')
      .map((n) => wrap(this._ctx, n) as Paragraph | ListItem);
  }
  getTables(): Table[] {
    return descendants(this._node)
      .filter((n) => n.type === 'TABLE')
      .map((n) => new Table(this._ctx, n));
  }
  getListItems(): ListItem[] {
    return descendants(this._node)
      .filter((n) => n.type === 'LIST_ITEM')
      .map((n) => new ListItem(this._ctx, n));
  }
  getImages(): InlineImage[] {
    return descendants(this._node)
      .filter((n) => n.type === 'INLINE_IMAGE')
      .map((n) => new InlineImage(this._ctx, n));
  }
  /** Everything goes; one empty paragraph stays (a section is never empty). */
  clear(): this {
    this._touch();
    for (const child of [...this._node.children]) detach(child);
    attach(this._node, newParagraph(''));
    return this;
  }
  /** One paragraph per line of `text`. */
  setText(text: string): this {
    this._touch();
    for (const child of [...this._node.children]) detach(child);
    for (const line of String(text).split(/\r?\n/)) attach(this._node, newParagraph(line));
    return this;
  }
}

export class Body
  extends SectionElement
  implements
    Faithful<
      GoogleAppsScript.Document.Body,
      | 'appendHorizontalRule'
      | 'appendImage'
      | 'appendListItem'
      | 'appendPageBreak'
      | 'appendParagraph'
      | 'appendTable'
      | 'clear'
      | 'editAsText'
      | 'getAttributes'
      | 'getChild'
      | 'getChildIndex'
      | 'getImages'
      | 'getListItems'
      | 'getMarginBottom'
      | 'getMarginLeft'
      | 'getMarginRight'
      | 'getMarginTop'
      | 'getNumChildren'
      | 'getPageHeight'
      | 'getPageWidth'
      | 'getParagraphs'
      | 'getTables'
      | 'getText'
      | 'getType'
      | 'insertHorizontalRule'
      | 'insertImage'
      | 'insertListItem'
      | 'insertPageBreak'
      | 'insertParagraph'
      | 'insertTable'
      | 'removeChild'
      | 'replaceText'
      | 'setAttributes'
      | 'setMarginBottom'
      | 'setMarginLeft'
      | 'setMarginRight'
      | 'setMarginTop'
      | 'setPageHeight'
      | 'setPageWidth'
      | 'setText'
    >
{
  static readonly gasName = 'DocumentApp.Body';

  /** String(body) is 'DocumentBodySection' on live Apps Script (public live-test suite, gas-fakes). */
  _gasDisplayName(): string {
    return 'DocumentBodySection';
  }

  /** The page break goes into a new paragraph, as in Docs. */
  appendPageBreak(pageBreak?: GoogleAppsScript.Document.PageBreak | PageBreak): PageBreak {
    return this.insertPageBreak(this._node.children.length, pageBreak);
  }
  insertPageBreak(
    childIndex: number,
    pageBreak?: GoogleAppsScript.Document.PageBreak | PageBreak | null,
  ): PageBreak {
    const node = pageBreak ? detachedNode(pageBreak, 'PAGE_BREAK') : newNode('PAGE_BREAK');
    const paragraph = newParagraph('');
    attach(paragraph, node);
    this._insert(childIndex, paragraph);
    return new PageBreak(this._ctx, node);
  }
  private _dimension(key: string, fallback: number): number {
    const value = this._node.attrs[key];
    return typeof value === 'number' ? value : fallback;
  }
  private _setDimension(key: string, value: number): this {
    this._touch();
    this._node.attrs[key] = Number(value);
    return this;
  }
  // Defaults of a new Doc: US Letter, one-inch margins (points).
  getMarginTop(): number {
    return this._dimension('MARGIN_TOP', 72);
  }
  getMarginBottom(): number {
    return this._dimension('MARGIN_BOTTOM', 72);
  }
  getMarginLeft(): number {
    return this._dimension('MARGIN_LEFT', 72);
  }
  getMarginRight(): number {
    return this._dimension('MARGIN_RIGHT', 72);
  }
  getPageWidth(): number {
    return this._dimension('PAGE_WIDTH', 612);
  }
  getPageHeight(): number {
    return this._dimension('PAGE_HEIGHT', 792);
  }
  setMarginTop(marginTop: number): Body {
    return this._setDimension('MARGIN_TOP', marginTop);
  }
  setMarginBottom(marginBottom: number): Body {
    return this._setDimension('MARGIN_BOTTOM', marginBottom);
  }
  setMarginLeft(marginLeft: number): Body {
    return this._setDimension('MARGIN_LEFT', marginLeft);
  }
  setMarginRight(marginRight: number): Body {
    return this._setDimension('MARGIN_RIGHT', marginRight);
  }
  setPageWidth(pageWidth: number): Body {
    return this._setDimension('PAGE_WIDTH', pageWidth);
  }
  setPageHeight(pageHeight: number): Body {
    return this._setDimension('PAGE_HEIGHT', pageHeight);
  }
}

export class HeaderSection extends SectionElement {
  static readonly gasName = 'DocumentApp.HeaderSection';
}

export class FooterSection extends SectionElement {
  static readonly gasName = 'DocumentApp.FooterSection';
}

// ------------------------------------------------------------------ paragraphs

abstract class ParagraphLike extends ContainerElement {
  appendText(text: string | GoogleAppsScript.Document.Text | Text): Text {
    return this.insertText(this._node.children.length, text);
  }
  /** A new Text element (Docs keeps it distinct, so `appendText(x).setBold(true)` styles only x). */
  insertText(childIndex: number, text: string | GoogleAppsScript.Document.Text | Text): Text {
    this._touch();
    const i = checkInsertIndex(childIndex, this._node.children.length);
    const node = typeof text === 'string' ? newText(text) : detachedNode(text, 'TEXT');
    attach(this._node, node, i);
    return new Text(this._ctx, node);
  }
  appendInlineImage(
    image:
      | GoogleAppsScript.Base.BlobSource
      | BlobSourceLike
      | GoogleAppsScript.Document.InlineImage
      | InlineImage,
  ): InlineImage {
    return this.insertInlineImage(this._node.children.length, image);
  }
  insertInlineImage(
    childIndex: number,
    image:
      | GoogleAppsScript.Base.BlobSource
      | BlobSourceLike
      | GoogleAppsScript.Document.InlineImage
      | InlineImage,
  ): InlineImage {
    this._touch();
    const i = checkInsertIndex(childIndex, this._node.children.length);
    return new InlineImage(this._ctx, attach(this._node, imageNode(image), i));
  }
  appendPageBreak(pageBreak?: GoogleAppsScript.Document.PageBreak | PageBreak | null): PageBreak {
    return this.insertPageBreak(this._node.children.length, pageBreak);
  }
  insertPageBreak(
    childIndex: number,
    pageBreak?: GoogleAppsScript.Document.PageBreak | PageBreak | null,
  ): PageBreak {
    this._touch();
    const i = checkInsertIndex(childIndex, this._node.children.length);
    const node = pageBreak ? detachedNode(pageBreak, 'PAGE_BREAK') : newNode('PAGE_BREAK');
    return new PageBreak(this._ctx, attach(this._node, node, i));
  }
  appendHorizontalRule(): HorizontalRule {
    return this.insertHorizontalRule(this._node.children.length);
  }
  insertHorizontalRule(childIndex: number): HorizontalRule {
    this._touch();
    const i = checkInsertIndex(childIndex, this._node.children.length);
    return new HorizontalRule(this._ctx, attach(this._node, newNode('HORIZONTAL_RULE'), i));
  }
  /** The text is replaced by one Text element styled like the old text's first character. */
  setText(text: string): void {
    this._touch();
    const first = textNodes(this._node)[0]?.chars[0];
    for (const child of [...this._node.children]) if (child.type === 'TEXT') detach(child);
    if (String(text) !== '') attach(this._node, newText(String(text), first), 0);
  }
  clear(): this {
    this._touch();
    for (const child of [...this._node.children]) detach(child);
    return this;
  }
  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return asEnum(String(this._node.attrs.HEADING ?? 'NORMAL'));
  }
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): this {
    const h = String(heading);
    if (
      ![
        'NORMAL',
        'HEADING1',
        'HEADING2',
        'HEADING3',
        'HEADING4',
        'HEADING5',
        'HEADING6',
        'TITLE',
        'SUBTITLE',
      ].includes(h)
    ) {
      throw new Error('Invalid argument: heading');
    }
    this._touch();
    this._node.attrs.HEADING = h;
    return this;
  }
  /** null until set (*assumption*: Docs reports unset paragraph attributes as null). */
  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    return asEnum((this._node.attrs.HORIZONTAL_ALIGNMENT as string | undefined) ?? null);
  }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): this {
    const a = String(alignment);
    if (!['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'].includes(a))
      throw new Error('Invalid argument: alignment');
    this._touch();
    this._node.attrs.HORIZONTAL_ALIGNMENT = a;
    return this;
  }
  private _num(key: string): number {
    return (this._node.attrs[key] as number | undefined) ?? (null as unknown as number);
  }
  private _setNum(key: string, value: number): this {
    this._touch();
    this._node.attrs[key] = Number(value);
    return this;
  }
  getIndentStart(): number {
    return this._num('INDENT_START');
  }
  getIndentEnd(): number {
    return this._num('INDENT_END');
  }
  getIndentFirstLine(): number {
    return this._num('INDENT_FIRST_LINE');
  }
  getLineSpacing(): number {
    return this._num('LINE_SPACING');
  }
  getSpacingBefore(): number {
    return this._num('SPACING_BEFORE');
  }
  getSpacingAfter(): number {
    return this._num('SPACING_AFTER');
  }
  setIndentStart(indentStart: number): this {
    return this._setNum('INDENT_START', indentStart);
  }
  setIndentEnd(indentEnd: number): this {
    return this._setNum('INDENT_END', indentEnd);
  }
  setIndentFirstLine(indentFirstLine: number): this {
    return this._setNum('INDENT_FIRST_LINE', indentFirstLine);
  }
  setLineSpacing(multiplier: number): this {
    return this._setNum('LINE_SPACING', multiplier);
  }
  setSpacingBefore(spacingBefore: number): this {
    return this._setNum('SPACING_BEFORE', spacingBefore);
  }
  setSpacingAfter(spacingAfter: number): this {
    return this._setNum('SPACING_AFTER', spacingAfter);
  }
  isLeftToRight(): boolean {
    return this._node.attrs.LEFT_TO_RIGHT !== false;
  }
  setLeftToRight(leftToRight: boolean): this {
    this._touch();
    this._node.attrs.LEFT_TO_RIGHT = Boolean(leftToRight);
    return this;
  }
}

type ParagraphMethods =
  | 'appendHorizontalRule'
  | 'appendInlineImage'
  | 'appendPageBreak'
  | 'appendText'
  | 'clear'
  | 'editAsText'
  | 'getAlignment'
  | 'getAttributes'
  | 'getChild'
  | 'getChildIndex'
  | 'getHeading'
  | 'getIndentEnd'
  | 'getIndentFirstLine'
  | 'getIndentStart'
  | 'getLineSpacing'
  | 'getNumChildren'
  | 'getSpacingAfter'
  | 'getSpacingBefore'
  | 'getText'
  | 'getType'
  | 'insertHorizontalRule'
  | 'insertInlineImage'
  | 'insertPageBreak'
  | 'insertText'
  | 'isAtDocumentEnd'
  | 'isLeftToRight'
  | 'removeChild'
  | 'removeFromParent'
  | 'replaceText'
  | 'setAlignment'
  | 'setAttributes'
  | 'setHeading'
  | 'setIndentEnd'
  | 'setIndentFirstLine'
  | 'setIndentStart'
  | 'setLeftToRight'
  | 'setLineSpacing'
  | 'setSpacingAfter'
  | 'setSpacingBefore'
  | 'setText'
  | 'copy';

export class Paragraph
  extends ParagraphLike
  implements Faithful<GoogleAppsScript.Document.Paragraph | Paragraph, ParagraphMethods>
{
  static readonly gasName = 'DocumentApp.Paragraph';
  override copy(): Paragraph {
    return new Paragraph(this._ctx, cloneNode(this._node));
  }
}

export class ListItem
  extends ParagraphLike
  implements
    Faithful<
      GoogleAppsScript.Document.ListItem | ListItem,
      | ParagraphMethods
      | 'getGlyphType'
      | 'setGlyphType'
      | 'getNestingLevel'
      | 'setNestingLevel'
      | 'getListId'
      | 'setListId'
    >
{
  static readonly gasName = 'DocumentApp.ListItem';
  override copy(): ListItem {
    return new ListItem(this._ctx, cloneNode(this._node));
  }
  getGlyphType(): GoogleAppsScript.Document.GlyphType {
    return asEnum(String(this._node.attrs.GLYPH_TYPE ?? 'NUMBER'));
  }
  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): ListItem {
    const g = String(glyphType);
    const glyphs = [
      'BULLET',
      'HOLLOW_BULLET',
      'SQUARE_BULLET',
      'NUMBER',
      'LATIN_UPPER',
      'LATIN_LOWER',
      'ROMAN_UPPER',
      'ROMAN_LOWER',
    ];
    if (!glyphs.includes(g)) throw new Error('Invalid argument: glyphType');
    this._touch();
    this._node.attrs.GLYPH_TYPE = g;
    return this;
  }
  getNestingLevel(): number {
    return Number(this._node.attrs.NESTING_LEVEL ?? 0);
  }
  setNestingLevel(nestingLevel: number): ListItem {
    const level = Math.trunc(Number(nestingLevel));
    if (!(level >= 0 && level <= 8)) throw new Error('Invalid argument: nestingLevel');
    this._touch();
    this._node.attrs.NESTING_LEVEL = level;
    return this;
  }
  getListId(): string {
    return String(this._node.attrs.LIST_ID ?? '');
  }
  setListId(listItem: GoogleAppsScript.Document.ListItem | ListItem): ListItem {
    if (!(listItem instanceof ListItem)) throw new Error('Invalid argument: listItem');
    this._touch();
    this._node.attrs.LIST_ID = listItem._node.attrs.LIST_ID ?? null;
    return this;
  }
}

// ------------------------------------------------------------------ tables

export class Table
  extends ContainerElement
  implements
    Faithful<
      GoogleAppsScript.Document.Table | Table,
      | 'appendTableRow'
      | 'clear'
      | 'copy'
      | 'editAsText'
      | 'getAttributes'
      | 'getBorderColor'
      | 'getBorderWidth'
      | 'getCell'
      | 'getChild'
      | 'getChildIndex'
      | 'getNumChildren'
      | 'getNumRows'
      | 'getRow'
      | 'getText'
      | 'getType'
      | 'insertTableRow'
      | 'isAtDocumentEnd'
      | 'removeChild'
      | 'removeFromParent'
      | 'removeRow'
      | 'replaceText'
      | 'setAttributes'
      | 'setBorderColor'
      | 'setBorderWidth'
      | 'setColumnWidth'
    >
{
  static readonly gasName = 'DocumentApp.Table';

  override copy(): Table {
    return new Table(this._ctx, cloneNode(this._node));
  }
  getNumRows(): number {
    return this._node.children.length;
  }
  getRow(rowIndex: number): TableRow {
    const row = this._node.children[Math.trunc(Number(rowIndex))];
    if (!row) throw childIndexError(rowIndex, this._node.children.length);
    return new TableRow(this._ctx, row);
  }
  getCell(rowIndex: number, cellIndex: number): TableCell {
    return this.getRow(rowIndex).getCell(cellIndex);
  }
  /** appendTableRow(): a row without cells; appendTableRow(row): a detached row. */
  appendTableRow(tableRow?: GoogleAppsScript.Document.TableRow | TableRow): TableRow {
    return this.insertTableRow(this._node.children.length, tableRow);
  }
  insertTableRow(
    childIndex: number,
    tableRow?: GoogleAppsScript.Document.TableRow | TableRow | null,
  ): TableRow {
    this._touch();
    const i = checkInsertIndex(childIndex, this._node.children.length);
    const node = tableRow ? detachedNode(tableRow, 'TABLE_ROW') : newNode('TABLE_ROW');
    return new TableRow(this._ctx, attach(this._node, node, i));
  }
  removeRow(rowIndex: number): TableRow {
    const row = this.getRow(rowIndex);
    this._touch();
    detach(row._node);
    return row;
  }
  clear(): this {
    this._touch();
    for (const row of [...this._node.children]) detach(row);
    return this;
  }
  getBorderWidth(): number {
    return Number(this._node.attrs.BORDER_WIDTH ?? 1);
  }
  setBorderWidth(width: number): Table {
    const w = Number(width);
    if (!(w >= 0)) throw new Error('Invalid argument: width');
    this._touch();
    this._node.attrs.BORDER_WIDTH = w;
    return this;
  }
  getBorderColor(): string {
    return String(this._node.attrs.BORDER_COLOR ?? '#000000');
  }
  setBorderColor(color: string): Table {
    const c = colorArg(color);
    this._touch();
    this._node.attrs.BORDER_COLOR = c;
    return this;
  }
  /** Points; null when the column is sized automatically (*assumption*). */
  getColumnWidth(columnIndex: number): number | null {
    return this._node.columnWidths[Math.trunc(Number(columnIndex))] ?? null;
  }
  setColumnWidth(columnIndex: number, width: number): Table {
    const i = Math.trunc(Number(columnIndex));
    const columns = Math.max(0, ...this._node.children.map((r) => r.children.length));
    if (!(i >= 0 && i < columns)) throw childIndexError(columnIndex, columns);
    this._touch();
    while (this._node.columnWidths.length <= i) this._node.columnWidths.push(null);
    this._node.columnWidths[i] = Number(width);
    return this;
  }
}

export class TableRow
  extends ContainerElement
  implements
    Faithful<
      GoogleAppsScript.Document.TableRow | TableRow,
      | 'appendTableCell'
      | 'copy'
      | 'editAsText'
      | 'getAttributes'
      | 'getCell'
      | 'getChild'
      | 'getChildIndex'
      | 'getMinimumHeight'
      | 'getNumCells'
      | 'getNumChildren'
      | 'getParentTable'
      | 'getText'
      | 'getType'
      | 'insertTableCell'
      | 'removeCell'
      | 'removeChild'
      | 'removeFromParent'
      | 'replaceText'
      | 'setAttributes'
      | 'setMinimumHeight'
    >
{
  static readonly gasName = 'DocumentApp.TableRow';

  override copy(): TableRow {
    return new TableRow(this._ctx, cloneNode(this._node));
  }
  getNumCells(): number {
    return this._node.children.length;
  }
  getCell(cellIndex: number): TableCell {
    const cell = this._node.children[Math.trunc(Number(cellIndex))];
    if (!cell) throw childIndexError(cellIndex, this._node.children.length);
    return new TableCell(this._ctx, cell);
  }
  appendTableCell(
    textContentsOrCell?: string | GoogleAppsScript.Document.TableCell | TableCell | null,
  ): TableCell {
    return this.insertTableCell(this._node.children.length, textContentsOrCell);
  }
  insertTableCell(
    childIndex: number,
    textContentsOrCell?: string | GoogleAppsScript.Document.TableCell | TableCell | null,
  ): TableCell {
    this._touch();
    const i = checkInsertIndex(childIndex, this._node.children.length);
    let node: DocNode;
    if (
      textContentsOrCell === undefined ||
      textContentsOrCell === null ||
      typeof textContentsOrCell === 'string'
    ) {
      node = newNode('TABLE_CELL');
      attach(node, newParagraph(String(textContentsOrCell ?? '')));
    } else node = detachedNode(textContentsOrCell, 'TABLE_CELL');
    return new TableCell(this._ctx, attach(this._node, node, i));
  }
  removeCell(cellIndex: number): TableCell {
    const cell = this.getCell(cellIndex);
    this._touch();
    detach(cell._node);
    return cell;
  }
  getParentTable(): Table {
    return this.getParent() as Table;
  }
  getMinimumHeight(): number {
    return Number(this._node.attrs.MINIMUM_HEIGHT ?? 0);
  }
  setMinimumHeight(minHeight: number): TableRow {
    this._touch();
    this._node.attrs.MINIMUM_HEIGHT = Number(minHeight);
    return this;
  }
}

export class TableCell
  extends SectionElement
  implements
    Faithful<
      GoogleAppsScript.Document.TableCell | TableCell,
      | 'appendHorizontalRule'
      | 'appendImage'
      | 'appendListItem'
      | 'appendParagraph'
      | 'appendTable'
      | 'clear'
      | 'copy'
      | 'editAsText'
      | 'getAttributes'
      | 'getBackgroundColor'
      | 'getChild'
      | 'getChildIndex'
      | 'getColSpan'
      | 'getNumChildren'
      | 'getPaddingBottom'
      | 'getPaddingLeft'
      | 'getPaddingRight'
      | 'getPaddingTop'
      | 'getParentRow'
      | 'getParentTable'
      | 'getRowSpan'
      | 'getText'
      | 'getType'
      | 'getVerticalAlignment'
      | 'getWidth'
      | 'insertParagraph'
      | 'insertTable'
      | 'removeChild'
      | 'removeFromParent'
      | 'replaceText'
      | 'setAttributes'
      | 'setBackgroundColor'
      | 'setPaddingBottom'
      | 'setPaddingLeft'
      | 'setPaddingRight'
      | 'setPaddingTop'
      | 'setText'
      | 'setVerticalAlignment'
      | 'setWidth'
    >
{
  static readonly gasName = 'DocumentApp.TableCell';

  override copy(): TableCell {
    return new TableCell(this._ctx, cloneNode(this._node));
  }
  getParentRow(): TableRow {
    return this.getParent() as TableRow;
  }
  getParentTable(): Table {
    return this.getParentRow().getParentTable();
  }
  getColSpan(): number {
    return 1;
  }
  getRowSpan(): number {
    return 1;
  }
  /** null until set (*assumption*). */
  getBackgroundColor(): string {
    return (this._node.attrs.BACKGROUND_COLOR as string | undefined) ?? (null as unknown as string);
  }
  setBackgroundColor(color: string): TableCell {
    const c = colorArg(color);
    this._touch();
    if (c === null) delete this._node.attrs.BACKGROUND_COLOR;
    else this._node.attrs.BACKGROUND_COLOR = c;
    return this;
  }
  getWidth(): number {
    return (this._node.attrs.WIDTH as number | undefined) ?? (null as unknown as number);
  }
  setWidth(width: number): TableCell {
    this._touch();
    this._node.attrs.WIDTH = Number(width);
    return this;
  }
  getVerticalAlignment(): GoogleAppsScript.Document.VerticalAlignment {
    return asEnum(String(this._node.attrs.VERTICAL_ALIGNMENT ?? 'TOP'));
  }
  setVerticalAlignment(alignment: GoogleAppsScript.Document.VerticalAlignment): TableCell {
    const a = String(alignment);
    if (!['TOP', 'CENTER', 'BOTTOM'].includes(a)) throw new Error('Invalid argument: alignment');
    this._touch();
    this._node.attrs.VERTICAL_ALIGNMENT = a;
    return this;
  }
  private _padding(key: string): number {
    return Number(this._node.attrs[key] ?? 5);
  }
  private _setPadding(key: string, value: number): TableCell {
    this._touch();
    this._node.attrs[key] = Number(value);
    return this;
  }
  getPaddingTop(): number {
    return this._padding('PADDING_TOP');
  }
  getPaddingBottom(): number {
    return this._padding('PADDING_BOTTOM');
  }
  getPaddingLeft(): number {
    return this._padding('PADDING_LEFT');
  }
  getPaddingRight(): number {
    return this._padding('PADDING_RIGHT');
  }
  setPaddingTop(paddingTop: number): TableCell {
    return this._setPadding('PADDING_TOP', paddingTop);
  }
  setPaddingBottom(paddingBottom: number): TableCell {
    return this._setPadding('PADDING_BOTTOM', paddingBottom);
  }
  setPaddingLeft(paddingLeft: number): TableCell {
    return this._setPadding('PADDING_LEFT', paddingLeft);
  }
  setPaddingRight(paddingTop: number): TableCell {
    return this._setPadding('PADDING_RIGHT', paddingTop);
  }
}

// ------------------------------------------------------------------ Text

/**
 * A Text element, or (from editAsText()) the text of a whole container seen as one Text: offsets
 * then run over the container's flattened text, with '\n' between paragraphs.
 */
export class Text
  extends ElementBase
  implements
    Faithful<
      GoogleAppsScript.Document.Text | Text,
      | 'appendText'
      | 'deleteText'
      | 'editAsText'
      | 'getAttributes'
      | 'getBackgroundColor'
      | 'getFontFamily'
      | 'getFontSize'
      | 'getForegroundColor'
      | 'getLinkUrl'
      | 'getText'
      | 'getTextAttributeIndices'
      | 'getType'
      | 'insertText'
      | 'isBold'
      | 'isItalic'
      | 'isStrikethrough'
      | 'isUnderline'
      | 'replaceText'
      | 'setAttributes'
      | 'setBackgroundColor'
      | 'setBold'
      | 'setFontFamily'
      | 'setFontSize'
      | 'setForegroundColor'
      | 'setItalic'
      | 'setLinkUrl'
      | 'setStrikethrough'
      | 'setText'
      | 'setUnderline'
    >
{
  static readonly gasName = 'DocumentApp.Text';

  override getType(): GoogleAppsScript.Document.ElementType {
    return asEnum('TEXT');
  }
  override copy(): Text {
    return new Text(this._ctx, cloneNode(this._node));
  }
  editAsText(): Text {
    return this;
  }
  getText(): string {
    return textOf(this._node);
  }
  private _length(): number {
    return this.getText().length;
  }

  /** Applies `patch` to [start, endInclusive] of the flattened text. */
  private _style(args: unknown[], key: string, convert: (v: unknown) => AttrValue): this {
    let start = 0;
    let end = this._length() - 1;
    let value: unknown = args[0];
    if (args.length >= 3) {
      start = Math.trunc(Number(args[0]));
      end = Math.trunc(Number(args[1]));
      value = args[2];
      this._checkRange(start, end);
    }
    this._touch();
    const patch = { [key]: value === null ? null : convert(value) };
    for (const seg of segments(this._node)) {
      const from = Math.max(start, seg.start) - seg.start;
      const to = Math.min(end, seg.start + seg.node.text.length - 1) - seg.start;
      if (from <= to) setCharAttrs(seg.node, from, to, patch);
    }
    return this;
  }
  private _checkRange(start: number, end: number): void {
    const length = this._length();
    if (!(start >= 0 && start < length && end >= start && end < length)) {
      // Emulator text for offsets outside the text.
      throw new Error(
        `Invalid argument: offsets (${start}, ${end}) outside text of length ${length}`,
      );
    }
  }
  private _at(key: string, offset?: number | null): AttrValue {
    const segs = segments(this._node);
    if (offset !== undefined && offset !== null) {
      const o = Math.trunc(Number(offset));
      const seg = segs.find((s) => o >= s.start && o < s.start + s.node.text.length);
      return seg?.node.chars[o - seg.start]?.[key] ?? null;
    }
    const values = segs.flatMap((s) => s.node.chars.map((c) => c[key] ?? null));
    return values.length > 0 && values.every((v) => v === values[0]) ? values[0] : null;
  }

  setBold(startOffset: number | boolean, endOffsetInclusive?: number, bold?: boolean): Text {
    return this._style(
      [startOffset, endOffsetInclusive, bold].slice(0, arguments.length),
      'BOLD',
      Boolean,
    );
  }
  setItalic(startOffset: number | boolean, endOffsetInclusive?: number, italic?: boolean): Text {
    return this._style(
      [startOffset, endOffsetInclusive, italic].slice(0, arguments.length),
      'ITALIC',
      Boolean,
    );
  }
  setUnderline(
    startOffset: number | boolean,
    endOffsetInclusive?: number,
    underline?: boolean,
  ): Text {
    return this._style(
      [startOffset, endOffsetInclusive, underline].slice(0, arguments.length),
      'UNDERLINE',
      Boolean,
    );
  }
  setStrikethrough(
    startOffset: number | boolean,
    endOffsetInclusive?: number,
    strikethrough?: boolean,
  ): Text {
    return this._style(
      [startOffset, endOffsetInclusive, strikethrough].slice(0, arguments.length),
      'STRIKETHROUGH',
      Boolean,
    );
  }
  setFontSize(startOffset: number, endOffsetInclusive?: number, size?: number): Text {
    return this._style(
      [startOffset, endOffsetInclusive, size].slice(0, arguments.length),
      'FONT_SIZE',
      Number,
    );
  }
  setFontFamily(
    startOffset: number | string,
    endOffsetInclusive?: number,
    fontFamilyName?: string,
  ): Text {
    return this._style(
      [startOffset, endOffsetInclusive, fontFamilyName].slice(0, arguments.length),
      'FONT_FAMILY',
      String,
    );
  }
  setForegroundColor(
    startOffset: number | string,
    endOffsetInclusive?: number,
    color?: string,
  ): Text {
    return this._style(
      [startOffset, endOffsetInclusive, color].slice(0, arguments.length),
      'FOREGROUND_COLOR',
      (v) => colorArg(String(v)),
    );
  }
  setBackgroundColor(
    startOffset: number | string,
    endOffsetInclusive?: number,
    color?: string,
  ): Text {
    return this._style(
      [startOffset, endOffsetInclusive, color].slice(0, arguments.length),
      'BACKGROUND_COLOR',
      (v) => colorArg(String(v)),
    );
  }
  setLinkUrl(startOffset: number | string, endOffsetInclusive?: number, url?: string): Text {
    return this._style(
      [startOffset, endOffsetInclusive, url].slice(0, arguments.length),
      'LINK_URL',
      String,
    );
  }
  isBold(offset?: number | null): boolean {
    return this._at('BOLD', offset) as boolean;
  }
  isItalic(offset?: number | null): boolean {
    return this._at('ITALIC', offset) as boolean;
  }
  isUnderline(offset?: number | null): boolean {
    return this._at('UNDERLINE', offset) as boolean;
  }
  isStrikethrough(offset?: number | null): boolean {
    return this._at('STRIKETHROUGH', offset) as boolean;
  }
  getFontSize(offset?: number | null): number {
    return this._at('FONT_SIZE', offset) as number;
  }
  getFontFamily(offset?: number | null): string {
    return this._at('FONT_FAMILY', offset) as string;
  }
  getForegroundColor(offset?: number | null): string {
    return this._at('FOREGROUND_COLOR', offset) as string;
  }
  getBackgroundColor(offset?: number | null): string {
    return this._at('BACKGROUND_COLOR', offset) as string;
  }
  getLinkUrl(offset?: number | null): string {
    return this._at('LINK_URL', offset) as string;
  }
  override getAttributes(offset?: number | null): Record<string, AttrValue> {
    const out: Record<string, AttrValue> = {};
    for (const key of CHAR_ATTRIBUTES) out[key] = this._at(key, offset);
    return out;
  }
  override setAttributes(
    startOffset: number | object,
    endOffsetInclusive?: number,
    attributes?: object,
  ): this {
    if (arguments.length < 3) {
      applyAttributes(this._ctx, this._node, attributePatch(startOffset));
      return this;
    }
    const patch = attributePatch(attributes);
    for (const [key, value] of Object.entries(patch)) {
      if ((CHAR_ATTRIBUTES as readonly string[]).includes(key)) {
        this._style([startOffset, endOffsetInclusive, value], key, (v) => v as AttrValue);
      }
    }
    return this;
  }
  getTextAttributeIndices(): number[] {
    const out: number[] = [];
    let previous: unknown = undefined;
    for (const seg of segments(this._node)) {
      seg.node.chars.forEach((c, i) => {
        if (c !== previous) out.push(seg.start + i);
        previous = c;
      });
    }
    return out;
  }

  setText(text: string): Text {
    this._touch();
    const value = String(text);
    if (this._node.type === 'TEXT') {
      spliceText(this._node, 0, this._node.text.length, value);
    } else {
      const container = wrap(this._ctx, this._node) as unknown as { setText?(t: string): void };
      if (!container.setText)
        throw new Error(`emulator: setText on the text of a ${this._node.type}`);
      container.setText(value);
    }
    return this;
  }
  appendText(text: string): Text {
    return this.insertText(this._length(), text);
  }
  /** Inserted text takes the style of the character before it. */
  insertText(offset: number, text: string): Text {
    const o = Math.trunc(Number(offset));
    const length = this._length();
    if (!(o >= 0 && o <= length)) throw new Error(`Invalid argument: offset (${offset})`);
    this._touch();
    const segs = segments(this._node);
    const seg =
      segs.find((s) => o >= s.start && o <= s.start + s.node.text.length) ?? segs[segs.length - 1];
    if (!seg) {
      // An empty paragraph gets its first Text element.
      if (this._node.type === 'PARAGRAPH' || this._node.type === 'LIST_ITEM')
        attach(this._node, newText(String(text)));
      else throw new Error('Invalid argument: offset');
      return this;
    }
    const at = o - seg.start;
    const style = seg.node.chars[at - 1] ?? seg.node.chars[at];
    seg.node.text = seg.node.text.slice(0, at) + String(text) + seg.node.text.slice(at);
    seg.node.chars.splice(at, 0, ...Array(String(text).length).fill(style ?? {}));
    return this;
  }
  deleteText(startOffset: number, endOffsetInclusive: number): Text {
    const start = Math.trunc(Number(startOffset));
    const end = Math.trunc(Number(endOffsetInclusive));
    this._checkRange(start, end);
    this._touch();
    for (const seg of segments(this._node).reverse()) {
      const from = Math.max(start, seg.start) - seg.start;
      const to = Math.min(end, seg.start + seg.node.text.length - 1) - seg.start;
      if (from <= to) spliceText(seg.node, from, to + 1, '');
    }
    return this;
  }
  replaceText(searchPattern: string, replacement: string): Text {
    const regex = re2ToRegExp(searchPattern);
    this._touch();
    for (const node of textNodes(this._node)) replaceInTextNode(node, regex, String(replacement));
    return this;
  }
  findText(
    searchPattern: string,
    from?: GoogleAppsScript.Document.RangeElement | RangeElement | null,
  ): RangeElement | null {
    return findTextIn(this._ctx, this._node, searchPattern, from);
  }
}

// ------------------------------------------------------------------ leaves

export class InlineImage
  extends ElementBase
  implements
    Faithful<
      GoogleAppsScript.Document.InlineImage | InlineImage,
      | 'copy'
      | 'getAltDescription'
      | 'getAltTitle'
      | 'getAs'
      | 'getAttributes'
      | 'getBlob'
      | 'getHeight'
      | 'getLinkUrl'
      | 'getType'
      | 'getWidth'
      | 'removeFromParent'
      | 'setAltDescription'
      | 'setAltTitle'
      | 'setAttributes'
      | 'setHeight'
      | 'setLinkUrl'
      | 'setWidth'
    >
{
  static readonly gasName = 'DocumentApp.InlineImage';

  private _image() {
    const image = this._node.image;
    if (!image) throw new Error('emulator bug: an inline image without data');
    return image;
  }
  override copy(): InlineImage {
    return new InlineImage(this._ctx, cloneNode(this._node));
  }
  getBlob(): Blob {
    const image = this._image();
    return Blob._of(image.data, image.contentType, image.name);
  }
  getAs(contentType: string): Blob {
    return this.getBlob().getAs(contentType);
  }
  getWidth(): number {
    return this._image().width;
  }
  getHeight(): number {
    return this._image().height;
  }
  setWidth(width: number): InlineImage {
    const w = Math.trunc(Number(width));
    if (!(w > 0)) throw new Error('Invalid argument: width');
    this._touch();
    this._image().width = w;
    return this;
  }
  setHeight(height: number): InlineImage {
    const h = Math.trunc(Number(height));
    if (!(h > 0)) throw new Error('Invalid argument: height');
    this._touch();
    this._image().height = h;
    return this;
  }
  getAltTitle(): string {
    return (this._node.attrs.ALT_TITLE as string | undefined) ?? (null as unknown as string);
  }
  setAltTitle(title: string): InlineImage {
    this._touch();
    this._node.attrs.ALT_TITLE = String(title);
    return this;
  }
  getAltDescription(): string {
    return (this._node.attrs.ALT_DESCRIPTION as string | undefined) ?? (null as unknown as string);
  }
  setAltDescription(description: string): InlineImage {
    this._touch();
    this._node.attrs.ALT_DESCRIPTION = String(description);
    return this;
  }
  getLinkUrl(): string {
    return (this._node.attrs.LINK_URL as string | undefined) ?? (null as unknown as string);
  }
  setLinkUrl(url: string): InlineImage {
    this._touch();
    this._node.attrs.LINK_URL = String(url);
    return this;
  }
  override getAttributes(): Record<string, AttrValue> {
    return { WIDTH: this.getWidth(), HEIGHT: this.getHeight(), LINK_URL: this.getLinkUrl() };
  }
  override setAttributes(attributes: object): this {
    const patch = attributePatch(attributes);
    if (typeof patch.WIDTH === 'number') this.setWidth(patch.WIDTH);
    if (typeof patch.HEIGHT === 'number') this.setHeight(patch.HEIGHT);
    if (typeof patch.LINK_URL === 'string') this.setLinkUrl(patch.LINK_URL);
    return this;
  }
}

export class PageBreak
  extends ElementBase
  implements
    Faithful<
      GoogleAppsScript.Document.PageBreak | PageBreak,
      'copy' | 'getType' | 'removeFromParent'
    >
{
  static readonly gasName = 'DocumentApp.PageBreak';
  override copy(): PageBreak {
    return new PageBreak(this._ctx, cloneNode(this._node));
  }
}

export class HorizontalRule
  extends ElementBase
  implements
    Faithful<GoogleAppsScript.Document.HorizontalRule, 'copy' | 'getType' | 'removeFromParent'>
{
  static readonly gasName = 'DocumentApp.HorizontalRule';
  override copy(): HorizontalRule {
    return new HorizontalRule(this._ctx, cloneNode(this._node));
  }
}

/** The fake for a node. */
export function wrap(ctx: DocContext, node: DocNode): ElementBase {
  switch (node.type) {
    case 'BODY_SECTION':
      return new Body(ctx, node);
    case 'HEADER_SECTION':
      return new HeaderSection(ctx, node);
    case 'FOOTER_SECTION':
      return new FooterSection(ctx, node);
    case 'PARAGRAPH':
      return new Paragraph(ctx, node);
    case 'LIST_ITEM':
      return new ListItem(ctx, node);
    case 'TABLE':
      return new Table(ctx, node);
    case 'TABLE_ROW':
      return new TableRow(ctx, node);
    case 'TABLE_CELL':
      return new TableCell(ctx, node);
    case 'TEXT':
      return new Text(ctx, node);
    case 'INLINE_IMAGE':
      return new InlineImage(ctx, node);
    case 'PAGE_BREAK':
      return new PageBreak(ctx, node);
    case 'HORIZONTAL_RULE':
      return new HorizontalRule(ctx, node);
  }
}

export type { ElementBase as Element };
