import { headerLine } from '../domain/mail-header';
import type { MailPort, OutgoingMail, SendResult } from '../ports';

export const gasMail: MailPort = {
  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  },
  send(mail: OutgoingMail): SendResult {
    try {
      MailApp.sendEmail({
        to: mail.to.join(','),
        // Headers are single line and bounded here, whatever built them (composers already
        // shorten the variable part of a subject; this is the boundary no mail escapes).
        subject: headerLine(mail.subject),
        body: mail.body,
        htmlBody: mail.htmlBody,
        name: headerLine(mail.name),
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        // Attachments are Blobs the docs adapter made (a report's PDF).
        ...(mail.attachments?.length
          ? { attachments: mail.attachments.map((a) => a.handle as GoogleAppsScript.Base.Blob) }
          : {}),
      });
      return { sent: true };
    } catch (error) {
      const message = String((error as Error)?.message ?? error);
      // "Service invoked too many times for one day: email." — the daily recipient quota.
      const reason = /too many times for one day: email/i.test(message) ? 'quota' : 'error';
      return { sent: false, reason, message };
    }
  },
};
