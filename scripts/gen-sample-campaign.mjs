#!/usr/bin/env node
/**
 * Generates sheets-templates/sample-campaign/ — the fictional campaign `npm start` rehearses with
 * no arguments. Deterministic (fixed seed): running it again rewrites byte-identical files.
 *
 *   node scripts/gen-sample-campaign.mjs [outDir]   (default: sheets-templates/sample-campaign)
 *
 * All units, people, addresses (`.example` domains) and projects are invented.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(
  process.argv[2] ?? path.join(root, 'sheets-templates', 'sample-campaign'),
);

// A small seeded PRNG (mulberry32) so the data is varied but reproducible.
let seed = 20140520;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const pad = (n) => String(n).padStart(2, '0');

const ORG = 'zzb@jggw.example';
const ENT = 'qygzb@jggw.example';

// ---------------------------------------------------------------------------------------------
// Units: [id, name, category, mailbox host, emails (local parts), active]

const UNITS = [
  ['U01', '市发展和改革委员会机关党委', '机关事业单位', 'fgw', ['dw'], true],
  ['U02', '市教育局机关党委', '机关事业单位', 'jyj', ['dw', 'zzk'], true],
  ['U03', '市科技创新委员会机关党委', '机关事业单位', 'kjcxw', ['dw'], true],
  ['U04', '市民政局机关党委', '机关事业单位', 'mzj', ['jgdw'], true],
  ['U05', '市财政委员会机关党委', '机关事业单位', 'czw', ['dw'], true],
  ['U06', '市人力资源和社会保障局机关党委', '机关事业单位', 'rsj', ['dw', 'rsc'], true],
  ['U07', '市规划和国土资源委员会机关党委', '机关事业单位', 'ghgt', ['dw'], true],
  ['U08', '市交通运输委员会机关党委', '机关事业单位', 'jtw', ['dw'], true],
  ['U09', '市水务局机关党委', '机关事业单位', 'swj', ['dw'], true],
  ['U10', '市经济贸易和信息化委员会机关党委', '机关事业单位', 'jmxxw', ['dw'], true],
  ['U11', '市文体旅游局机关党委', '机关事业单位', 'wtlyj', ['dw'], true],
  ['U12', '市卫生和计划生育委员会机关党委', '机关事业单位', 'wjw', ['dw', 'zzc'], true],
  ['U13', '市人居环境委员会机关党委', '机关事业单位', 'rjw', ['dw'], true],
  ['U14', '市住房和建设局机关党委', '机关事业单位', 'zjj', ['dw'], true],
  ['U15', '市审计局机关党委', '机关事业单位', 'sjj', ['dw'], true],
  ['U16', '市统计局机关党委', '机关事业单位', 'tjj', ['dw'], true],
  ['U17', '市市场监督管理局机关党委', '机关事业单位', 'scjg', ['dw', 'jgdw'], true],
  ['U18', '市城市管理局机关党委', '机关事业单位', 'cgj', ['dw'], true],
  ['U19', '市档案局机关党委', '机关事业单位', 'daj', ['dw'], false],
  ['U20', '市图书馆党委', '机关事业单位', 'tsg', ['dangwei'], true],
  ['U21', '市职业技术学校党委', '机关事业单位', 'zyjx', ['dw'], true],
  ['U22', '市疾病预防控制中心党委', '机关事业单位', 'cdc', ['dw'], true],
  ['U23', '市气象局机关党委', '驻深机关单位', 'qxj', ['dw'], true],
  ['U24', '国家统计局深圳调查队党组', '驻深机关单位', 'dcd', ['dzb'], true],
  ['U25', '深圳出入境检验检疫局机关党委', '驻深机关单位', 'ciq', ['dw', 'rsc'], true],
  ['U26', '深圳海事局机关党委', '驻深机关单位', 'msa', ['dw'], true],
  ['U27', '南方能源集团深圳公司党委', '驻深企业', 'nfny', ['dangwei'], true],
  ['U28', '华南航运集团深圳分公司党委', '驻深企业', 'hnhy', ['dw'], true],
  ['U29', '中原建设工程局深圳分局党委', '驻深企业', 'zyjg', ['dw'], true],
  ['U30', '东海证券深圳分公司党支部', '驻深企业', 'dhzq', ['dzb', 'hr'], true],
  ['U31', '北方电信深圳分公司党委', '驻深企业', 'bfdx', ['dw'], false],
  ['U32', '北江省人民政府驻深圳办事处党委', '驻深办事处', 'bjbsc', ['dw'], true],
  ['U33', '西岭省人民政府驻深圳办事处党支部', '驻深办事处', 'xlbsc', ['dzb'], true],
  ['U34', '南湖市人民政府驻深圳办事处党支部', '驻深办事处', 'nhbsc', ['dzb'], true],
];

const SURNAMES =
  '张王李赵陈刘杨黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'.split('');
const GIVEN = [
  '建国',
  '志强',
  '海燕',
  '晓明',
  '卫东',
  '丽华',
  '振华',
  '秀英',
  '国栋',
  '雪梅',
  '立新',
  '红梅',
  '伟',
  '敏',
  '静',
  '磊',
  '洋',
  '婷',
  '军',
  '杰',
  '芳',
  '勇',
  '艳',
  '涛',
  '明',
  '超',
  '霞',
  '斌',
];
const usedNames = new Set();
function person() {
  for (;;) {
    const name = pick(SURNAMES) + pick(GIVEN);
    if (!usedNames.has(name)) {
      usedNames.add(name);
      return name;
    }
  }
}

const units = UNITS.map(([id, name, category, host, locals, active], i) => {
  const emails = locals.map((l) => `${l}@${host}.example`);
  return {
    id,
    name,
    category,
    secretary: person(),
    contactName: person(),
    emails,
    phone: `0755-8${pad(int(10, 99))}${String(int(10000, 99999))}`,
    // One unit has not filled in its membership (the column is optional).
    memberCount: id === 'U24' ? '' : String(int(18, 420)),
    active,
    staff: category === '机关事业单位' || category === '驻深机关单位' ? ORG : ENT,
    title: name.endsWith('党组')
      ? '党组书记'
      : name.endsWith('党支部')
        ? '党支部书记'
        : name.endsWith('机关党委')
          ? '机关党委书记'
          : '党委书记',
    index: i,
  };
});
const unit = Object.fromEntries(units.map((u) => [u.id, u]));

// ---------------------------------------------------------------------------------------------
// Projects: [key, unitId, projectName, projectType, themes, goals, measures, budget]

const P = [
  [
    'U01a',
    'U01',
    '“改革先锋”服务品牌建设',
    '创新探索型',
    ['服务改革', '服务发展'],
    '围绕重点改革任务建立党员攻坚团队，年内推动10项改革事项落地。',
    '设立“改革先锋岗”，实行项目化攻坚、挂图作战，每季度评议一次。',
    20,
  ],
  [
    'U01b',
    'U01',
    '重大项目“党员帮办”服务',
    '典型示范型',
    ['服务发展', '服务群众'],
    '为全市重点建设项目提供全程帮办，审批时限压缩三分之一。',
    '每个重点项目配备1名党员帮办员，建立问题清单和销号制度。',
    8,
  ],
  [
    'U02',
    'U02',
    '校园党建“一校一品”',
    '典型示范型',
    ['服务群众', '服务党员'],
    '培育20个校园党建特色品牌，形成可推广的经验做法。',
    '开展“一校一品”评选，组织党员教师结对帮扶后进学生。',
    12,
  ],
  [
    'U03',
    'U03',
    '“创新驿站”党员服务科技企业',
    '创新探索型',
    ['服务发展', '服务改革'],
    '走访服务科技企业200家，协调解决企业诉求50项以上。',
    '组建党员服务专员队伍，建立企业诉求“受理—转办—反馈”闭环机制。',
    10,
  ],
  [
    'U04',
    'U04',
    '“党员邻里守望”关爱困难群体',
    '典型示范型',
    ['服务民生', '服务群众'],
    '为辖区300户困难家庭建立帮扶档案，实现结对关爱全覆盖。',
    '党员与困难家庭一对一结对，每月上门走访不少于1次。',
    6,
  ],
  [
    'U05',
    'U05',
    '“阳光财政”党员示范岗',
    '制度推广型',
    ['服务改革', '服务群众'],
    '推行预算公开“党员领办”，年内完成部门预算公开解读全覆盖。',
    '设立党员示范岗，编写预算公开解读手册，开展“财政开放日”。',
    5,
  ],
  [
    'U06',
    'U06',
    '“就业直通车”党员服务队',
    '典型示范型',
    ['服务民生', '服务群众'],
    '帮助2000名来深务工人员实现就业，开展技能培训50场。',
    '党员服务队定期进工业园区开展招聘会、政策宣讲和技能培训。',
    15,
  ],
  [
    'U07',
    'U07',
    '规划公开“党员讲解员”',
    '制度推广型',
    ['服务群众', '服务改革'],
    '规划公示项目100%配备党员讲解，群众意见答复率达到100%。',
    '在规划公示现场设立党员讲解台，建立群众意见收集与答复制度。',
    4,
  ],
  [
    'U08',
    'U08',
    '“平安出行”党员先锋岗',
    '典型示范型',
    ['服务民生', '服务群众'],
    '在主要交通枢纽设立20个党员先锋岗，节假日客流高峰保障零事故。',
    '组织党员在春运、节假日期间上岗服务，开展交通安全宣传进校园。',
    9,
  ],
  [
    'U09',
    'U09',
    '“碧水卫士”党员治水行动',
    '创新探索型',
    ['服务民生', '服务发展'],
    '党员认领河段30条，年内完成黑臭水体整治排查全覆盖。',
    '推行“党员河长”认领制度，每周巡河一次，问题当日上报。',
    7,
  ],
  [
    'U10',
    'U10',
    '中小企业“党建+服务”直通车',
    '创新探索型',
    ['服务发展', '服务改革'],
    '为300家中小企业提供政策辅导，推动100家企业建立党组织。',
    '组建政策辅导党员小分队，开展“党建进园区”活动。',
    8,
  ],
  [
    'U11',
    'U11',
    '<script>alert("书记项目")</script>“文化惠民”党员服务队',
    '典型示范型',
    ['服务群众', '服务民生'],
    '全年开展文化惠民演出和展览100场，覆盖群众10万人次。',
    '党员文艺骨干组建服务队，深入社区、工业区开展巡回演出。',
    6,
  ],
  [
    'U12a',
    'U12',
    '医患连心工程',
    '典型示范型',
    ['服务民生', '服务群众'],
    '每个党支部联系1个社区健康服务中心，开展义诊服务100场。',
    '组织党员医务人员下沉社区，建立家庭医生党员服务团队。',
    15,
  ],
  [
    'U12b',
    'U12',
    '“健康守门人”党员志愿服务',
    '制度推广型',
    ['服务群众', '服务党员'],
    '培训健康志愿者500名，形成党员健康志愿服务制度。',
    '制定党员志愿服务积分办法，开展健康知识进机关、进企业。',
    5,
  ],
  [
    'U13',
    'U13',
    '“绿色家园”党员环保行动',
    '创新探索型',
    ['服务民生', '服务发展'],
    '党员带头开展垃圾分类示范，年内建成50个示范小区。',
    '党员包片督导垃圾分类，开展“绿色家庭”评选。',
    10,
  ],
  [
    'U14',
    'U14',
    '住房保障“党员帮您办”',
    '制度推广型',
    ['服务民生', '服务改革'],
    '保障性住房申请办理时限缩短一半，群众满意率达95%以上。',
    '窗口党员挂牌服务，推行预约办理、上门办理和“一次性告知”。',
    6,
  ],
  [
    'U15',
    'U15',
    '“审计为民”党员示范工程',
    '制度推广型',
    ['服务改革', '服务民生'],
    '完成民生资金专项审计10项，整改问题资金全部追回。',
    '党员审计骨干牵头民生审计项目，建立审计整改跟踪台账。',
    3,
  ],
  [
    'U17',
    'U17',
    '“放心消费”党员先锋行动',
    '典型示范型',
    ['服务民生', '服务群众'],
    '创建放心消费示范街区10个，消费投诉处理时限缩短至5个工作日。',
    '党员执法人员挂点示范街区，开展食品安全“你点我检”活动。',
    8,
  ],
  [
    'U18',
    'U18',
    '“美丽街巷”党员认领',
    '典型示范型',
    ['服务民生', '服务群众'],
    '党员认领背街小巷80条，市容环境问题当日发现当日处置。',
    '推行“党员街长”制度，建立巡查、上报、处置、回访工作流程。',
    5,
  ],
  [
    'U20',
    'U20',
    '“书香党员”全民阅读推广',
    '典型示范型',
    ['服务群众', '服务党员'],
    '建设党员书屋20个，开展阅读推广活动120场。',
    '党员馆员进社区、进工地开展送书服务，组织“党员读书会”。',
    4,
  ],
  [
    'U21',
    'U21',
    '“工匠摇篮”党员导师制',
    '创新探索型',
    ['服务发展', '服务党员'],
    '每名党员教师带徒3名，年内学生技能竞赛获奖数翻番。',
    '实施党员导师制，建立“师徒结对”考核和激励办法。',
    6,
  ],
  [
    'U23',
    'U23',
    '“气象为民”党员服务站',
    '制度推广型',
    ['服务民生', '服务群众'],
    '在社区和渔港建设气象服务站10个，预警信息覆盖率达95%。',
    '党员预报员轮值社区服务站，开展气象防灾减灾科普。',
    5,
  ],
  [
    'U24',
    'U24',
    '“数说民生”党员调研服务',
    '创新探索型',
    ['服务发展', '服务民生'],
    '完成民生热点专题调研6项，形成调研报告供决策参考。',
    '党员调查员组成调研小组，深入社区开展入户调查。',
    3,
  ],
  [
    'U25',
    'U25',
    '“国门卫士”党员服务口岸通关',
    '典型示范型',
    ['服务发展', '服务改革'],
    '口岸通关时间压缩20%，企业满意度达到95%以上。',
    '设立党员通关服务窗口，推行预约查验和7×24小时服务。',
    10,
  ],
  [
    'U26',
    'U26',
    '“海上平安”党员护航行动',
    '典型示范型',
    ['服务民生', '服务发展'],
    '辖区水域安全事故下降10%，船员服务满意率达95%。',
    '党员执法艇定期巡航，开展船员安全培训和“海事进渔村”。',
    6,
  ],
  [
    'U27a',
    'U27',
    '“红色引擎”党建带群建',
    '典型示范型',
    ['服务党员', '服务群众'],
    '以党建带动工会、团委建设，职工参与志愿服务比例达到60%。',
    '建立党员责任区，开展“党员先锋号”评比和职工志愿服务。',
    18,
  ],
  [
    'U27b',
    'U27',
    '一线班组“党员安全示范岗”',
    '制度推广型',
    ['服务发展', '服务党员'],
    '一线班组全部设立党员安全示范岗，全年安全生产零事故。',
    '党员示范岗亮身份、亮承诺，开展安全隐患随手拍。',
    6,
  ],
  [
    'U28',
    'U28',
    '“蓝色港湾”党员服务船员',
    '创新探索型',
    ['服务党员', '服务群众'],
    '建立船员之家3个，为远洋船员家庭提供帮扶服务。',
    '党员骨干结对船员家庭，建立远洋船员流动党员管理制度。',
    8,
  ],
  [
    'U29',
    'U29',
    '=HYPERLINK("http://phish.example","点此查看项目详情")',
    '典型示范型',
    ['服务发展'],
    '在建工地全部建立党员责任区，实现安全质量双零事故。',
    '工地党支部建在项目上，党员担任安全质量监督员。',
    6,
  ],
  [
    'U30',
    'U30',
    '“金融知识进社区”党员宣讲',
    '制度推广型',
    ['服务群众', '服务民生'],
    '开展金融知识和防范非法集资宣讲50场，覆盖居民5000人次。',
    '党员业务骨干组建宣讲团，与社区党组织结对共建。',
    5,
  ],
  [
    'U32a',
    'U32',
    '“异地党员之家”',
    '制度推广型',
    ['服务党员'],
    '摸清在深北江籍流动党员底数，建立10个流动党员活动点。',
    '依托商会设立流动党员服务站，开展组织关系接转和政策服务。',
    8,
  ],
  [
    'U32b',
    'U32',
    '“老乡帮老乡”务工人员服务',
    '典型示范型',
    ['服务群众', '服务民生'],
    '为在深北江籍务工人员提供法律援助和就业服务1000人次。',
    '党员律师、党员企业家组成帮扶团，设立周末服务日。',
    4,
  ],
  [
    'U34',
    'U34',
    '南湖在深流动党员“双联系”',
    '制度推广型',
    ['服务党员', '服务群众'],
    '建立流动党员联系卡制度，流动党员联系率达到100%。',
    '党员干部分片联系流动党员，每季度召开一次座谈会。',
    3,
  ],
];
const project = Object.fromEntries(
  P.map(([key, unitId, name, type, themes, goals, measures, budget]) => [
    key,
    { key, unitId, name, type, themes, goals, measures, budget },
  ]),
);

const RECTIFICATIONS = [
  '对照“六强”标准开展党组织分类定级，对排查出的软弱涣散支部实行“一支部一策”，班子成员挂点整改，年底前全部转化升级。',
  '开展软弱涣散基层党组织集中整顿，调整配强1个支部班子，建立整改台账，机关党委每月督导一次。',
  '对组织生活不规范的2个支部下发整改通知书，由党委委员包干指导，限期3个月完成整改并验收。',
  '全面排查支部班子、党员队伍和制度落实情况，对问题支部实行挂牌督办、销号管理。',
  '选派党务骨干担任薄弱支部第一书记，规范“三会一课”，整改情况纳入年度述职评议。',
];

// ---------------------------------------------------------------------------------------------
// Time helpers (all times +08:00, the campaign time zone)

const at = (day, hh, mm) => `${day}T${pad(hh)}:${pad(mm)}:00+08:00`;
const officeTime = (day) => at(day, pick([9, 9, 10, 10, 11, 14, 15, 15, 16, 17]), int(0, 59));
const addDays = (day, n) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

const events = [];
const push = (e) => events.push(e);

// ---------------------------------------------------------------------------------------------
// Application stage (05-20 .. 05-30; late ones after)

// [projectKey, submit time, options]
const APPLICATIONS = [
  ['U01a', at('2014-05-20', 10, 12)],
  ['U03', at('2014-05-21', 9, 35)],
  ['U02', at('2014-05-21', 15, 20), { emailIndex: 1, byName: true }],
  ['U12a', at('2014-05-22', 10, 5)],
  ['U27a', at('2014-05-22', 16, 42)],
  ['U25', at('2014-05-23', 11, 18), { emailIndex: 1 }],
  ['U06', at('2014-05-23', 14, 50), { byName: true }],
  ['U01b', at('2014-05-26', 9, 48)],
  ['U13', at('2014-05-26', 15, 3)],
  ['U08', at('2014-05-26', 17, 26)],
  ['U20', at('2014-05-27', 10, 31), { byName: true }],
  ['U32a', at('2014-05-27', 11, 2)],
  ['U07', at('2014-05-27', 16, 15)],
  ['U10', at('2014-05-28', 9, 22), { noBudget: true }],
  ['U17', at('2014-05-28', 10, 47), { emailIndex: 1 }],
  ['U11', at('2014-05-28', 14, 36)],
  ['U21', at('2014-05-28', 15, 58)],
  ['U12b', at('2014-05-29', 9, 14), { emailIndex: 1 }],
  ['U27b', at('2014-05-29', 10, 40)],
  ['U04', at('2014-05-29', 11, 55), { byName: true }],
  ['U15', at('2014-05-29', 15, 9)],
  ['U18', at('2014-05-29', 16, 33)],
  ['U23', at('2014-05-29', 17, 48)],
  ['U29', at('2014-05-30', 9, 5)],
  ['U30', at('2014-05-30', 10, 26)],
  ['U28', at('2014-05-30', 14, 12), { byName: true }],
  ['U32b', at('2014-05-30', 16, 54)],
  ['U24', at('2014-05-30', 23, 41)],
  // Late: after the end of 05-30 in the campaign time zone.
  ['U14', at('2014-05-31', 10, 20)],
  ['U26', at('2014-06-03', 15, 37)],
  ['U34', at('2014-06-05', 16, 8), { byName: true }],
];

function applicationAnswers(p, options = {}) {
  const u = unit[p.unitId];
  const email = options.email ?? u.emails[options.emailIndex ?? 0];
  const a = {
    unitId: options.byName ? u.name : u.id,
    projectName: p.name,
    projectType: p.type,
    themes: p.themes,
    rectification: RECTIFICATIONS[u.index % RECTIFICATIONS.length],
    leader: u.secretary,
    leaderTitle: u.title,
    goals: p.goals,
    measures: p.measures,
    dueDate: `2014-12-${pad(pick([15, 20, 20, 25, 26, 30, 31]))}`,
    contactName: u.contactName,
    contactPhone: u.phone,
    contactEmail: email,
  };
  if (!options.noBudget) a.budget = p.budget;
  return { email, answers: a };
}

let appNo = 0;
const appId = {};
for (const [key, time, options] of APPLICATIONS) {
  const p = project[key];
  const id = `a${pad(++appNo)}`;
  appId[key] = id;
  const { email, answers } = applicationAnswers(p, options);
  push({ id, at: time, type: 'submit', form: 'application', email, answers });
}

// U05 first forgets the mandatory rectification measure (rejected), then resubmits.
{
  const p = project.U05;
  const first = applicationAnswers(p);
  first.answers.rectification = '';
  const firstId = `a${pad(++appNo)}`;
  push({
    id: firstId,
    at: at('2014-05-23', 16, 10),
    type: 'submit',
    form: 'application',
    ...first,
  });
  const again = applicationAnswers(p);
  appId.U05 = `a${pad(++appNo)}`;
  push({
    id: appId.U05,
    at: at('2014-05-26', 10, 2),
    type: 'submit',
    form: 'application',
    ...again,
  });
}

// U09 applies from a personal address that is not on its roster: stored as unverified.
{
  const p = project.U09;
  const { email, answers } = applicationAnswers(p, { email: 'zhanghy.swj@mail.example' });
  appId.U09 = `a${pad(appNo + 1)}`;
  push({
    id: appId.U09,
    at: at('2014-05-28', 20, 17),
    type: 'submit',
    form: 'application',
    email,
    answers,
  });
}

// U03 edits its response through the edit link: sharper measures and a higher budget.
push({
  id: `${appId.U03}e`,
  at: at('2014-05-27', 18, 5),
  type: 'edit',
  of: appId.U03,
  answers: {
    measures:
      '组建20人党员服务专员队伍，每人联系10家科技企业；建立企业诉求“受理—转办—反馈”闭环机制，每月通报办理情况。',
    budget: 12,
  },
});

// ---------------------------------------------------------------------------------------------
// Screening: staff review 06-18 .. 06-25 — 8 key projects (= keyProjectQuota), the rest filed

const KEY = [
  ['U01a', 95, 20, '改革攻坚特色鲜明，列为重点项目。'],
  ['U12a', 92, 15, '贴近群众需求，示范性强。'],
  ['U02', 90, 12, ''],
  ['U06', 88, 10, ''],
  ['U25', 89, 10, '服务口岸通关，成效可量化。'],
  ['U08', 86, 8, ''],
  ['U27a', 93, 18, '党建带群建做法可推广。'],
  ['U32a', 87, 8, ''],
];
const selector = (p) => ({ unitId: p.unitId, projectName: project[p.key].name });
let reviewNo = 0;
const review = (time, p, set) =>
  push({
    id: `r${pad(++reviewNo)}`,
    at: time,
    type: 'review',
    by: unit[p.unitId].staff,
    project: selector(p),
    set,
  });

{
  let t = 0;
  const times = [
    at('2014-06-18', 10, 0),
    at('2014-06-18', 10, 12),
    at('2014-06-18', 10, 25),
    at('2014-06-18', 15, 40),
    at('2014-06-18', 15, 55),
    at('2014-06-18', 16, 10),
    at('2014-06-19', 9, 30),
    at('2014-06-19', 9, 45),
  ];
  for (const [key, score, funding, comment] of KEY) {
    const set = { status: '重点项目', score, fundingGranted: funding };
    if (comment) set.comment = comment;
    review(times[t++], project[key], set);
  }
}

// A 9th key project exceeds the quota of 8: the script must refuse and revert it; staff then file it.
review(at('2014-06-23', 10, 15), project.U13, { status: '重点项目', score: 85 });
review(at('2014-06-23', 10, 32), project.U13, {
  status: '备案',
  comment: '重点项目名额已满，转为备案项目，请自主实施。',
});

{
  const keySet = new Set(KEY.map(([k]) => k).concat('U13'));
  const rest = P.map(([key]) => key).filter((k) => !keySet.has(k));
  const days = ['2014-06-20', '2014-06-20', '2014-06-23', '2014-06-24', '2014-06-25'];
  const COMMENTS = {
    U09: '申报邮箱非本单位登记邮箱，已电话核实为本单位申报。',
    U29: '项目名称格式不规范，请在实施中规范名称。',
    U11: '项目名称含无关字符，请规范。',
    U14: '逾期申报，予以备案。',
    U26: '逾期申报，予以备案。',
    U34: '逾期申报，予以备案。',
  };
  rest.forEach((key, i) => {
    const day = days[Math.floor((i * days.length) / rest.length)];
    const set = { status: '备案', score: int(70, 84) };
    if (COMMENTS[key]) set.comment = COMMENTS[key];
    review(at(day, 14 + (Math.floor(i / 3) % 3), (i * 7) % 60), project[key], set);
  });
}

// ---------------------------------------------------------------------------------------------
// Implementation plans (key projects, July): six on time, U32a late (08-02), U08 never.

const keyKeys = KEY.map(([k]) => k);
const PLAN_DAYS = {
  U01a: '2014-07-04',
  U12a: '2014-07-09',
  U27a: '2014-07-11',
  U02: '2014-07-16',
  U06: '2014-07-22',
  U25: '2014-07-30',
  U32a: '2014-08-02',
};
const submitter = (p) => unit[p.unitId].emails[0];
let planNo = 0;
for (const key of keyKeys) {
  const day = PLAN_DAYS[key];
  if (!day) continue;
  const p = project[key];
  const u = unit[p.unitId];
  const funding = KEY.find(([k]) => k === key)[2];
  push({
    id: `p${pad(++planNo)}`,
    at: officeTime(day),
    type: 'submit',
    form: 'plan',
    email: submitter(p),
    answers: {
      projectRef: p.name,
      goals: p.goals,
      organization: `成立由${u.secretary}（${u.title}）任组长的项目领导小组，${u.name.replace(/党委$|党组$|党支部$/, '')}党建办公室具体落实，各支部书记为第一责任人。`,
      measures: `${p.measures}分三步推进：7—8月动员部署，9—11月全面实施，12月总结提升。`,
      safeguards: `专项经费${funding}万元专款专用；项目推进情况纳入支部书记抓党建述职评议。`,
      timeline: `2014-12-${pad(pick([15, 20, 26]))}`,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Ledger (key projects, Aug–Dec): monthly for most, sparse for some, nothing from U08.

const ACTIVITIES = [
  '主题党日：走访慰问困难党员和群众',
  '党员志愿服务队进社区开展便民服务',
  '专题党课：践行群众路线，服务基层群众',
  '召开项目推进会，梳理问题清单和责任分工',
  '组织党员骨干赴先进单位学习交流',
  '开展“党员示范岗”评比',
  '与结对共建支部联合开展政策宣讲',
  '收集群众意见建议并逐条办理反馈',
];
const OUTCOMES = [
  '服务群众{n}人次，解决实际问题{k}件。',
  '收集意见建议{k}条，已全部办理反馈。',
  '形成工作制度{k}项，参与党员反响良好。',
  '活动经验在机关工委简报刊发。',
  '结对帮扶{k}户，群众满意率明显提升。',
];
const LEDGER_MONTHS = {
  U01a: [8, 9, 10, 11, 12],
  U12a: [8, 9, 10, 11, 12],
  U27a: [7, 8, 9, 10, 11, 12],
  U02: [8, 9, 10, 11, 12],
  U06: [8, 10, 11, 12],
  U25: [8, 11], // sparse: the 30-day cadence rule should notice the gaps
  U32a: [9, 11, 12],
};
let ledgerNo = 0;
for (const key of keyKeys) {
  const months = LEDGER_MONTHS[key];
  if (!months) continue;
  const p = project[key];
  for (const m of months) {
    // Two entries in some months for the busiest projects.
    const entries = key === 'U01a' && (m === 9 || m === 11) ? 2 : 1;
    for (let e = 0; e < entries; e++) {
      const activityDay = `2014-${pad(m)}-${pad(e === 0 ? int(3, 14) : int(18, 26))}`;
      const submitDay = addDays(activityDay, int(0, 3));
      const answers = {
        projectRef: p.name,
        activityDate: activityDay,
        activity: pick(ACTIVITIES),
        participants: int(12, 120),
        outcome: pick(OUTCOMES)
          .replace('{n}', String(int(50, 600)))
          .replace('{k}', String(int(2, 12))),
      };
      if (rand() < 0.5) {
        answers.evidenceUrl = `https://pan.example/sjxm/${p.unitId}/${activityDay.replaceAll('-', '')}`;
      }
      push({
        id: `l${pad(++ledgerNo)}`,
        at: officeTime(submitDay),
        type: 'submit',
        form: 'ledger',
        email: submitter(p),
        answers,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Self-assessments (all projects, 2015-01-05 .. 02-15): most on time, two late, three missing.

const SUMMARIES = [
  '项目按计划完成，目标任务全部实现，群众满意度明显提升。',
  '项目基本完成预定目标，个别措施因人员调整推进较慢，已明确整改时限。',
  '通过项目实施，支部组织力明显增强，党员作用发挥更加充分。',
  '项目成效明显，相关做法被上级部门采纳推广。',
];
const EXPERIENCES = [
  '书记带头领办，党建与业务深度融合。',
  '以项目化方式抓党建，任务清单化、责任具体化。',
  '注重结对共建，整合资源形成合力。',
  '建立群众评议机制，以服务对象满意度检验成效。',
];
const SELF_LATE = { U12b: '2015-02-17', U30: '2015-02-26' };
const SELF_MISSING = new Set(['U29', 'U09', 'U34']);
let selfNo = 0;
const selfDays = {};
for (const [key] of P) {
  if (SELF_MISSING.has(key)) continue;
  const p = project[key];
  const isKey = keyKeys.includes(key);
  const day = SELF_LATE[key] ?? addDays('2015-01-06', int(0, 39));
  const rate = () => (isKey ? int(4, 5) : int(3, 5));
  selfDays[key] = day;
  push({
    id: `s${pad(++selfNo)}`,
    at: officeTime(day),
    type: 'submit',
    form: 'selfAssessment',
    email: submitter(p),
    answers: {
      projectRef: p.name,
      leadership: rate(),
      backbone: rate(),
      venue: rate(),
      carrier: rate(),
      system: rate(),
      performance: rate(),
      summary: pick(SUMMARIES),
      experience: pick(EXPERIENCES),
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Acceptance (staff, a few days after each self-assessment, before the final report of 02-16; the
// two late ones after it): key projects mostly 优秀, U08 (no plan, no ledger) 不合格, the rest
// 合格 or 优秀 by score. Projects without a self-assessment are not accepted.
// Then, on 02-28, staff make the dossiers and the final report again from the menu.

const FINAL_DAY = '2015-02-16';
for (const [key] of P) {
  const day = selfDays[key];
  if (!day) continue;
  const p = project[key];
  const late = day >= FINAL_DAY;
  let acceptDay = addDays(day, late ? 1 : int(2, 6));
  if (!late && acceptDay >= FINAL_DAY) acceptDay = addDays(FINAL_DAY, -1);
  const score = key === 'U08' ? 58 : keyKeys.includes(key) ? int(88, 96) : int(72, 92);
  const result = score >= 90 ? '优秀' : score >= 60 ? '合格' : '不合格';
  review(officeTime(acceptDay), p, { acceptanceScore: score, acceptanceResult: result });
}
push({ id: 'm01', at: at('2015-02-28', 10, 0), type: 'menu', by: ORG, item: 'generateDossiers' });
push({
  id: 'm02',
  at: at('2015-02-28', 10, 30),
  type: 'menu',
  by: ORG,
  item: 'generateFinalReport',
});

// ---------------------------------------------------------------------------------------------
// Write the files

events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)); // stable: ties keep creation order

const csvField = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (rows) =>
  rows.map((r) => r.map((v) => csvField(String(v))).join(',')).join('\n') + '\n';

fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(
  path.join(outDir, 'settings.csv'),
  csv([
    ['key', 'value'],
    ['campaignName', '2014年度基层党建“书记项目”（示例）'],
    ['timeZone', 'Asia/Shanghai'],
    ['locale', 'zh-CN'],
    ['reminderHour', '9'],
    ['senderName', '市直机关工委'],
    ['replyTo', ORG],
    ['staffEmails.org', ORG],
    ['staffEmails.enterprise', ENT],
    ['adminEmails', 'admin@jggw.example'],
    ['keyProjectQuota', '8'],
    ['minProjectsPerUnit', '1'],
    ['mailReserve', '10'],
    ['overdueMaxNotices', '3'],
  ]),
);
fs.writeFileSync(
  path.join(outDir, 'units.csv'),
  csv([
    [
      'unitId',
      'name',
      'category',
      'secretary',
      'contactName',
      'email',
      'phone',
      'memberCount',
      'active',
    ],
    ...units.map((u) => [
      u.id,
      u.name,
      u.category,
      u.secretary,
      u.contactName,
      u.emails.join(';'),
      u.phone,
      u.memberCount,
      String(u.active),
    ]),
  ]),
);
fs.writeFileSync(
  path.join(outDir, 'stages.csv'),
  csv([
    [
      'stageId',
      'name',
      'opensOn',
      'deadline',
      'form',
      'audience',
      'remindDaysBefore',
      'overdueEveryDays',
    ],
    ['apply', '申报阶段', '2014-05-20', '2014-05-30', 'application', 'allUnits', '7,3,1', '3'],
    ['screen', '筛选阶段', '2014-06-01', '2014-06-30', '', 'staff', '3', '0'],
    ['plan', '实施方案备案', '2014-07-01', '2014-07-31', 'plan', 'keyProjects', '7,3,1', '3'],
    ['implement', '实施阶段', '2014-07-01', '2014-12-31', 'ledger', 'keyProjects', '14,7,1', '7'],
    [
      'summarize',
      '总结阶段',
      '2015-01-05',
      '2015-02-15',
      'selfAssessment',
      'allProjects',
      '7,3,1',
      '3',
    ],
  ]),
);
fs.writeFileSync(
  path.join(outDir, 'events.jsonl'),
  events.map((e) => JSON.stringify(e)).join('\n') + '\n',
);
fs.writeFileSync(path.join(outDir, 'environment.json'), '{ "mailDailyQuota": 100, "seed": 42 }\n');
console.log(
  `wrote ${units.length} units and ${events.length} events to ${path.relative(root, outDir)}/`,
);
