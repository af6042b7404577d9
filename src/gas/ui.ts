import type { MenuItem } from '../app/menu';

export function addMenu(menu: { title: string; items: MenuItem[] }): void {
  const ui = SpreadsheetApp.getUi();
  const built = ui.createMenu(menu.title);
  for (const item of menu.items) built.addItem(item.caption, item.handler);
  built.addToUi();
}
