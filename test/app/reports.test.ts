import { DocumentApp } from '../../src/offline/emulator/document-app';
import { textOf } from '../../src/offline/emulator/document-model';
import { PropertiesService } from '../../src/offline/emulator/properties-service';
import { ADMIN, configured, sampleScenario } from '../support/campaign';
import { blocksOf, reportDocs, sheetRecords, table } from '../support/report-docs';

type Campaign = ReturnType<typeof configured>;
type Cell = string | number | boolean | Date;

function activeCampaign(at = '2014-05-19T10:00:00+08:00'): Campaign {
  const campaign = configured(sampleScenario(), at);
  expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
  return campaign;
}

const records = sheetRecords;

const TYPES = ['创新探索型', '典型示范型', '制度推广型'];
const THEMES = ['服务改革', '服务发展', '服务民生', '服务群众', '服务党员'];

/**
 * Writes n projects into 项目库 as the intake would have (staff paste, no script runs): units in
 * turn, some late, some unverified, three key projects with funding, one without rectification.
 */
function seedProjects(campaign: Campaign, n: number): void {
  const units = records(campaign, '单位名册').filter((u) => u['是否参与'] !== false);
  const header = (campaign.values('项目库') ?? [[]])[0].map(String);
  const rows = Array.from({ length: n }, (_, i) => {
    const unit = units[(i * 7) % Math.max(1, units.length - 3)];
    const late = i % 9 === 4;
    const values: Record<string, Cell> = {
      项目编号: `SJXM-2014-${String(i + 1).padStart(3, '0')}`,
      单位编号: unit['单位编号'],
      单位名称: unit['单位名称'],
      单位类别: unit['单位类别'],
      项目名称: `项目 ${i + 1} $1 \\ {{campaignName}}`,
      项目类型: TYPES[i % 3],
      服务主题: [THEMES[i % 5], THEMES[(i + 2) % 5]].join('、'),
      整顿软弱涣散基层党组织措施: i === 5 ? '' : '一支部一策',
      '经费需求（万元）': i % 4,
      审核状态: i < 3 ? '重点项目' : i % 2 ? '备案' : '待审核',
      '专项经费（万元）': i < 3 ? i + 1.5 : '',
      身份核验: i % 6 === 1 ? '未核验' : '已核验',
      首次提交时间: new Date(
        Date.parse(late ? '2014-05-31T09:00:00+08:00' : '2014-05-26T09:00:00+08:00') + i * 60000,
      ),
      是否逾期: late ? '逾期' : '',
      回复编号: `r${i}`,
    };
    return header.map((h) => values[h] ?? '');
  });
  if (rows.length) campaign.paste('项目库', 2, rows, ADMIN);
}

describe('stage summary report (dist/Code.js, emulated DocumentApp/DriveApp)', () => {
  test('every number of the application stage report equals a hand computation from the sheets', () => {
    const campaign = activeCampaign();
    seedProjects(campaign, 40);
    campaign.advanceTo(Date.parse('2014-05-31T10:00:00+08:00'));
    campaign.open(ADMIN);
    const run = campaign.clickMenu('generateStageReport', ADMIN);
    expect(run.ok).toBe(true);
    const [doc] = reportDocs(campaign);
    expect(doc.name).toBe('2014年度基层党建“书记项目”（示例）申报阶段总结报告（2014-05-31）');
    const blocks = blocksOf(doc.tree.body);
    expect(blocks).toContain('2014年度基层党建“书记项目”（示例）申报阶段总结报告');

    // Hand computation from the workbook.
    const units = records(campaign, '单位名册').filter((u) => u['是否参与'] !== false);
    const projects = records(campaign, '项目库');
    const deadlineEnd = Date.parse('2014-05-31T00:00:00+08:00');
    const first = new Map<string, number>();
    for (const p of projects) {
      const t = (p['首次提交时间'] as Date).getTime();
      const id = String(p['单位编号']);
      first.set(id, Math.min(first.get(id) ?? Infinity, t));
    }
    const met = units.filter((u) => first.has(String(u['单位编号'])));
    const late = met.filter((u) => first.get(String(u['单位编号']))! >= deadlineEnd);
    const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—');
    const overview = blocks.find((b) => typeof b === 'string' && b.includes('应报单位'));
    expect(overview).toContain(
      `应报单位 ${units.length} 个，已报 ${met.length} 个（其中逾期报送 ${late.length} 个），未报 ${units.length - met.length} 个，完成率 ${pct(met.length, units.length)}。`,
    );
    expect(late.length).toBeGreaterThan(0);
    expect(units.length - met.length).toBeGreaterThan(0);

    const byType = table(blocks, '项目类型', '项目数', '占比');
    for (const type of TYPES) {
      const count = projects.filter((p) => p['项目类型'] === type).length;
      expect(byType.find((r) => r[0] === type)).toEqual([
        type,
        String(count),
        pct(count, projects.length),
      ]);
    }
    const byTheme = table(blocks, '服务主题', '项目数', '占比');
    for (const theme of THEMES) {
      const count = projects.filter((p) =>
        String(p['服务主题']).split('、').includes(theme),
      ).length;
      expect(byTheme.find((r) => r[0] === theme)?.[1]).toBe(String(count));
    }
    const byDept = table(blocks, '归口部门', '参与单位');
    for (const [key, label] of [
      ['org', '组织部'],
      ['enterprise', '企业工作部'],
    ]) {
      const mine = units.filter((u) =>
        key === 'org'
          ? ['机关事业单位', '驻深机关单位'].includes(String(u['单位类别']))
          : ['驻深企业', '驻深办事处'].includes(String(u['单位类别'])),
      );
      const done = mine.filter((u) => first.has(String(u['单位编号']))).length;
      const row = byDept.find((r) => r[0] === label)!;
      expect(row.slice(1)).toEqual([
        String(mine.length),
        String(projects.filter((p) => mine.some((u) => u['单位编号'] === p['单位编号'])).length),
        String(mine.length),
        String(done),
        String(mine.filter((u) => late.includes(u)).length),
        pct(done, mine.length),
      ]);
    }
    const missing = table(blocks, '序号', '单位编号', '单位名称');
    expect(missing.slice(1).map((r) => r[1])).toEqual(
      units.filter((u) => !met.includes(u)).map((u) => String(u['单位编号'])),
    );
    // A unit audience owes no project: the always-empty 项目 column is dropped from both tables.
    expect(missing[0]).toEqual(['序号', '单位编号', '单位名称', '单位类别', '归口部门']);
    const lateRows = table(blocks, '序号', '单位名称', '首次提交时间');
    expect(lateRows[0]).toHaveLength(3);
    expect(lateRows.length - 1).toBe(late.length);

    const keyRows = table(blocks, '序号', '项目编号', '申报单位');
    const key = projects.filter((p) => p['审核状态'] === '重点项目');
    expect(keyRows.slice(1).map((r) => [r[1], r[6]])).toEqual(
      key.map((p) => [String(p['项目编号']), String(p['专项经费（万元）'])]),
    );
    const funding = key.reduce((s, p) => s + Number(p['专项经费（万元）']), 0);
    expect(blocks.find((b) => typeof b === 'string' && b.startsWith('重点项目 '))).toContain(
      `已下拨专项经费合计 ${funding} 万元`,
    );
    // Text from the workbook stays literal: `$1`, `\` and a placeholder-looking name.
    expect(keyRows[1][3]).toBe('项目 1 $1 \\ {\u200b{campaignName}}');

    const violations = table(blocks, '序号', '规则', '单位/项目', '情况');
    expect(violations.slice(1).map((r) => r[1])).toEqual([
      ...units.filter((u) => !met.includes(u)).map(() => '每单位至少申报项目'),
      '规定动作（整顿软弱涣散基层党组织）',
    ]);
    const timeline = table(blocks, '阶段', '开始日期', '截止日期');
    expect(timeline.slice(1).map((r) => [r[0], r[7]])).toEqual([
      ['申报阶段', '已截止'],
      ['筛选阶段', '尚未开始'],
      ['实施方案备案', '尚未开始'],
      ['实施阶段', '尚未开始'],
      ['总结阶段', '尚未开始'],
    ]);
    // The chart: a borderless table in place of {{chart}}, one row per department — its name,
    // its bar (a PNG as wide as the rate), its rate — right above the caption.
    const at = doc.tree.body.children.findIndex((c) => textOf(c).startsWith('图1'));
    const chart = doc.tree.body.children[at - 1];
    expect(chart.type).toBe('TABLE');
    expect(chart.attrs.BORDER_WIDTH).toBe(0);
    expect(chart.children.map((row) => [textOf(row.children[0]), textOf(row.children[2])])).toEqual(
      byDept.slice(1).map((r) => [r[0], r[6]]),
    );
    const bars = chart.children.map((row) =>
      row.children[1].children.flatMap((p) => p.children.filter((e) => e.type === 'INLINE_IMAGE')),
    );
    expect(bars.map((b) => b.length)).toEqual([1, 1]);
    expect(bars.flat().map((b) => b.image?.contentType)).toEqual(['image/png', 'image/png']);
    expect(blocks).toContain('图1  各归口部门本阶段完成率');
    expect(JSON.stringify(blocks)).not.toMatch(/\{\{(?!\u200b)/);

    // Staff get one email with the link and the PDF; the mail log and the run log record it.
    const mail = campaign.outbox().at(-1)!;
    expect(mail.subject).toBe(
      '【2014年度基层党建“书记项目”（示例）】申报阶段总结报告（2014-05-31）',
    );
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    expect(mail.body).toContain(doc.id);
    const log = run.execution.logs.map((l) => l.json as Record<string, unknown>);
    expect(log).toContainEqual({
      event: 'report',
      kind: 'stageReport',
      stageId: 'apply',
      name: doc.name,
    });
    expect(records(campaign, '邮件记录').at(-1)?.['类型']).toBe('报告');
  });

  test('Apps Script calls per report are the same for 10 and 200 projects', () => {
    const calls = [10, 200].map((n) => {
      const campaign = activeCampaign();
      seedProjects(campaign, n);
      campaign.advanceTo(Date.parse('2014-05-31T10:00:00+08:00'));
      campaign.open(ADMIN);
      const run = campaign.clickMenu('generateStageReport', ADMIN);
      expect(run.ok).toBe(true);
      return { total: run.execution.calls, counts: run.execution.counts };
    });
    // One setColumnWidth per column, never per row: a column empty for every item is dropped,
    // so that count may differ by the dropped columns; everything else is the same.
    const without = (c: Record<string, number>) => {
      const { 'DocumentApp.Table.setColumnWidth': widths, ...rest } = c;
      return { rest, widths };
    };
    const [small, large] = calls.map((c) => without(c.counts));
    expect(large.rest).toEqual(small.rest);
    // At most one per column of the template (49) and of the chart (3).
    for (const { widths } of [small, large]) expect(widths).toBeLessThanOrEqual(52);
    // Noted in the report of this work: the figure itself.
    expect(calls[0].total).toBeLessThan(500);
  });
});

describe('report templates staff can edit', () => {
  function templateId(campaign: Campaign, kind: string): string {
    return String(
      PropertiesService._store(campaign.ws, 'script').getProperty(`reports.template.${kind}.id`),
    );
  }

  function editTemplate(campaign: Campaign, kind: string, text: string): void {
    const docs = campaign.emulator.services.DocumentApp as DocumentApp;
    campaign.asPerson(ADMIN, () => {
      const body = docs.openById(templateId(campaign, kind)).getBody();
      body.appendParagraph(text);
    });
  }

  test('activate creates the three template Docs once; running it again creates none', () => {
    const campaign = activeCampaign();
    const names = () => DocumentApp._documents(campaign.ws).map((d) => d.name);
    expect(names()).toEqual([
      '报告模板：阶段总结报告',
      '报告模板：项目档案',
      '报告模板：验收总结报告',
    ]);
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    expect(names()).toHaveLength(3);
  });

  test('a template with an unknown placeholder fails with a message naming it and leaves no Doc behind', () => {
    const campaign = activeCampaign();
    editTemplate(campaign, 'stageReport', '负责人：{{leaderName}}');
    campaign.advanceTo(Date.parse('2014-05-31T10:00:00+08:00'));
    campaign.open(ADMIN);
    const sent = campaign.outbox().length;
    const run = campaign.clickMenu('generateStageReport', ADMIN);
    expect(run.ok).toBe(true);
    expect(campaign.alerts().at(-1)?.prompt ?? JSON.stringify(campaign.alerts().at(-1))).toContain(
      '{{leaderName}}',
    );
    expect(reportDocs(campaign).filter((d) => !d.trashed)).toEqual([]);
    expect(campaign.outbox()).toHaveLength(sent);
    expect(run.execution.logs.map((l) => (l.json as { event?: string })?.event)).toContain(
      'reportFailed',
    );
  });

  test('a list placeholder outside a table repeat row fails naming it, and leaves no Doc behind', () => {
    const campaign = activeCampaign();
    editTemplate(campaign, 'finalReport', '合计 {{projects.acceptanceScore}}');
    campaign.open(ADMIN);
    expect(campaign.clickMenu('generateFinalReport', ADMIN).ok).toBe(true);
    expect(JSON.stringify(campaign.alerts().at(-1))).toContain('{{projects.acceptanceScore}}');
    expect(reportDocs(campaign).filter((d) => !d.trashed)).toEqual([]);
  });

  test('staff wording in a template is kept; placeholders they add are filled', () => {
    const campaign = activeCampaign();
    editTemplate(campaign, 'stageReport', '本报告呈报：工委领导。活动：{{campaignName}}');
    campaign.open(ADMIN);
    campaign.clickMenu('generateStageReport', ADMIN);
    const [doc] = reportDocs(campaign);
    expect(blocksOf(doc.tree.body).at(-1)).toBe(
      '本报告呈报：工委领导。活动：2014年度基层党建“书记项目”（示例）',
    );
  });
});

describe('project dossiers and the final acceptance report', () => {
  test('one dossier per project, laid out as the application form (two-column table) with review results', () => {
    const campaign = activeCampaign();
    seedProjects(campaign, 3);
    campaign.open(ADMIN);
    const run = campaign.clickMenu('generateDossiers', ADMIN);
    expect(run.ok).toBe(true);
    const docs = reportDocs(campaign);
    expect(docs.map((d) => d.name)).toEqual([
      '项目档案 SJXM-2014-001 项目 1 $1 \\ {{campaignName}}',
      '项目档案 SJXM-2014-002 项目 2 $1 \\ {{campaignName}}',
      '项目档案 SJXM-2014-003 项目 3 $1 \\ {{campaignName}}',
    ]);
    const blocks = blocksOf(docs[0].tree.body);
    expect(blocks).toContain('基层党建“书记项目”申报表');
    expect(table(blocks, '申报单位').map((r) => r[0])).toEqual(['申报单位', '单位类别']);
    // The answers follow 表单设计: every field of the application form but the unit, in its order.
    const form = table(blocks, '项目名称');
    expect(form.every((r) => r.length === 2)).toBe(true);
    expect(form.map((r) => r[0])).toEqual([
      '项目名称',
      '项目类型',
      '服务主题',
      '整顿软弱涣散基层党组织措施',
      '项目负责人',
      '职务',
      '目标任务',
      '主要措施',
      '完成期限',
      '项目联系人',
      '联系电话',
      '联系邮箱',
      '经费需求（万元）',
    ]);
    expect(form.find((r) => r[0] === '项目类型')?.[1]).toBe('创新探索型');
    expect(table(blocks, '审核状态')).toContainEqual(['专项经费（万元）', '1.5']);
  });

  test('the final acceptance report lists the six self-ratings and averages', () => {
    const campaign = activeCampaign();
    seedProjects(campaign, 4);
    campaign.open(ADMIN);
    expect(campaign.clickMenu('generateFinalReport', ADMIN).ok).toBe(true);
    const [doc] = reportDocs(campaign);
    const blocks = blocksOf(doc.tree.body);
    expect(doc.name).toMatch(/验收总结报告/);
    const standards = table(blocks, '序号', '标准', '平均分', '评分项目数');
    expect(standards.slice(1).map((r) => r[1])).toEqual([
      '领导班子强',
      '骨干队伍强',
      '场所阵地强',
      '服务载体强',
      '制度机制强',
      '服务业绩强',
    ]);
    expect(table(blocks, '项目编号', '申报单位').length).toBe(5);
  });
});

describe('report links are owed mail (dist/Code.js, emulated MailApp)', () => {
  test('a report email that fails with a transient error waits in 待发邮件 and goes out with the link on the next daily run, once', () => {
    const campaign = activeCampaign();
    seedProjects(campaign, 5);
    campaign.advanceTo(Date.parse('2014-05-31T10:00:00+08:00'));
    campaign.open(ADMIN);
    const { MailApp } = jest.requireActual(
      '../../src/offline/emulator/mail-app',
    ) as typeof import('../../src/offline/emulator/mail-app');
    MailApp._failNextSends(campaign.ws, 1);
    const before = campaign.outbox().length;
    expect(campaign.clickMenu('generateStageReport', ADMIN).ok).toBe(true);
    expect(campaign.outbox()).toHaveLength(before);
    const queue = () => records(campaign, '待发邮件');
    expect(queue().map((q) => [q['类型'], q['状态'], q['原因']])).toEqual([
      ['报告', '待发送', 'Service error: MailApp'],
    ]);
    const [doc] = reportDocs(campaign);
    campaign.fireClockTriggers(Date.parse('2014-06-01T23:00:00+08:00'));
    // (That daily run also makes the stage's own due report: another Doc, another email.)
    const sent = campaign.outbox().filter((m) => m.body.includes(`id=${doc.id}`));
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toBe(String(queue()[0]['主题']));
    expect(sent[0].replyTo).toBe('zzb@jggw.example');
    expect(queue().map((q) => q['状态'])).toEqual(['待发送', '已发送']);
  });
});
