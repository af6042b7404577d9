/**
 * 年度重点任务督办 (seed 004, item 42 and the annex): the city's 27 key tasks of 2018 as a sheet of
 * subjects, each with its lead units (牵头单位) and deadline. Every month the lead units report the
 * progress of each task they lead that staff have not yet marked 完成; staff keep each task's status
 * (完成 / 推进中 / 滞后) and the report shows progress by task and by unit.
 *
 * The annex (issued 2018-10-29) names the tasks and their wording but no lead units and, for most
 * tasks, no date: the lead units below are assigned from each task's content and the division of
 * work in items 39–42 (to be confirmed by staff in the 重点任务清单 sheet); every task is due by
 * 2018-12-31, and `deadlineText` keeps the annex's own words on timing where it has any
 * ("2018年度" where it has none).
 */
import { type CampaignTemplate, type TemplateForm } from '../../src/domain/template';
import { once } from './parts';

export const TASK_STATUSES = ['完成', '推进中', '滞后'] as const;

/** The columns of each key task row in 重点任务清单. */
export interface KeyTaskRow extends Record<string, string> {
  taskId: string;
  taskName: string;
  /** Unit names as in 单位名册, separated by `;`. */
  leadUnits: string;
  /** YYYY-MM-DD. */
  deadline: string;
  /** The annex's wording on timing. */
  deadlineText: string;
  /** The annex's text of the task. */
  content: string;
}

export const KEY_TASKS_2018: readonly KeyTaskRow[] = [
  {
    taskId: 'RW-01',
    taskName: '持续抓好习近平新时代中国特色社会主义思想学习培训',
    leadUnits: '市委组织部;市委宣传部',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '督促各级党组织落实“第一议题”学习习近平新时代中国特色社会主义思想制度，分领域分批次全员轮训党支部书记，用好用活党群服务中心“新时代大讲堂”阵地资源，常态化开展宣讲活动，推动习近平新时代中国特色社会主义思想家喻户晓、落地生根。',
  },
  {
    taskId: 'RW-02',
    taskName: '推动基层党组织规范开展党内政治生活',
    leadUnits: '市委组织部',
    deadline: '2018-12-31',
    deadlineText: '年内',
    content:
      '召开市委领导班子巡视整改暨全面彻底肃清李嘉、万庆良恶劣影响专题民主生活会，督促指导全市各处级以上领导班子开好专题民主生活会。开展“不忘初心、牢记使命”主题教育，推进“两学一做”学习教育常态化制度化，提高基层党支部“三会一课”质量，每季度制定“三会一课”主题内容指引，推广“主题党日”做法。严格落实党员领导干部双重组织生活制度，年内参加党组织关系所在支部组织生活不少于2次，其中至少讲1次党课。',
  },
  {
    taskId: 'RW-03',
    taskName: '抓好党内法规贯彻落实',
    leadUnits: '市委组织部',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '举办学习《中国共产党支部工作条例（试行）》专题培训班，对全市党支部书记进行全覆盖培训。对《中国共产党深圳市街道工作委员会工作规则（试行）》《中国共产党深圳市社区委员会工作规则（试行）》《深圳市社会组织党的建设规定（试行）》《党支部书记履行党建工作职责考核办法（试行）》等党内法规开展集中宣传、教育培训和组织实施。对党章规定各领域基层党组织任务作用的执行情况开展自查自纠，切实纠正解决一些基层党组织地位作用边缘化的问题。',
  },
  {
    taskId: 'RW-04',
    taskName: '开展街道领导班子任期考察和班子配备工作',
    leadUnits: '市委组织部;市委编办',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '根据街道领导班子任期制的规定，组织开展全市74个街道任期考察和班子配备工作，选优配强街道领导班子，保持街道干部队伍生机活力。推动落实下放街道党工委职责职权、精简优化街道内设机构设置、加强党建工作力量配备、开展街道党工委兼职委员试点等工作，确保街道党工委真正聚焦抓党建、抓治理、抓服务的主责主业。',
  },
  {
    taskId: 'RW-05',
    taskName: '推动社区党建标准化建设力争全部达标',
    leadUnits: '市委组织部;市民政局',
    deadline: '2018-12-31',
    deadlineText: '年底基本实现100%达标',
    content:
      '按照“五看五查五必谈”的要求，成熟一个、申报一个、验收一个，市、区联合组成验收组不定期组织检查验收。开展社区党建标准化建设“冬季攻坚、百日冲刺”行动，对占总数20%的尚未达标社区，逐个盯住抓实、逐个验收过关，年底基本实现100%达标。规范实施社区“民生微实事”，制定出台加强和改进“民生微实事”工作的指导意见。',
  },
  {
    taskId: 'RW-06',
    taskName: '加强党组（党委）对机关党建工作的领导',
    leadUnits: '市直机关工委',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '开展加强党组（党委）对机关党建工作领导问题专题调研。出台《关于加强新时代机关党建工作的若干措施》，机关党支部设立半专职党务干部，推行党组（党委）书记兼任机关党委书记，在机构改革中进一步落实机关党建工作力量。',
  },
  {
    taskId: 'RW-07',
    taskName: '落实国有企业党建重点任务',
    leadUnits: '市国资委党委',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '印发《全市国有企业党的建设重点任务措施清单》，开展重点任务落实情况检查督导。明确党组织在公司法人治理结构中的法定地位，完善党委议事决策规则，积极稳妥推进国有控股上市公司和市、区属二级以下国有企业将党建工作内容写入章程。探索加强混合所有制企业党建办法。',
  },
  {
    taskId: 'RW-08',
    taskName: '扎实推进高校党建工作',
    leadUnits: '市委教育工委',
    deadline: '2018-12-31',
    deadlineText: '适时召开中外合作办学高校党建现场会',
    content:
      '严格执行党委领导下的校长负责制，加强高校院（系）党建，推进民办高校和中外合作办学高校党建工作，适时召开中外合作办学高校党建现场会。',
  },
  {
    taskId: 'RW-09',
    taskName: '健全新兴领域党的组织体系',
    leadUnits: '市“两新”组织党工委',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '巩固产业园区、商务楼宇、商圈市场和社会组织的“两个全覆盖”。注重在“两新”组织高级管理人员中选拔党组织书记，举办市“两新”组织党组织书记培训示范班。',
  },
  {
    taskId: 'RW-10',
    taskName: '加强新时代互联网企业党建工作',
    leadUnits: '市委网信办;市“两新”组织党工委',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '出台《关于加强新时代互联网企业党建工作的若干措施》，突出互联网企业政治功能，推动党建与互联网企业融合发展，提高互联网企业党建工作质量。承办好全国互联网企业党建工作座谈会。',
  },
  {
    taskId: 'RW-11',
    taskName: '坚持基层党建引领基层治理',
    leadUnits: '市委组织部;市民政局;市住房和建设局',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '加大物业小区业委会和物业管理体系改革力度，推动物业小区、业委会党建工作覆盖，积极参与和支持城中村综合治理。深化非深户籍常住居民及党员进社区“两委”试点工作，拓展外来人口参与基层社会治理的途径和方式。健全党组织领导下的居民自治机制、民主协商机制、群团和社会组织参与机制。完善党建带群建制度，支持工会、共青团、妇联等群团组织发挥联系服务群众的桥梁纽带作用。坚持抓党建促脱贫攻坚，做好对口帮扶、扶贫协作等工作。',
  },
  {
    taskId: 'RW-12',
    taskName: '强化社区党委对股份合作公司领导和监管',
    leadUnits: '市委组织部;市司法局',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '推行社区党委书记兼任集体资产管理委员会主任，推动股份合作公司党组织全覆盖，做实股份合作公司集体资产管理委员会。修订《深圳经济特区股份合作公司条例》，以建立现代企业制度为目标，加快推进股份合作公司改革。',
  },
  {
    taskId: 'RW-13',
    taskName: '为铲除黑恶势力滋生土壤提供坚强组织保证',
    leadUnits: '市委政法委;市委组织部',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '紧紧扭住群众反映最强烈的源头性、基础性问题，加强线索排查，密切部门协同，打好扫黑除恶攻坚战，认真查处黑恶势力对基层组织的干扰渗透破坏，深入开展社风民风主题教育活动，引导党员干部充分发挥先锋模范带头作用，以党风促社风带民风。制定在扫黑除恶专项斗争一线考察发现干部的具体举措，开展干部专项考核。',
  },
  {
    taskId: 'RW-14',
    taskName: '坚决惩治基层不正之风和腐败问题',
    leadUnits: '市纪委监委',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '针对社区股份合作公司、公办中小学校、公立医院、派出所等方面存在的突出问题开展专项整治行动，加强监督检查和违纪违法案件查办力度。以党支部为单位，开展纪律教育学习月活动。',
  },
  {
    taskId: 'RW-15',
    taskName: '优化党的基层组织设置',
    leadUnits: '市委组织部',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '对全市各领域基层党委、总支、支部设置情况进行一次全面摸排，对设置不合理的进行合并、拆分或改设，切实规范党组织设置，理顺基层党组织和党员隶属关系。严格执行《关于党的基层组织任期的意见》，落实基层党组织按期换届督促提醒机制。',
  },
  {
    taskId: 'RW-16',
    taskName: '持续整顿软弱涣散社区党组织',
    leadUnits: '市委组织部',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '开展“六对接六查找”，精准排查确定软弱涣散社区党组织。每名市委常委挂点联系1个软弱涣散社区党委，全覆盖选派第一书记、工作队员。开展“一社区一策”精准整顿，解决突出问题，严格督导落实。',
  },
  {
    taskId: 'RW-17',
    taskName: '开展支部提质晋级行动',
    leadUnits: '市委组织部',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '加强支部标准化、规范化建设，制定支部建设提质晋级方案，探索支部分类定级管理，分领域评定优秀、合格、不合格支部，对优秀支部进行通报表扬，对合格支部进行优化提升，对不合格支部实施整顿。开展组织生活创新案例评选活动，建立支部组织生活案例库和精品党课库。加强党支部书记履行党建工作职责考核。',
  },
  {
    taskId: 'RW-18',
    taskName: '选优配强社区党组织书记',
    leadUnits: '市委组织部',
    deadline: '2018-12-31',
    deadlineText: '下半年，市里统一举办社区党委书记培训班',
    content:
      '以区为单位对社区党委书记履职情况进行全面摸底排查，坚决撤换不合格、不胜任、不尽职的社区党委书记。按不低于1:2比例建立社区党委书记后备干部队伍，注重推荐工作骨干、优秀年轻干部、妇女干部进入后备干部队伍，加强跟踪培养选拔。下半年，市里统一举办社区党委书记培训班。',
  },
  {
    taskId: 'RW-19',
    taskName: '提高党员发展质量',
    leadUnits: '市委组织部',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '全面调查摸底我市发展党员工作情况，严肃处理发展党员工作中存在的弄虚作假、“近亲繁殖”“人情党员”“带病入党”、违规发展等违规违纪问题。突出政治标准，严格按照规定程序发展党员，保质保量完成发展党员指标任务。从高校、科研机构、高新技术企业中确定一批重点单位，从千人计划、万人计划和各种人才引导计划人选、市级以上重点科研项目带头人、各行业高技能人才中确定一批培养对象，推动市、区党员领导干部每人至少联系1名党外高层次人才，做好政治吸纳工作。',
  },
  {
    taskId: 'RW-20',
    taskName: '实施党员积分定级量化管理',
    leadUnits: '市委组织部',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '制定党员积分定级管理制度，对党员量化积分、评星定级、结果运用等作出规定。实时在线记实党员履行党员义务、参加组织生活、发挥先锋模范作用情况，将量化积分、评星定级结果作为年度民主评议党员、评优表彰等依据。',
  },
  {
    taskId: 'RW-21',
    taskName: '健全基层党务工作者管理体系',
    leadUnits: '市委组织部;市民政局',
    deadline: '2018-12-31',
    deadlineText: '2018年度（社区“两委”成员学历提升力争用2—3年时间完成）',
    content:
      '指导各区制定出台社区专职工作者管理细则，严格落实负责人、主办、辅助3类35档岗位管理体系，规范薪酬、考核、激励机制，畅通职业发展通道。抓好党建组织员管理制度及业务等级、日常管理两个实施细则的落实，做好选派、培训、管理工作。实施社区“两委”成员学历提升计划，力争用2—3年时间推动社区“两委”成员全部达到大专学历。',
  },
  {
    taskId: 'RW-22',
    taskName: '基本建成“1+10+N”三级党群服务中心体系',
    leadUnits: '市委组织部',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '加强系统建设、整体建设和规范管理，持之以恒管好用好，实现区域统筹、资源整合、上下联动，为党员和群众提供优质高效服务。',
  },
  {
    taskId: 'RW-23',
    taskName: '加强街道党校建设',
    leadUnits: '市委组织部;市委党校',
    deadline: '2018-12-31',
    deadlineText: '力争年底前全面完成挂牌、开班',
    content:
      '落实关于加强街道党校建设的意见，按照有领导机构、有学习场地、有授课老师、有学习计划、有规章制度、有经费保障“六有”标准，整合资源加强街道党校建设，力争年底前全面完成挂牌、开班。',
  },
  {
    taskId: 'RW-24',
    taskName: '加快建设全市一盘棋的“深圳智慧党建”系统',
    leadUnits: '市委组织部',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '在全市全面推行“深圳智慧党建”系统，完善系统功能模块，实现党员在线组织学习、开展三会一课、缴纳党费、接转组织关系等功能，逐步实现对全市各级基层党组织和全体党员进行全覆盖、一网式、扁平化管理。',
  },
  {
    taskId: 'RW-25',
    taskName: '理顺行业系统党（工）委抓基层党建体制',
    leadUnits: '市委组织部;市直机关工委;市国资委党委',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '参照省的做法，结合实际理顺行业系统党（工）委抓基层党建体制，市直机关工委负责市直机关和事业单位，以及党组织关系在我市的中央驻深机关事业单位党建工作；市国资委党委负责市属国有企业，以及党组织关系在我市的中央、省驻深企业党建工作。',
  },
  {
    taskId: 'RW-26',
    taskName: '落实“蹲基层抓点—现场会推广”任务',
    leadUnits: '市委组织部',
    deadline: '2018-12-31',
    deadlineText: '适时到条件成熟的点召开现场会',
    content:
      '针对梳理确定的“发挥基层党组织在营造共建共治共享社会治理格局上走在全国前列的作用”“互联网金融企业党建”“机关半专职党务干部队伍建设”“在高层次人才中发展党员”等10个专题，蹲点调研、解剖麻雀，找准问题、研究对策，研究形成务实管用的思路举措，适时到条件成熟的点召开现场会，推广成熟经验做法。',
  },
  {
    taskId: 'RW-27',
    taskName: '健全抓基层党建工作述职评议考核机制',
    leadUnits: '市委组织部;市委巡察办',
    deadline: '2018-12-31',
    deadlineText: '2018年度',
    content:
      '严格落实省制定的市县镇党委书记抓基层党建述职评议考核办法，细化评议考核规则。将考核评议结果作为评先评优、选拔任用的重要依据，对述职评议反馈意见，结合巡视反馈和巡察掌握的情况，列出问题清单、责任清单、整改清单，逐级逐项抓落实。',
  },
];

const PROGRESS_FORM: TemplateForm = {
  key: 'progress',
  sheet: { zh: '推进台账', en: 'Progress reports' },
  makes: { kind: 'entry', of: 'task', dateField: 'asOf' },
  title: { zh: '重点任务推进情况月报', en: 'Key task monthly progress report' },
  description:
    '牵头单位每月对所牵头、尚未完成的每项重点任务各报送一次推进情况，于次月 5 日前报送。多个单位共同牵头的任务，由各牵头单位协商后报送，也可分别报送。',
  fields: [
    { key: 'unitId', label: { zh: '牵头单位', en: 'Lead unit' }, kind: 'unit', required: true },
    {
      key: 'taskRef',
      label: { zh: '重点任务', en: 'Key task' },
      kind: 'subject',
      required: true,
      maxLength: 80,
      help: '填写任务编号（如 RW-05），或与任务清单完全一致的任务名称',
    },
    {
      key: 'asOf',
      label: { zh: '情况截至日期', en: 'As of' },
      kind: 'date',
      required: true,
      help: '一般填本月最后一天，如 2018-11-30；月报计入该日期所在月份',
    },
    {
      key: 'progress',
      label: { zh: '本月进展', en: 'Progress this month' },
      kind: 'paragraph',
      required: true,
    },
    {
      key: 'nextSteps',
      label: { zh: '下一步工作计划', en: 'Next steps' },
      kind: 'paragraph',
      required: true,
    },
    {
      key: 'problems',
      label: { zh: '存在问题和困难', en: 'Problems' },
      kind: 'paragraph',
      required: false,
      help: '需要协调解决的事项请一并写明',
    },
    {
      key: 'percentDone',
      label: { zh: '总体完成进度（%）', en: 'Percent done' },
      kind: 'integer',
      required: true,
      min: 0,
      max: 100,
    },
    {
      key: 'evidenceUrl',
      label: { zh: '佐证材料链接', en: 'Evidence link' },
      kind: 'url',
      required: false,
    },
    {
      key: 'contactName',
      label: { zh: '填报人', en: 'Reported by' },
      kind: 'text',
      required: true,
      maxLength: 40,
    },
    {
      key: 'contactPhone',
      label: { zh: '联系电话', en: 'Phone' },
      kind: 'phone',
      required: true,
    },
  ],
};

/** Tasks staff have not marked 完成 (a blank status, not yet reviewed, is unfinished too). */
const unfinishedTasks = {
  kind: 'subjects',
  subject: 'task',
  filter: { field: 'status', notIn: ['完成'] },
} as const;

export const KEY_TASKS: CampaignTemplate = {
  id: 'key-tasks',
  name: { zh: '年度重点任务督办', en: 'Key task supervision' },
  description: {
    zh: '年度重点任务逐项明确牵头单位和完成时限，牵头单位按月报送推进情况，组织部门标注完成、推进中或滞后。',
    en: 'Key tasks with lead units and deadlines; lead units report monthly; staff mark each task done, on track or behind.',
  },
  categories: {
    市委部委办: 'org',
    市政府部门: 'org',
    国资系统: 'enterprise',
  },
  subjects: [
    {
      key: 'task',
      label: { zh: '重点任务', en: 'Key task' },
      source: 'sheet',
      idPrefix: 'RW',
      sheet: { zh: '重点任务清单', en: 'Key tasks' },
      nameField: 'taskName',
      ownerColumn: 'leadUnits',
      columns: [
        { key: 'taskId', label: { zh: '任务编号', en: 'Task ID' }, type: 'text' },
        { key: 'taskName', label: { zh: '任务名称', en: 'Task' }, type: 'text' },
        { key: 'leadUnits', label: { zh: '牵头单位', en: 'Lead units' }, type: 'text' },
        { key: 'deadline', label: { zh: '完成时限', en: 'Deadline' }, type: 'date' },
        { key: 'deadlineText', label: { zh: '时限要求', en: 'Deadline as worded' }, type: 'text' },
        { key: 'content', label: { zh: '任务内容', en: 'Content' }, type: 'text' },
      ],
      rows: KEY_TASKS_2018,
    },
  ],
  forms: [PROGRESS_FORM],
  stages: [
    {
      stageId: 'monthlyProgress',
      name: { zh: '推进情况月报', en: 'Monthly progress' },
      form: 'progress',
      audience: unfinishedTasks,
      schedule: {
        kind: 'recurring',
        every: 'month',
        from: '2018-11-01',
        until: '2018-12-31',
        dueDaysAfter: 5,
      },
      remindDaysBefore: [5, 2, 1],
      overdueEveryDays: 3,
    },
    {
      stageId: 'yearEndReview',
      name: { zh: '年终核定完成情况', en: 'Year-end status review' },
      form: null,
      audience: { kind: 'staff' },
      schedule: once('2019-01-06', '2019-01-20'),
      remindDaysBefore: [3],
      overdueEveryDays: 0,
    },
  ],
  review: [
    {
      key: 'status',
      label: { zh: '推进状态', en: 'Status' },
      on: 'task',
      type: 'choice',
      choices: TASK_STATUSES,
    },
    {
      key: 'comment',
      label: { zh: '督办意见', en: 'Supervision comment' },
      on: 'task',
      type: 'text',
    },
  ],
  quotaRules: [
    {
      id: 'progressPerTaskMonth',
      label: {
        zh: '未完成的重点任务每月至少报送 1 次推进情况',
        en: 'A progress report per unfinished task and month',
      },
      kind: 'count',
      form: 'progress',
      per: 'subject',
      period: 'month',
      atLeast: 1,
      among: unfinishedTasks,
      after: 'monthlyProgress',
    },
  ],
  report: [
    { kind: 'overview' },
    { kind: 'stageProgress' },
    { kind: 'quota' },
    {
      kind: 'subjects',
      subject: 'task',
      fields: ['taskId', 'taskName', 'leadUnits', 'deadline', 'status'],
    },
    { kind: 'byPeriod', form: 'progress', stage: 'monthlyProgress' },
    { kind: 'byUnit', form: 'progress' },
  ],
  settings: {
    campaignName: '2018年度基层党建重点任务督办',
  },
};
