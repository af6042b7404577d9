import { messages, type Locale } from '../i18n';

export interface MenuItem {
  caption: string;
  /** The entry point the item calls (a top-level function of the bundle). */
  handler: string;
}

export function campaignMenu(locale: Locale): { title: string; items: MenuItem[] } {
  const m = messages(locale).menu;
  const reports = messages(locale).reports.menu;
  return {
    title: m.title,
    items: [
      { caption: m.setup, handler: 'setup' },
      { caption: m.checkConfig, handler: 'checkConfig' },
      { caption: m.activate, handler: 'activate' },
      { caption: m.previewReminders, handler: 'previewReminders' },
      { caption: m.checkQuotas, handler: 'checkQuotas' },
      { caption: m.markVerified, handler: 'markVerified' },
      { caption: m.confirmReviews, handler: 'confirmReviews' },
      { caption: m.repairTriggers, handler: 'repairTriggers' },
      { caption: m.selfCheck, handler: 'selfCheck' },
      { caption: m.rotatePageSecret, handler: 'rotatePageSecret' },
      { caption: reports.stageReport, handler: 'generateStageReport' },
      { caption: reports.dossiers, handler: 'generateDossiers' },
      { caption: reports.finalReport, handler: 'generateFinalReport' },
      { caption: messages(locale).sections.menu, handler: 'generateCampaignReport' },
    ],
  };
}
