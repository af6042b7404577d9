/**
 * The offline Google Workspace, assembled: one account (Workspace) and the service globals the
 * script sees, each a fake typed against @types/google-apps-script.
 */
import * as path from 'node:path';
import { CacheService } from './cache-service';
import { Workspace, type WorkspaceOptions } from './core';
import { DocumentApp } from './document-app';
import { DriveApp, MimeType } from './drive-app';
import { FormApp } from './form-app';
import { HtmlService, htmlFilesIn } from './html-service';
import { LockService } from './lock-service';
import { Logger } from './logger';
import { MailApp } from './mail-app';
import { PropertiesService } from './properties-service';
import { ScriptApp } from './script-app';
import { Session } from './session';
import { projectRoot } from '../project-root';
import { createBoundSpreadsheet, SpreadsheetApp, type Spreadsheet } from './spreadsheet-app';
import { Utilities } from './utilities';

export interface Emulator {
  ws: Workspace;
  /** The globals of an Apps Script execution, by name. */
  services: Record<string, object>;
  /** The spreadsheet the script is bound to. */
  spreadsheet: Spreadsheet;
}

export interface EmulatorOptions extends WorkspaceOptions {
  spreadsheetName?: string;
  /** Where the project's .html files are (default dist/, beside Code.js). */
  htmlDir?: string;
}

export function createEmulator(options: EmulatorOptions): Emulator {
  const ws = new Workspace(options);
  const spreadsheet = createBoundSpreadsheet(ws, options.spreadsheetName ?? 'Campaign', {
    owner: ws.owner,
    timeZone: ws.timeZone,
  });
  const services: Record<string, object> = {
    SpreadsheetApp: new SpreadsheetApp(ws),
    MailApp: new MailApp(ws),
    LockService: new LockService(ws),
    PropertiesService: new PropertiesService(ws),
    CacheService: new CacheService(ws),
    ScriptApp: new ScriptApp(ws),
    Session: new Session(ws),
    Utilities: new Utilities(ws),
    Logger: new Logger(ws),
    FormApp: new FormApp(ws),
    DocumentApp: new DocumentApp(ws),
    DriveApp: new DriveApp(ws),
    MimeType: new MimeType(),
    HtmlService: new HtmlService(
      ws,
      htmlFilesIn(options.htmlDir ?? path.join(projectRoot(), 'dist')),
    ),
  };
  return { ws, services, spreadsheet };
}

export { Workspace };
