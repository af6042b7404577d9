import { FormApp } from '../../src/offline/emulator/form-app';
import { PropertiesService } from '../../src/offline/emulator/properties-service';
import { ScriptApp } from '../../src/offline/emulator/script-app';
import { ADMIN, configured, newCampaign, sampleScenario } from '../support/campaign';

const HEALTH = '运行状况';
const dailyTriggers = (c: ReturnType<typeof newCampaign>) =>
  c.triggers().filter((t) => t.handler === 'onDailyTick' && t.kind === 'clock');

describe('setup (menu) on dist/Code.js in the sandbox', () => {
  test('creates Settings, Units, Stages, Form design and Health with headers, dropdowns, frozen header and sample rows', () => {
    const campaign = newCampaign();
    campaign.open(ADMIN);
    expect(campaign.menuItems().map((i) => i.caption)).toEqual([
      '初始化表格',
      '仅校验配置',
      '校验配置并启动',
      '预览今日提醒（不发送）',
      '立即检查配额',
      '核验提交人身份',
      '确认我的审核决定',
      '修复触发器',
      '运行自检',
      '更换个人链接密钥',
      '生成阶段总结报告',
      '生成项目档案',
      '生成验收总结报告',
      '生成活动报告',
    ]);
    const run = campaign.clickMenu('初始化表格', ADMIN);
    expect(run.ok).toBe(true);
    expect(campaign.values('单位名册')?.[0]).toEqual([
      '单位编号',
      '单位名称',
      '单位类别',
      '书记',
      '联系人',
      '联系邮箱',
      '联系电话',
      '党员人数',
      '是否参与',
    ]);
    const stages = campaign.values('阶段设置') ?? [];
    expect(stages.slice(1).map((r) => r[0])).toEqual([
      'apply',
      'screen',
      'plan',
      'implement',
      'summarize',
    ]);
    // The sample phone number stays text (Sheets would turn an unquoted "0755-…" into a date or number).
    expect(campaign.values('单位名册')?.[1][6]).toBe('0755-00000001');
    const sheet = campaign.sheet('单位名册');
    expect(sheet.getFrozenRows()).toBe(1);
    const category = campaign.asPerson(ADMIN, () => sheet.getRange('C2').getDataValidation());
    expect(category?.getCriteriaValues()[0]).toEqual([
      '机关事业单位',
      '驻深机关单位',
      '驻深企业',
      '驻深办事处',
    ]);
    // 表单设计: one row per field of the template's forms, labels in Chinese, in form order.
    const design = campaign.values('表单设计') ?? [];
    expect(design[0].slice(0, 6)).toEqual([
      '表单',
      '字段编号',
      '题目',
      '英文题目',
      '字段类型',
      '必填',
    ]);
    expect(design.filter((r) => r[0] === '申报表').map((r) => r[1])).toEqual([
      'unitId',
      'projectName',
      'projectType',
      'themes',
      'rectification',
      'leader',
      'leaderTitle',
      'goals',
      'measures',
      'dueDate',
      'contactName',
      'contactPhone',
      'contactEmail',
      'budget',
    ]);
    expect(design.find((r) => r[1] === 'themes')?.slice(4, 7)).toEqual([
      '多选',
      true,
      '服务改革、服务发展、服务民生、服务群众、服务党员',
    ]);
    expect(campaign.alerts().at(-1)?.prompt).toContain('已创建 6 张工作表');
  });

  test('running setup twice changes nothing the second time', () => {
    const campaign = newCampaign();
    campaign.open(ADMIN);
    campaign.clickMenu('setup', ADMIN);
    const before = JSON.stringify(campaign.spreadsheet._snapshot());
    expect(campaign.clickMenu('setup', ADMIN).ok).toBe(true);
    expect(JSON.stringify(campaign.spreadsheet._snapshot())).toBe(before);
    expect(campaign.alerts().at(-1)?.prompt).toBe('所有工作表均已存在，未作任何改动。');
  });
});

describe('activate (menu)', () => {
  test('a valid configuration installs exactly one daily trigger at the reminder hour and records the campaign as active', () => {
    const campaign = configured();
    const run = campaign.clickMenu('activate', ADMIN);
    expect(run.ok).toBe(true);
    const triggers = dailyTriggers(campaign);
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({ owner: ADMIN, event: 'CLOCK' });
    expect(PropertiesService._store(campaign.ws, 'script').getProperty('campaign.active')).toBe(
      'true',
    );
    expect(campaign.values(HEALTH)?.[1].slice(0, 1)).toEqual(['正常']);
    expect(campaign.alerts().at(-1)?.prompt).toMatch(/已启动：5 个阶段、32 个参与单位。每日 9 时/);
    // The daily trigger fires within 09:00–10:00 Asia/Shanghai.
    const fired = campaign.fireClockTriggers(Date.parse('2014-05-21T00:00:00+08:00'));
    expect(fired.map((r) => r.execution.handler)).toEqual(['onDailyTick']);
    const hour = new Date(fired[0].execution.startedAt).getUTCHours() + 8;
    expect(hour).toBe(9);
  });

  test('activate creates every form titled and published: live create(name) leaves the title "" (Google issue tracker 442747794) and an unpublished form accepts no responses (reference Form.setPublished)', () => {
    const campaign = configured();
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    const forms = FormApp._forms(campaign.ws);
    expect(forms.length).toBeGreaterThan(0);
    const props = PropertiesService._store(campaign.ws, 'script');
    for (const form of forms) {
      expect(form.getTitle()).not.toBe('');
      expect(form.getTitle()).toContain(' · ');
      expect(form.isPublished()).toBe(true);
      expect(form.isAcceptingResponses()).toBe(true);
    }
    const application = props.getProperty('form.application.id');
    expect(forms.map((f) => f.getId())).toContain(application);
  });

  test('running activate twice (or after a duplicate) leaves exactly one daily trigger; the second run changes nothing', () => {
    const campaign = configured();
    campaign.clickMenu('activate', ADMIN);
    const first = dailyTriggers(campaign).map((t) => t.id);
    const properties = JSON.stringify(
      PropertiesService._store(campaign.ws, 'script').getProperties(),
    );
    campaign.clickMenu('activate', ADMIN);
    expect(dailyTriggers(campaign).map((t) => t.id)).toEqual(first);
    expect(JSON.stringify(PropertiesService._store(campaign.ws, 'script').getProperties())).toBe(
      properties,
    );
    expect(campaign.alerts().at(-1)?.prompt).toContain('未作任何改动');
    // A duplicate daily trigger of the same account (a double click, an old install) is merged.
    campaign.asPerson(ADMIN, () =>
      new ScriptApp(campaign.ws)
        .newTrigger('onDailyTick')
        .timeBased()
        .everyDays(1)
        .atHour(9)
        .create(),
    );
    expect(dailyTriggers(campaign)).toHaveLength(2);
    campaign.clickMenu('activate', ADMIN);
    expect(dailyTriggers(campaign)).toHaveLength(1);
  });

  test('an invalid configuration yields every error at once, located in Chinese, and installs no trigger', () => {
    const scenario = sampleScenario();
    const stageAt = (key: string) => scenario.stages.header.indexOf(key);
    const unitAt = (key: string) => scenario.units.header.indexOf(key);
    scenario.stages.rows[0][stageAt('deadline')] = '2014-05-10'; // before opensOn 05-20
    scenario.stages.rows[1][stageAt('opensOn')] = '2014-06-31'; // no such date
    scenario.stages.rows[2][stageAt('form')] = 'survey'; // unknown form
    scenario.units.rows[3][unitAt('unitId')] = scenario.units.rows[2][unitAt('unitId')]; // duplicate id
    const campaign = configured(scenario);
    const run = campaign.clickMenu('activate', ADMIN);
    expect(run.ok).toBe(true);
    const health = (campaign.values(HEALTH) ?? []).slice(1).map((r) => r.slice(0, 5).join('|'));
    expect(health).toEqual(
      expect.arrayContaining([
        '错误|阶段设置|2|截止日期|截止日期（2014-05-10）早于开始日期（2014-05-20）',
        expect.stringMatching(/^错误\|阶段设置\|3\|开始日期\|「2014-06-31」不是有效日期/),
        '错误|阶段设置|4|对应表单|未知的表单「survey」，可选：application、plan、ledger、selfAssessment',
        '错误|单位名册|5|单位编号|「U03」与第 4 行重复',
      ]),
    );
    expect(health).toHaveLength(4);
    const alert = campaign.alerts().at(-1);
    expect(alert?.title).toBe('配置有误，活动未启动');
    expect(alert?.prompt).toContain('共发现 4 处问题');
    expect(dailyTriggers(campaign)).toHaveLength(0);
    expect(
      PropertiesService._store(campaign.ws, 'script').getProperty('campaign.active'),
    ).toBeNull();
  });

  test('roster and staff addresses that are not plain, or more than 10 for one unit, are refused at activation, located in 运行状况, and nothing else changes', () => {
    const scenario = sampleScenario();
    const unitAt = (key: string) => scenario.units.header.indexOf(key);
    scenario.units.rows[0][unitAt('email')] = 'mailto:dw@fgw.example';
    scenario.units.rows[1][unitAt('email')] = Array.from(
      { length: 11 },
      (_, i) => `dw${i}@jyj.example`,
    ).join(';');
    scenario.settings = scenario.settings.map((s) =>
      s.key === 'staffEmails.org' ? { key: s.key, value: '张三 <zzb@jggw.example>' } : s,
    );
    const campaign = configured(scenario);
    const before = campaign.outbox().length;
    const sheets = ['系统设置', '单位名册', '阶段设置'];
    const configBefore = JSON.stringify(sheets.map((t) => campaign.values(t)));
    const run = campaign.clickMenu('activate', ADMIN);
    expect(run.ok).toBe(true);
    const health = (campaign.values(HEALTH) ?? []).slice(1).map((r) => r.slice(0, 5).join('|'));
    expect(health).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^错误\|单位名册\|2\|联系邮箱\|「mailto:dw@fgw\.example」不是单纯的邮箱地址/,
        ),
        '错误|单位名册|3|联系邮箱|填写了 11 个邮箱地址，每个单位最多 10 个：每个地址都计入每日收件人配额，且 MailApp 每封邮件最多 50 个收件人',
        expect.stringMatching(
          /^错误\|系统设置\|\d+\|值\|「张三 <zzb@jggw\.example>」不是单纯的邮箱地址/,
        ),
      ]),
    );
    expect(health).toHaveLength(3);
    const alert = campaign.alerts().at(-1);
    expect(alert?.title).toBe('配置有误，活动未启动');
    expect(alert?.prompt).toContain('共发现 3 处问题');
    expect(dailyTriggers(campaign)).toHaveLength(0);
    expect(campaign.triggers()).toHaveLength(0);
    const props = PropertiesService._store(campaign.ws, 'script');
    expect(props.getProperty('campaign.active')).toBeNull();
    expect(props.getProperty('form.application.id')).toBeNull();
    expect(campaign.outbox()).toHaveLength(before);
    expect(JSON.stringify(sheets.map((t) => campaign.values(t)))).toBe(configBefore);
  });

  test('the daily run repairs a missing daily trigger (deleted by someone) and keeps exactly one', () => {
    const campaign = configured();
    campaign.clickMenu('activate', ADMIN);
    const [trigger] = dailyTriggers(campaign);
    const fired = campaign.fireClockTriggers(Date.parse('2014-05-20T12:00:00+08:00'));
    expect(fired).toHaveLength(1);
    campaign.asPerson(ADMIN, () => {
      const app = new ScriptApp(campaign.ws);
      for (const t of app.getProjectTriggers())
        if (t.getUniqueId() !== trigger.id) app.deleteTrigger(t);
      app.newTrigger('onDailyTick').timeBased().everyDays(1).atHour(9).create();
    });
    expect(dailyTriggers(campaign)).toHaveLength(2);
    const next = campaign.fireClockTriggers(Date.parse('2014-05-21T12:00:00+08:00'));
    expect(next.length).toBeGreaterThanOrEqual(1);
    expect(next.every((r) => r.ok)).toBe(true);
    expect(dailyTriggers(campaign)).toHaveLength(1);
    const repaired = next.flatMap((r) => r.execution.logs.map((l) => l.json as { event?: string }));
    expect(repaired.some((r) => r?.event === 'triggersRepaired')).toBe(true);
  });
});
