import type { PageView } from '../app/unit-page';
import type { WebPort } from '../ports';

export const gasWeb: WebPort = {
  sign(text: string, secret: string): string {
    return Utilities.base64EncodeWebSafe(
      Utilities.computeHmacSha256Signature(text, secret, Utilities.Charset.UTF_8),
    );
  },
  newSecret(): string {
    return `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
  },
  url(): string | null {
    return ScriptApp.getService().getUrl() || null;
  },
};

/**
 * The page as HtmlService serves it. The template prints every value with `<?= ?>` (escaped):
 * stored answers are never trusted HTML
 * (https://developers.google.com/apps-script/guides/html/templates#printing_scriptlets).
 */
export function renderPage(view: PageView): GoogleAppsScript.HTML.HtmlOutput {
  const template = HtmlService.createTemplateFromFile('page');
  template.page = view;
  return (
    template
      .evaluate()
      .setTitle(view.title)
      // The page sits in Apps Script's iframe: the viewport must be set on the outer page
      // (https://developers.google.com/apps-script/reference/html/html-output#addMetaTag(String,String)).
      .addMetaTag('viewport', 'width=device-width, initial-scale=1')
      // Nobody may frame the page (clickjacking): DEFAULT sends X-Frame-Options SAMEORIGIN.
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.DEFAULT)
  );
}
