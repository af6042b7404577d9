/**
 * Who owes a stage (or a rule's members) as 阶段设置 and 配额规则 write it — an audience key with
 * its scope — and the condition syntax both sheets use for filters (field=值1、值2, field≠值).
 */
import type { AUDIENCES } from '../../sheets-templates/config-sheets';
import { problem, type ProblemRef } from '../i18n';
import { STATUS } from './records';
import type { AudienceDef, CampaignTemplate, Filter } from './template';

type Audience = (typeof AUDIENCES)[number];

const CONDITION = /^\s*([A-Za-z][\w-]*)\s*(=|≠|!=|＝)\s*(.*)$/;

/** `field=值1、值2` or `field≠值`: a filter on a stored value ('' stands for a blank). */
export function parseCondition(raw: string): Filter | null {
  const m = CONDITION.exec(raw);
  if (!m) return null;
  const values = m[3].split(/[、;；,，]/).map((v) => v.trim());
  const list =
    values.length === 1 && values[0] === '' ? [''] : values.filter((v, i) => v !== '' || i === 0);
  return m[2] === '=' || m[2] === '＝' ? { field: m[1], in: list } : { field: m[1], notIn: list };
}

/**
 * Who owes a stage, from its audience key and scope. The Secretary Project's keys name its
 * projects: units with one, key projects (status 重点项目), every project.
 */
export function audienceOf(
  audience: Audience,
  scope: string,
  template: CampaignTemplate,
): AudienceDef | ProblemRef {
  const madeByForm = template.subjects.find((s) => s.source === 'form')?.key;
  const firstSubject = template.subjects[0]?.key;
  const list = scope
    .split(/[、;；,，]/)
    .map((v) => v.trim())
    .filter(Boolean);
  switch (audience) {
    case 'allUnits':
      return { kind: 'allUnits' };
    case 'staff':
      return { kind: 'staff' };
    case 'unitsWithProjects':
      return madeByForm ? { kind: 'unitsWithSubject', subject: madeByForm } : problem('noSubjects');
    case 'keyProjects':
      return madeByForm
        ? { kind: 'subjects', subject: madeByForm, filter: { field: 'status', in: [STATUS.key] } }
        : problem('noSubjects');
    case 'allProjects':
      return madeByForm ? { kind: 'subjects', subject: madeByForm } : problem('noSubjects');
    case 'unitsOfCategory':
      return list.length
        ? { kind: 'unitsOfCategory', categories: list }
        : problem('scopeNeeded', audience);
    case 'roster':
      if (!template.roster) return problem('noRoster');
      return list.length ? { kind: 'roster', roles: list } : { kind: 'roster' };
    case 'subjects': {
      if (!firstSubject) return problem('noSubjects');
      if (scope.trim() === '') return { kind: 'subjects', subject: firstSubject };
      const filter = parseCondition(scope);
      return filter
        ? { kind: 'subjects', subject: firstSubject, filter }
        : problem('badCondition', scope);
    }
    default:
      return { kind: 'allUnits' };
  }
}
