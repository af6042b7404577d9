/**
 * Who an audience names, as members: a unit, a subject with one of its units, or a person with
 * their unit. Duties are owed and rules are checked per member. Pure.
 */
import { passesFilter, type CampaignData } from './campaign-data';
import type { AudienceDef } from './template';

export interface Member {
  unitId: string;
  subjectId: string | null;
  personId: string | null;
}

export interface MemberOptions {
  /**
   * Subjects and people count only when their unit is active. Duties need it (an inactive unit is
   * never reminded); the quota rules check every subject and person, as they always have.
   */
  activeOwnersOnly: boolean;
}

/**
 * The members of an audience, in data order. A subject owned by several units (a key task with
 * lead units) is one member per owning unit. Staff name no members.
 */
export function membersOf(
  audience: AudienceDef,
  data: CampaignData,
  options: MemberOptions,
): Member[] {
  const active = new Set(data.units.filter((u) => u.active).map((u) => u.unitId));
  const unit = (unitId: string): Member => ({ unitId, subjectId: null, personId: null });
  const activeUnits = data.units.filter((u) => u.active);
  switch (audience.kind) {
    case 'allUnits':
      return activeUnits.map((u) => unit(u.unitId));
    case 'unitsOfCategory':
      return activeUnits
        .filter((u) => audience.categories.includes(u.category))
        .map((u) => unit(u.unitId));
    case 'unitsWithSubject': {
      const owners = new Set(
        data.subjects.filter((s) => s.type === audience.subject).flatMap((s) => s.unitIds),
      );
      return activeUnits.filter((u) => owners.has(u.unitId)).map((u) => unit(u.unitId));
    }
    case 'subjects':
      return data.subjects
        .filter((s) => s.type === audience.subject)
        .filter(
          (s) => !audience.filter || passesFilter(s.values[audience.filter.field], audience.filter),
        )
        .flatMap((s) =>
          s.unitIds.map((unitId) => ({ unitId, subjectId: s.subjectId, personId: null })),
        )
        .filter((m) => !options.activeOwnersOnly || active.has(m.unitId));
    case 'roster':
      return data.people
        .filter((p) => !audience.roles || audience.roles.includes(p.role))
        .filter((p) => !options.activeOwnersOnly || active.has(p.unitId))
        .map((p) => ({ unitId: p.unitId, subjectId: null, personId: p.personId }));
    case 'staff':
      return [];
  }
}
