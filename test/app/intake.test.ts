import { REPLAYERS, type ReplayContext } from '../../src/offline/rehearsal/engine';
import type { ScenarioEvent, EditEvent } from '../../src/offline/rehearsal/scenario';
import { FormApp } from '../../src/offline/emulator/form-app';
import { PropertiesService } from '../../src/offline/emulator/properties-service';
import type { RunResult } from '../../src/offline/sandbox/sandbox';
import {
  activeSample,
  ADMIN,
  configured,
  replaySubmitEvent,
  sampleScenario,
} from '../support/campaign';

type Campaign = ReturnType<typeof configured>;

const APPLY = {
  unitId: 'U01',
  projectName: '“党员先锋岗”服务品牌',
  projectType: '创新探索型',
  themes: ['服务改革', '服务发展'],
  rectification: '对排查出的软弱涣散支部实行“一支部一策”整改。',
  leader: '张书记',
  leaderTitle: '机关党委书记',
  goals: '建成服务型党组织示范点。',
  measures: '建立党员志愿服务队。',
  dueDate: '2014-12-20',
  contactName: '李明',
  contactPhone: '0755-82100001',
  contactEmail: 'dw@fgw.example',
  budget: 5,
};

const activeCampaign = activeSample;

let serial = 0;
function submit(
  c: { campaign: Campaign; context: ReplayContext },
  form: string,
  email: string,
  answers: Record<string, unknown>,
  at = '2014-05-21T10:00:00+08:00',
): { id: string; runs: RunResult[] } {
  return replaySubmitEvent(c.campaign, c.context, { form, email, answers, at });
}

function edit(
  c: { campaign: Campaign; context: ReplayContext },
  of: string,
  answers: Record<string, unknown>,
  at: string,
) {
  c.campaign.advanceTo(Date.parse(at));
  const original = c.context.responses.get(of);
  expect(original).toBeDefined();
  const event = {
    type: 'edit',
    of,
    submitId: of,
    at,
    atMs: Date.parse(at),
    line: ++serial,
    answers,
    form: 'application',
    email: '',
  } as unknown as EditEvent;
  return REPLAYERS.edit!(c.campaign, event as ScenarioEvent, c.context);
}

const rows = (campaign: Campaign, title: string) => {
  const values = campaign.values(title) ?? [];
  const header = values[0] ?? [];
  return values
    .slice(1)
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
};

const logs = (runs: RunResult[]) =>
  runs.flatMap((r) => r.execution.logs.map((l) => l.json as Record<string, unknown>));

describe('intake of the application form (dist/Code.js, emulated Forms → Sheets)', () => {
  test('activate creates the four forms, collecting emails, allowing edits, with a submit trigger each, and writes their links into Settings', () => {
    const { campaign } = activeCampaign();
    const props = PropertiesService._store(campaign.ws, 'script');
    for (const key of ['application', 'plan', 'ledger', 'selfAssessment']) {
      const id = props.getProperty(`form.${key}.id`);
      expect(id).toBeTruthy();
      const form = FormApp._form(campaign.ws, String(id));
      expect(form?.collectsEmail()).toBe(true);
      expect(form?.canEditResponse()).toBe(true);
      expect(
        campaign.triggers().filter((t) => t.sourceId === id && t.handler === 'onFormSubmit'),
      ).toHaveLength(1);
    }
    const settings = rows(campaign, '系统设置');
    expect(settings.find((r) => r['设置项'] === 'formUrl.application')?.['值']).toMatch(
      /^https:\/\/docs\.google\.com\/forms\//,
    );
    // The unit dropdown lists the active units by name.
    const items = JSON.parse(String(props.getProperty('form.application.items')));
    const form = FormApp._form(campaign.ws, String(props.getProperty('form.application.id')));
    const choices = campaign.asPerson(ADMIN, () =>
      form!
        .getItemById(items.unitId)!
        .asListItem()
        .getChoices()
        .map((c) => c.getValue()),
    );
    expect(choices).toContain('市发展和改革委员会机关党委');
    expect(choices).toHaveLength(32);
  });

  test('an accepted application becomes a project with a stable id, and the respondent gets a receipt naming it with the edit link', () => {
    const c = activeCampaign();
    const { runs } = submit(c, 'application', 'dw@fgw.example', APPLY);
    expect(runs.map((r) => r.ok)).toEqual([true]);
    const [project] = rows(c.campaign, '项目库');
    expect(project).toMatchObject({
      项目编号: 'SJXM-2014-001',
      单位编号: 'U01',
      项目名称: APPLY.projectName,
      审核状态: '待审核',
      身份核验: '已核验',
      服务主题: '服务改革、服务发展',
    });
    expect(project['完成期限']).toBeInstanceOf(Date);
    const mail = c.campaign.outbox().at(-1)!;
    expect(mail.to).toEqual(['dw@fgw.example']);
    expect(mail.subject).toContain('SJXM-2014-001');
    expect(mail.body).toContain(String(project['修改链接']));
    expect(logs(runs)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          event: 'submission',
          status: 'accepted',
          projectId: 'SJXM-2014-001',
          unitId: 'U01',
        }),
        expect.objectContaining({ event: 'mail', kind: 'receipt', projectId: 'SJXM-2014-001' }),
      ]),
    );
  });

  test('an edit updates the same project (same id, new measures), never a second one', () => {
    const c = activeCampaign();
    const { id } = submit(c, 'application', 'dw@fgw.example', APPLY);
    const runs = edit(c, id, { measures: '每季度评议一次。' }, '2014-05-26T16:40:00+08:00');
    expect(runs.every((r) => r.ok)).toBe(true);
    const projects = rows(c.campaign, '项目库');
    expect(projects).toHaveLength(1);
    expect(projects[0]).toMatchObject({ 项目编号: 'SJXM-2014-001', 主要措施: '每季度评议一次。' });
    expect(projects[0]['最近更新时间']).toBeInstanceOf(Date);
    expect(logs(runs)).toEqual(
      expect.arrayContaining([expect.objectContaining({ event: 'submission', status: 'updated' })]),
    );
  });

  test("an edit that moves a registered project to another unit is refused: the project stays the first unit's, the respondent is told why", () => {
    const c = activeCampaign();
    const { id } = submit(c, 'application', 'dw@fgw.example', APPLY);
    const before = rows(c.campaign, '项目库');
    expect(before[0]).toMatchObject({ 单位编号: 'U01', 身份核验: '已核验' });
    const runs = edit(
      c,
      id,
      { unitId: 'U02', measures: '改到别的单位' },
      '2014-05-26T16:40:00+08:00',
    );
    expect(runs.every((r) => r.ok)).toBe(true);
    // The registration is exactly as before: same unit, same verification, the old measures.
    expect(rows(c.campaign, '项目库')).toEqual(before);
    const [rejection] = rows(c.campaign, '退回记录');
    expect(rejection['退回原因']).toContain('项目 SJXM-2014-001 已登记在「');
    expect(rejection['退回原因']).toContain('修改答卷不能把它改到「');
    const mail = c.campaign.outbox().at(-1)!;
    expect(mail.to).toEqual(['dw@fgw.example']);
    expect(mail.body).toContain('原登记保持不变');
    expect(logs(runs)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          event: 'submission',
          status: 'rejected',
          errors: ['unitId:unitChangeRefused'],
        }),
      ]),
    );
    // Edited back to its own unit, the response is taken again and the rejection marked fixed.
    edit(c, id, { unitId: 'U01', measures: '每季度评议一次。' }, '2014-05-27T09:00:00+08:00');
    expect(rows(c.campaign, '项目库')[0]).toMatchObject({
      单位编号: 'U01',
      主要措施: '每季度评议一次。',
    });
    expect(rows(c.campaign, '退回记录')[0]['处理状态']).not.toBe(rejection['处理状态']);
  });

  test("an edited plan cannot be moved to another unit's project: the plan stays with its project", () => {
    const c = activeCampaign();
    submit(c, 'application', 'dw@fgw.example', APPLY);
    submit(c, 'application', 'dw@wjw.example', {
      ...APPLY,
      unitId: 'U03',
      projectName: '另一个项目',
    });
    const plan = {
      projectRef: 'SJXM-2014-001',
      goals: 'g',
      organization: 'o',
      measures: 'm',
      safeguards: 's',
      timeline: '2014-12-15',
    };
    const { id } = submit(c, 'plan', 'dw@fgw.example', plan, '2014-07-10T10:00:00+08:00');
    const before = rows(c.campaign, '实施方案');
    expect(before).toEqual([
      expect.objectContaining({ 项目编号: 'SJXM-2014-001', 单位编号: 'U01' }),
    ]);
    edit(c, id, { projectRef: 'SJXM-2014-002' }, '2014-07-11T10:00:00+08:00');
    expect(rows(c.campaign, '实施方案')).toEqual(before);
    expect(rows(c.campaign, '退回记录').at(-1)?.['退回原因']).toContain(
      '修改后不能改为其他单位的项目',
    );
  });

  test('the same response delivered twice (a duplicate trigger) changes nothing and sends nothing more', () => {
    const c = activeCampaign();
    const { id } = submit(c, 'application', 'dw@fgw.example', APPLY);
    const before = JSON.stringify(c.campaign.spreadsheet._snapshot());
    const mails = c.campaign.outbox().length;
    const formId = String(
      PropertiesService._store(c.campaign.ws, 'script').getProperty('form.application.id'),
    );
    const { responseId } = c.context.responses.get(id) as { responseId: string };
    const response = c.campaign.asPerson(ADMIN, () =>
      FormApp._form(c.campaign.ws, formId)!.getResponse(responseId),
    );
    const trigger = c.campaign.triggers().find((t) => t.sourceId === formId)!;
    const again = c.campaign.run({
      handler: 'onFormSubmit',
      trigger: 'form',
      effectiveUser: trigger.owner,
      event: {
        authMode: 'FULL',
        source: FormApp._form(c.campaign.ws, formId),
        response,
        triggerUid: trigger.id,
      },
    });
    expect(again.ok).toBe(true);
    expect(JSON.stringify(c.campaign.spreadsheet._snapshot())).toBe(before);
    expect(c.campaign.outbox()).toHaveLength(mails);
  });

  test('a missing mandatory action is rejected, kept with its reason, and the rejection email names the field and gives the edit link', () => {
    const c = activeCampaign();
    const { runs } = submit(c, 'application', 'dw@wjw.example', {
      ...APPLY,
      unitId: 'U03',
      rectification: '',
    });
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(rows(c.campaign, '项目库')).toHaveLength(0);
    const [rejection] = rows(c.campaign, '退回记录');
    expect(rejection['退回原因']).toBe('「整顿软弱涣散基层党组织措施」：必填，不能为空');
    const mail = c.campaign.outbox().at(-1)!;
    expect(mail.subject).toContain('未通过校验');
    expect(mail.body).toContain('「整顿软弱涣散基层党组织措施」：必填，不能为空');
    expect(mail.body).toContain(String(rejection['修改链接']));
  });

  test('a submission from an address not on the roster is stored as unverified and says so', () => {
    const c = activeCampaign();
    submit(c, 'application', 'someone@gmail.example', { ...APPLY, unitId: '市教育局机关党委' });
    const [project] = rows(c.campaign, '项目库');
    expect(project).toMatchObject({ 单位编号: 'U02', 身份核验: '未核验' });
    expect(c.campaign.outbox().at(-1)!.body).toContain('不在「市教育局机关党委」的联系邮箱名册中');
  });

  test('a project name that is a formula stays text in every cell; HTML in answers is escaped in the email', () => {
    const c = activeCampaign();
    const name = '=HYPERLINK("http://evil.example","点我")';
    submit(c, 'application', 'dw@fgw.example', {
      ...APPLY,
      projectName: name,
      goals: '<script>alert(1)</script>',
    });
    const [project] = rows(c.campaign, '项目库');
    expect(project['项目名称']).toBe(name);
    for (const sheet of c.campaign.spreadsheet._snapshot().sheets) {
      expect(sheet.formulas.flat().filter((f) => f !== '')).toEqual([]);
    }
    const mail = c.campaign.outbox().at(-1)!;
    expect(mail.htmlBody).toContain('&lt;script&gt;');
    expect(mail.htmlBody).not.toContain('<script>');
  });

  test("plans, ledger entries and self-assessments attach to the project by id or by the unit's exact project name", () => {
    const c = activeCampaign();
    submit(c, 'application', 'dw@fgw.example', APPLY);
    submit(
      c,
      'plan',
      'dw@fgw.example',
      {
        projectRef: APPLY.projectName,
        goals: 'g',
        organization: 'o',
        measures: 'm',
        safeguards: 's',
        timeline: '2014-12-15',
      },
      '2014-07-10T10:00:00+08:00',
    );
    submit(
      c,
      'ledger',
      'dw@fgw.example',
      {
        projectRef: 'sjxm-2014-001',
        activityDate: '2014-07-25',
        activity: '主题党日',
        participants: '40',
        outcome: '完成',
      },
      '2014-07-25T15:00:00+08:00',
    );
    submit(
      c,
      'ledger',
      'dw@fgw.example',
      {
        projectRef: '不存在的项目',
        activityDate: '2014-07-26',
        activity: 'x',
        participants: '1',
        outcome: 'y',
      },
      '2014-07-26T15:00:00+08:00',
    );
    expect(rows(c.campaign, '实施方案')).toEqual([
      expect.objectContaining({ 项目编号: 'SJXM-2014-001', 单位编号: 'U01' }),
    ]);
    expect(rows(c.campaign, '工作台账')).toEqual([
      expect.objectContaining({ 项目编号: 'SJXM-2014-001', 参与人数: 40 }),
    ]);
    expect(rows(c.campaign, '退回记录').at(-1)?.['退回原因']).toContain(
      '找不到项目「不存在的项目」',
    );
  });
});

/** The sample campaign with some settings replaced, active on 2014-05-19. */
function activeWith(settings: Record<string, string>): {
  campaign: Campaign;
  context: ReplayContext;
} {
  const base = sampleScenario();
  const scenario = {
    ...base,
    settings: [
      ...base.settings.filter((s) => !(s.key in settings)),
      ...Object.entries(settings).map(([key, value]) => ({ key, value })),
    ],
  };
  const campaign = configured(scenario, '2014-05-19T10:00:00+08:00');
  expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
  return { campaign, context: { scenario, responses: new Map() } };
}

describe('mail headers are one line and at most 250 characters (dist/Code.js, emulated MailApp)', () => {
  test('CR/LF/tab in the campaign name, the sender name and a project name leave no line break in any header of the outbox', () => {
    const c = activeWith({
      campaignName: '2014年度\r\n书记项目\tBcc: x@evil.example',
      senderName: '市直机关工委\r\n\r\nReply-To: x@evil.example',
    });
    const accepted = submit(c, 'application', 'dw@fgw.example', {
      ...APPLY,
      projectName: '服务品牌\r\n第二行',
    });
    expect(accepted.runs.every((r) => r.ok)).toBe(true);
    submit(c, 'application', 'dw@kjcxw.example', { ...APPLY, unitId: 'U03', rectification: '' });
    const outbox = c.campaign.outbox();
    expect(outbox.length).toBeGreaterThanOrEqual(2);
    for (const mail of outbox) {
      expect(mail.subject).not.toMatch(/[\r\n\t]/);
      expect(mail.name ?? '').not.toMatch(/[\r\n\t]/);
      expect(mail.subject).not.toMatch(/ {2}/);
    }
    const receipt = outbox.find((m) => m.subject.includes('SJXM-2014-001'))!;
    expect(receipt.subject).toMatch(
      /^【2014年度 书记项目 Bcc: x@evil\.example】.+已受理：服务品牌 第二行（SJXM-2014-001）$/,
    );
    expect(receipt.name).toBe('市直机关工委 Reply-To: x@evil.example');
    expect(outbox.some((m) => m.subject.includes('未通过校验'))).toBe(true);
  });

  test('a 200-character campaign name and a 60-character project name: the receipt is sent, its subject ≤ 250 with the fixed words and the project id whole', () => {
    const campaignName = '书'.repeat(190) + '0123456789';
    expect(campaignName).toHaveLength(200);
    const c = activeWith({ campaignName });
    const projectName = '项'.repeat(50) + 'ABCDEFGHIJ';
    const { runs } = submit(c, 'application', 'dw@fgw.example', { ...APPLY, projectName });
    expect(runs.every((r) => r.ok)).toBe(true);
    const receipt = c.campaign.outbox().at(-1)!;
    expect(receipt.to).toEqual(['dw@fgw.example']);
    expect(receipt.subject.length).toBeLessThanOrEqual(250);
    expect(receipt.subject).toMatch(/^【书+…】.+已受理：项+ABCDEFGHIJ（SJXM-2014-001）$/);
    expect(receipt.subject).toContain('…');
  });
});
