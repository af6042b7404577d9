/**
 * 表单设计 on dist/Code.js: the administrator changes a form in the sheet, activates, and the form,
 * the record sheet, the intake and the report follow — no code change, no redeploy.
 */
import { FormApp } from '../../src/offline/emulator/form-app';
import { PropertiesService } from '../../src/offline/emulator/properties-service';
import type { ReplayContext } from '../../src/offline/rehearsal/engine';
import {
  activeSample,
  ADMIN,
  applicationAnswers,
  configured,
  replaySubmitEvent,
} from '../support/campaign';
import { blocksOf, reportDocs, sheetRecords, table } from '../support/report-docs';

type Campaign = ReturnType<typeof configured>;

const DESIGN = '表单设计';

const activeCampaign = activeSample;

/** The live application form's items, as its owner sees them in the form editor. */
function applicationItems(campaign: Campaign): { title: string; required: boolean }[] {
  const props = PropertiesService._store(campaign.ws, 'script');
  const form = FormApp._form(campaign.ws, String(props.getProperty('form.application.id')));
  return campaign.asPerson(ADMIN, () =>
    form!.getItems().map((item) => {
      const title = item.getTitle();
      const type = String(item.getType());
      const required =
        type === 'TEXT'
          ? item.asTextItem().isRequired()
          : type === 'PARAGRAPH_TEXT'
            ? item.asParagraphTextItem().isRequired()
            : type === 'LIST'
              ? item.asListItem().isRequired()
              : type === 'CHECKBOX'
                ? item.asCheckboxItem().isRequired()
                : type === 'DATE'
                  ? item.asDateItem().isRequired()
                  : false;
      return { title, required };
    }),
  );
}

function apply(
  c: { campaign: Campaign; context: ReplayContext },
  answers: Record<string, unknown>,
  at: string,
) {
  const { runs } = replaySubmitEvent(c.campaign, c.context, {
    form: 'application',
    email: 'dw@fgw.example',
    answers,
    at,
  });
  expect(runs.map((r) => r.ok)).toEqual([true]);
}

const designRow = (campaign: Campaign, fieldKey: string) =>
  (campaign.values(DESIGN) ?? []).findIndex((r) => r[1] === fieldKey) + 1;

describe('表单设计: forms as configuration (dist/Code.js, emulated Forms → Sheets → Docs)', () => {
  test('a field added in 表单设计 becomes a form item at Activate, its answer is stored in its own column and shown in the dossier', () => {
    const c = activeCampaign();
    const { campaign } = c;
    expect(applicationItems(campaign).map((i) => i.title)).not.toContain('参与党员人数');
    // After the application form's last field (budget), as an administrator types a new row.
    const at = designRow(campaign, 'budget');
    campaign.asPerson(ADMIN, () => campaign.sheet(DESIGN).insertRowAfter(at));
    campaign.paste(
      DESIGN,
      at + 1,
      [['申报表', 'partyMembers', '参与党员人数', 'Party members', '整数', true, '', 1, 100000]],
      ADMIN,
    );
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);

    const items = applicationItems(campaign);
    expect(items.at(-1)).toEqual({ title: '参与党员人数', required: true });
    expect(items).toHaveLength(15);
    // The projects sheet gains the column at the end; no column moved.
    const header = campaign.values('项目库')?.[0] ?? [];
    expect(header.at(-1)).toBe('参与党员人数');
    expect(header.slice(0, 3)).toEqual(['项目编号', '单位编号', '单位名称']);

    apply(
      c,
      applicationAnswers('U01', '新字段项目', { partyMembers: '26' }),
      '2014-05-21T10:00:00+08:00',
    );
    const [project] = sheetRecords(campaign, '项目库');
    expect(project).toMatchObject({ 项目名称: '新字段项目', 参与党员人数: 26 });

    // The new field is required and checked like the template's own: without it, a rejection.
    apply(c, applicationAnswers('U01', '漏填项目'), '2014-05-21T11:00:00+08:00');
    expect(sheetRecords(campaign, '项目库')).toHaveLength(1);
    const [rejected] = sheetRecords(campaign, '退回记录');
    expect(String(rejected['退回原因'])).toContain('参与党员人数');

    expect(campaign.clickMenu('generateDossiers', ADMIN).ok).toBe(true);
    const [dossier] = reportDocs(campaign);
    const answers = table(blocksOf(dossier.tree.body), '项目名称');
    expect(answers.at(-1)).toEqual(['参与党员人数', '26']);
  });

  test('a required field removed from 表单设计 leaves the form at Activate; its old answers stay, and new submissions no longer need it', () => {
    const c = activeCampaign();
    const { campaign } = c;
    apply(
      c,
      applicationAnswers('U01', '先报的项目', { leaderTitle: '机关党委书记' }),
      '2014-05-21T10:00:00+08:00',
    );
    expect(applicationItems(campaign)).toContainEqual({ title: '职务', required: true });

    campaign.asPerson(ADMIN, () =>
      campaign.sheet(DESIGN).deleteRow(designRow(campaign, 'leaderTitle')),
    );
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    expect(applicationItems(campaign).map((i) => i.title)).not.toContain('职务');

    const withoutTitle = applicationAnswers('U02', '后报的项目');
    delete withoutTitle.leaderTitle;
    apply(c, withoutTitle, '2014-05-22T10:00:00+08:00');
    const projects = sheetRecords(campaign, '项目库');
    expect(projects.map((p) => [p['项目名称'], p['职务']])).toEqual([
      ['先报的项目', '机关党委书记'],
      ['后报的项目', ''],
    ]);
    expect(sheetRecords(campaign, '退回记录')).toEqual([]);
  });

  test('a broken 表单设计 is refused at Activate with each problem located by row and column, and the forms stay as they were', () => {
    const { campaign } = activeCampaign();
    const before = applicationItems(campaign);
    const row = designRow(campaign, 'themes');
    campaign.paste(
      DESIGN,
      row,
      [['申报表', 'themes', '服务主题', 'Themes', '多选', true, '']],
      ADMIN,
    );
    campaign.asPerson(ADMIN, () =>
      campaign.sheet(DESIGN).deleteRow(designRow(campaign, 'rectification')),
    );
    campaign.paste(
      DESIGN,
      designRow(campaign, 'goals'),
      [['申报表', 'goals', '目标任务', '', '滑块']],
      ADMIN,
    );
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    const health = (campaign.values('运行状况') ?? []).slice(1).map((r) => r.slice(0, 5).join('|'));
    expect(health).toEqual([
      `错误|表单设计|${row}|选项|单选、多选字段须填写选项（以顿号或分号分隔）`,
      expect.stringMatching(
        new RegExp(
          `^错误\\|表单设计\\|${designRow(campaign, 'goals')}\\|字段类型\\|未知的字段类型「滑块」`,
        ),
      ),
      '错误|表单设计||字段编号|表单「基层党建“书记项目”申报表」的字段「整顿软弱涣散基层党组织措施（rectification）」被「整顿软弱涣散措施（规定动作）必填」使用，不能删除',
    ]);
    expect(applicationItems(campaign)).toEqual(before);
  });
});
