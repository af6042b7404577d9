/**
 * Links to the campaign's forms as units receive them (in reminders and on their status page):
 * pre-filled with the unit or project where the form allows it, else the plain form link.
 */
import { formDef } from '../../sheets-templates/forms';
import type { CampaignConfig } from '../domain/config';
import type { AppDeps } from '../ports';

/**
 * A pre-filled form link per form, as a template: one set of Forms calls per run, not per unit.
 * The template pre-fills a sample value (a dropdown accepts only one of its choices); each unit's
 * link replaces the query parameter that carries it. When that parameter is not found (the sample
 * was refused, or Google encoded it unexpectedly), or a unit's name is not among the dropdown's
 * choices, the unit gets the plain form link — never a link pre-filled with another unit — and a
 * log record says why.
 */
export function prefilledLinks(deps: Pick<AppDeps, 'forms' | 'log'>, config: CampaignConfig) {
  const templates = new Map<string, { url: string; placeholder: string; unit: boolean } | null>();
  // The dropdown's choices: setChoices writes exactly the active units' names.
  const choices = new Set(config.units.filter((u) => u.active).map((u) => u.name));
  const sampleUnit = config.units.find((u) => u.active)?.name ?? '';
  const logged = new Set<string>();
  const logOnce = (formKey: string, reason: string, value?: string) => {
    const key = `${formKey}|${reason}|${value ?? ''}`;
    if (logged.has(key)) return;
    logged.add(key);
    deps.log.record({
      event: 'prefillSkipped',
      form: formKey,
      reason,
      ...(value ? { value } : {}),
    });
  };
  return (formKey: string, value: string): string | null => {
    if (!templates.has(formKey)) {
      const field = formDef(formKey)?.fields.find(
        (f) => f.key === 'unitId' || f.key === 'projectRef',
      );
      const unit = field?.key === 'unitId';
      const placeholder = unit ? sampleUnit : 'PROJECT_REF_PLACEHOLDER';
      const url = field ? deps.forms.prefilledUrl(formKey, { [field.key]: placeholder }) : null;
      templates.set(formKey, url ? { url, placeholder, unit } : null);
    }
    const template = templates.get(formKey);
    if (!template) return null;
    if (template.unit && !choices.has(value)) {
      logOnce(formKey, 'notAChoice', value);
      return plainLink(template.url);
    }
    const filled = replaceParameter(template.url, template.placeholder, value);
    if (filled === null) {
      logOnce(formKey, 'placeholderNotFound');
      return plainLink(template.url);
    }
    return filled;
  };
}

/** Decodes a query value as a browser reads it ('+' is a space); null when it is malformed. */
function decodeQueryValue(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** The URL with the one query parameter whose value reads `from` set to `to`; null if none does. */
export function replaceParameter(url: string, from: string, to: string): string | null {
  const q = url.indexOf('?');
  if (q < 0) return null;
  const params = url.slice(q + 1).split('&');
  const at = params.findIndex((p) => {
    const eq = p.indexOf('=');
    return eq > 0 && decodeQueryValue(p.slice(eq + 1)) === from;
  });
  if (at < 0) return null;
  const name = params[at].slice(0, params[at].indexOf('='));
  params[at] = `${name}=${encodeURIComponent(to)}`;
  return `${url.slice(0, q)}?${params.join('&')}`;
}

/** The form's link without any pre-filled answer (what the units' links point to). */
export function plainLink(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const kept = url
    .slice(q + 1)
    .split('&')
    .filter((p) => !p.startsWith('entry.') && !p.startsWith('usp='));
  return kept.length ? `${url.slice(0, q)}?${kept.join('&')}` : url.slice(0, q);
}
