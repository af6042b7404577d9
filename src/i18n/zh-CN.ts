/** A rule's own detail line, from a violation's numbers and first day. */
type ViolationDetail = (count: number, limit: number, since: string) => string;

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (section numbers; below 100). */
const chineseNumber = (n: number): string =>
  n < 10 ? DIGITS[n] : `${n >= 20 ? DIGITS[Math.floor(n / 10)] : ''}十${DIGITS[n % 10]}`;

/** Simplified Chinese: the default language of every user-facing string. */
export const zhCN = {
  menu: {
    rotatePageSecret: '更换个人链接密钥',
    title: '书记项目',
    setup: '初始化表格',
    activate: '校验配置并启动',
    checkConfig: '仅校验配置',
    checkQuotas: '立即检查配额',
    markVerified: '核验提交人身份',
    confirmReviews: '确认我的审核决定',
    repairTriggers: '修复触发器',
    previewReminders: '预览今日提醒（不发送）',
    health: '查看运行状况',
    selfCheck: '运行自检',
  },
  sheets: {
    settings: '系统设置',
    units: '单位名册',
    stages: '阶段设置',
    health: '运行状况',
  },
  columns: {
    settingKey: '设置项',
    settingLabel: '名称',
    settingValue: '值',
    settingNote: '说明',
    healthLevel: '级别',
    healthSheet: '工作表',
    healthRow: '行号',
    healthColumn: '列',
    healthProblem: '问题',
    healthCheckedAt: '检查时间',
  },
  levels: { error: '错误', warning: '提醒', ok: '正常', skipped: '未检查' },
  setup: {
    required: '必填',
    done: (created: number) =>
      created > 0
        ? `已创建 ${created} 张工作表。请在「系统设置」「单位名册」「阶段设置」中填写活动配置（「表单设计」可增删表单字段，「配额规则」可调整配额规则），然后点击菜单「书记项目 → 校验配置并启动」。`
        : '所有工作表均已存在，未作任何改动。',
    rewritten: (template: string, sheets: string) =>
      `已按活动模板「${template}」重写：${sheets}。请核对后点击菜单「校验配置并启动」。`,
    templateLocked: (template: string, active: string) =>
      `活动已按模板「${active}」启动，不能改用模板「${template}」：表单和已收集的记录都属于原模板。如需新活动，请新建表格。`,
    title: '初始化完成',
  },
  activate: {
    invalidTitle: '配置有误，活动未启动',
    invalid: (count: number, shown: string, more: number) =>
      `共发现 ${count} 处问题，详见「运行状况」工作表：\n${shown}${more > 0 ? `\n……另有 ${more} 处` : ''}`,
    okTitle: '活动已启动',
    ok: (campaign: string, stages: number, units: number, hour: number, timeZone: string) =>
      `「${campaign}」已启动：${stages} 个阶段、${units} 个参与单位。每日 ${hour} 时（${timeZone}）自动检查并发送提醒。`,
    unchanged: (campaign: string) => `「${campaign}」已处于启动状态，配置未变，未作任何改动。`,
    healthOk: '配置校验通过，活动已启动。',
    configOk: '配置校验通过。',
    scriptTimeZone: (scriptZone: string, campaignZone: string) =>
      `脚本项目时区（appsscript.json）为 ${scriptZone}，活动时区为 ${campaignZone}：提醒、截止日期和报告均按活动时区计算，不受影响；如需一致，请在 Apps Script 项目设置中修改。`,
  },
  health: {
    triggerMissing: '每日定时任务缺失，已重新安装。',
    triggerDuplicated: (count: number) => `发现 ${count} 个重复的每日定时任务，已合并为一个。`,
    mailFailed: (what: string, unit: string, to: string, reason: string) =>
      `${what}无法发送，不会自动重试：${unit}｜收件人 ${to}｜原因：${reason}。请核实「单位名册」中的地址或邮件内容；改正后，之后的邮件发往新地址（这一封不会重发）。`,
    mailWhat: {
      receipt: '回执',
      rejection: '退回通知',
      reminder: '提醒',
      digest: '工作提示',
      report: '报告链接',
    } as Record<string, string>,
    formNotShared: (form: string, owner: string) =>
      `表单「${form}」由 ${owner} 创建，您的账号无法打开它，表单保持不变。如需检查或重新创建，请用 ${owner} 运行菜单「修复触发器」。`,
    formMissing: (form: string) =>
      `表单「${form}」已被删除或移入回收站，每日运行不会新建表单：请点击菜单「修复触发器」或「校验配置并启动」重新创建，并把新链接发给各单位。`,
  },
  mail: {
    greeting: '您好！',
    receiptSubject: (
      campaign: string,
      form: string,
      project: string,
      projectId: string,
      updated: boolean,
    ) => `【${campaign}】${form}已${updated ? '更新' : '受理'}：${project}（${projectId}）`,
    receiptLead: (unit: string, form: string, projectId: string, updated: boolean) =>
      `${unit}提交的《${form}》已${updated ? '更新' : '受理'}，项目编号：${projectId}。`,
    entryReceiptSubject: (campaign: string, form: string, about: string, updated: boolean) =>
      `【${campaign}】${form}已${updated ? '更新' : '受理'}：${about}`,
    entryReceiptLead: (unit: string, form: string, about: string, updated: boolean) =>
      `${unit}提交的《${form}》${about ? `（${about}）` : ''}已${updated ? '更新' : '受理'}。`,
    unverified: (email: string, unit: string) =>
      `请注意：提交邮箱 ${email} 不在「${unit}」的联系邮箱名册中。记录已保存，待工作人员核实身份。`,
    late: (deadline: string) => `本次提交晚于截止日期（${deadline}），已记为逾期提交。`,
    recorded: '登记内容：',
    editHint: '如需修改，请通过以下链接编辑原回复（无需重新填写）：',
    rejectionSubject: (campaign: string, form: string) =>
      `【${campaign}】${form}未通过校验，请修改后重新提交`,
    rejectionLead: (form: string, at: string) =>
      `您于 ${at} 提交的《${form}》未通过校验，暂未登记。请逐项修改：`,
    fixHint: '修改链接（打开后可直接修改原回复）：',
    signature: (sender: string) => `${sender}`,
    automatic: '（本邮件由系统自动发送）',
  },
  periods: {
    year: (year: number) => `${year}年度`,
    quarter: (year: number, quarter: number) => `${year}年第${'一二三四'[quarter - 1]}季度`,
    month: (year: number, month: number) => `${year}年${month}月`,
  },
  reminders: {
    subjectOne: (campaign: string, form: string, when: string) => `【${campaign}】${form}：${when}`,
    subjectMany: (campaign: string, count: number, overdue: boolean) =>
      `【${campaign}】${overdue ? '逾期催报' : '待办提醒'}：您有 ${count} 项材料待提交`,
    daysLeft: (days: number) => (days === 0 ? '今天截止' : `还有 ${days} 天截止`),
    overdueBy: (days: number) => `已逾期 ${days} 天`,
    lead: (unit: string) => `${unit}：以下材料尚未提交，请在截止日期前完成。`,
    leadOverdue: (unit: string) => `${unit}：以下材料已超过截止日期仍未提交，请尽快补报。`,
    item: (form: string, project: string | null, deadline: string, when: string) =>
      `《${form}》${project ? `（项目：${project}）` : ''}，截止日期 ${deadline}（${when}）`,
    /** A recurring stage's period: 「支委会（每月）· 2018年3月」（项目：…），截止日期 2018-04-05（…）. */
    periodItem: (stage: string, project: string | null, deadline: string, when: string) =>
      `「${stage}」${project ? `（${project}）` : ''}，截止日期 ${deadline}（${when}）`,
    linkHint: '填报链接（已预填本单位信息）：',
    ignoreHint: '如已提交，请忽略本提醒；提交后将收到回执邮件。',
    staffSubject: (campaign: string, department: string, day: string) =>
      `【${campaign}】${department}活动汇总（${day}）`,
    staffLead: (department: string, day: string) => `${department}：截至 ${day} 的活动情况如下。`,
    dueSoon: (stage: string, deadline: string, days: number) =>
      `「${stage}」将于 ${deadline} 截止（还有 ${days} 天），今天已提醒尚未提交的单位。`,
    unchangedSince: (since: string, weeks: number, days: number) =>
      `以下情况自 ${since} 起${weeks > 0 ? `已 ${weeks} 周` : ''}没有变化（没有新情况时每 ${days} 天提示一次）。`,
    missing: (stage: string, deadline: string) => `「${stage}」尚未提交（截止 ${deadline}）：`,
    overdue: (stage: string, deadline: string) => `「${stage}」逾期未交（截止 ${deadline}）：`,
    unverified: '提交邮箱不在名册中、待核实身份的提交：',
    pendingReview: '待审核的项目：',
    quota: '配额检查发现的问题：',
    deferred: (count: number) => `因每日邮件配额不足，今天有 ${count} 封提醒顺延至下次运行发送。`,
    owedLeft: (count: number) =>
      `另有 ${count} 封回执或退回通知因配额不足尚未发出，将在之后的每日运行中优先补发。`,
    failedMail: '以下邮件无法发送（不会自动重试，请核实地址或内容后处理）：',
    failedMailLine: (unit: string, to: string, reason: string) => `${unit}｜${to}｜${reason}`,
    andMore: (count: number) => `……等共 ${count} 项`,
    staffReminderSubject: (campaign: string, stage: string, days: number) =>
      `【${campaign}】「${stage}」还有 ${days} 天截止：请完成待审核项目`,
    staffReminderLead: (department: string, stage: string, deadline: string) =>
      `${department}：「${stage}」将于 ${deadline} 截止，以下本部门归口单位的项目仍待审核：`,
    previewTitle: (day: string) => `${day} 的提醒预览（未发送）`,
    previewNone: '这一天没有需要发送的提醒。',
    previewPrompt: '预览哪一天的提醒？请输入日期（YYYY-MM-DD），留空为今天：',
  },
  review: {
    protectReview: '审核列（仅审核人员可改）',
    protectScript: '系统列（由系统写入，请勿手改）',
    scriptColumnEdited: (editor: string, at: string) =>
      `${at} ${editor || '（身份未知）'} 手工修改了系统列，已记入「审核日志」；该单位下次修改答卷时，本列将按答卷重写`,
    oldValueUnknown: '（粘贴多格，原值未知）',
    verifyTitle: '核验提交人身份',
    verifyPrompt: '请输入已核实身份的项目编号（如 SJXM-2014-004）：',
    quotaTitle: '配额检查',
    refusedTitle: '修改未生效',
    refusedNote: (editor: string, at: string, reason: string) =>
      `${at} ${editor} 的修改已撤回：${reason}`,
    passed: '通过',
    failed: '未通过',
    ruleMet: '全部满足',
    mailQuotaOk: (remaining: number, reserve: number) =>
      `今日剩余邮件配额 ${remaining}，不低于保留数 ${reserve}`,
    lastRunOk: (seconds: number) => `上次每日运行耗时 ${seconds} 秒，低于 4 分钟`,
    allQuotasMet: '所有配额检查均已满足',
    decisionSubject: (campaign: string) => `【${campaign}】项目审核结果通知`,
    decisionLead: (unit: string) => `${unit}：贵单位申报项目的审核结果如下。`,
    decisionLine: (
      project: string,
      projectId: string,
      status: string,
      comment: string,
      funding: string,
    ) =>
      `${project}（${projectId}）：${status}${funding ? `，专项经费 ${funding} 万元` : ''}${comment ? `。审核意见：${comment}` : ''}`,
    verifiedDone: (projectId: string) => `已将 ${projectId} 标记为身份已核验。`,
    verifyPickRow: '请先在「项目库」中选中要核验的项目所在行。',
    quotaChecked: (count: number) =>
      count === 0 ? '所有配额检查均已满足。' : `发现 ${count} 项配额问题，详见「配额检查」工作表。`,
    triggersRepaired: '定时任务、表单提交和编辑触发器已检查并修复。',
    mailQuotaLow: (remaining: number, reserve: number) =>
      `今日剩余邮件配额 ${remaining}，低于保留数 ${reserve}`,
    lastRunLong: (seconds: number) => `上次每日运行耗时 ${seconds} 秒，接近 6 分钟上限`,
    appsScript: 'Apps Script 配额',
    unknownReviewer: '（身份未知：编辑触发器未提供操作人，待本人确认）',
    unknownReviewerToast:
      'Google 未向脚本提供您的身份（个人账号或外部域账号）。审核决定已记录；请点击菜单「书记项目 → 确认我的审核决定」署名。',
    confirmTitle: '确认我的审核决定',
    confirmNone: '没有待确认身份的审核决定。',
    confirmNoIdentity: '无法确定您的账号，不能署名。请使用与本表格所有者同一域的账号或联系管理员。',
    confirmPrompt: (me: string, lines: string, count: number, more: number) =>
      `以下 ${count} 条审核决定未记录操作人：\n${lines}${more > 0 ? `\n……另有 ${more} 条` : ''}\n\n请输入由您（${me}）做出的决定的项目编号，用逗号分隔；输入「全部」确认以上全部：`,
    confirmLine: (at: string, projectId: string, field: string, value: string) =>
      `${at}  ${projectId}  ${field} → ${value}`,
    confirmDone: (count: number, me: string) =>
      `已将 ${count} 条审核决定署名为 ${me}，记入「审核日志」。`,
    confirmAll: '全部',
  },
  quotaRules: {
    minProjectsPerUnit: '每单位至少申报项目数',
    keyProjectQuota: '重点项目名额',
    rectificationRequired: '须含整顿软弱涣散措施',
    planForKeyProjects: '重点项目须报实施方案',
    ledgerCadenceDays: '重点项目台账间隔',
    selfAssessmentForAll: '所有项目须报自查总结',
  } as Record<string, string>,
  /** How a violation of any rule reads, beyond the texts of the rules above. */
  violations: {
    person: (name: string, unit: string) => `${name}（${unit}）`,
    missing: (form: string, since: string) => `尚未提交${form}${since ? `（自 ${since} 起）` : ''}`,
    fewer: (count: number, limit: number, since: string) =>
      `已报送 ${count} 次，少于要求的 ${limit} 次${since ? `（自 ${since} 起）` : ''}`,
    more: (count: number, limit: number) => `共 ${count} 条，超过上限 ${limit} 条`,
    required: (field: string) => `未填写“${field}”`,
    cadence: (days: number, limit: number, form: string) =>
      `已 ${days} 天未报送${form}（间隔不应超过 ${limit} 天）`,
    /** A unit's term: `left` days to its end (negative once past it). */
    termEnds: (end: string, left: number) =>
      left > 0
        ? `任期将于 ${end} 届满，还剩 ${left} 天`
        : left === 0
          ? `任期于今天（${end}）届满`
          : `任期已于 ${end} 届满，已超过 ${-left} 天`,
  },
  intake: {
    verified: '已核验',
    unverified: '未核验',
    late: '逾期',
    onTime: '',
    pendingReview: '待审核',
    rejectionOpen: '待修改',
    rejectionFixed: '已更正',
    truncated: (total: number) => `……（全文 ${total} 字，见表单回复工作表）`,
    configBroken: '活动配置有误，提交已暂存，待管理员修正配置后处理',
  },
  /** Problems found in configuration, each located by sheet, row and column. */
  problems: {
    keyQuotaFull: (quota: number) =>
      `重点项目已满 ${quota} 个，不能再增加；如需调整，请先将其他项目改为备案`,
    fundingOnlyForKey: () => '专项经费只能给重点项目，请先将审核状态设为“重点项目”',
    scriptOnly: () => '此列由系统自动填写，不能手工修改',
    badNumber: (value: string, min: number, max: number) =>
      `「${value}」应为 ${min} 到 ${max} 之间的数字`,
    badRating: (value: string, min: number, max: number) =>
      `「${value}」应为 ${min}–${max} 分的整数`,
    badPhone: (value: string) => `「${value}」不是有效的电话号码`,
    badUrl: (value: string) => `「${value}」不是有效的链接（应以 http:// 或 https:// 开头）`,
    dateAfterStage: (field: string, day: string, stage: string, deadline: string) =>
      `${field}（${day}）晚于${stage}截止日期（${deadline}）`,
    dateAfterSubmission: (field: string, day: string) => `${field}（${day}）不能晚于填报当天`,
    unknownUnit: (value: string) => `「${value}」不是参与本次活动的单位`,
    unitInactive: (name: string) => `「${name}」未参与本次活动`,
    duplicateProjectName: (name: string, projectId: string) =>
      `本单位已申报同名项目「${name}」（${projectId}），请修改项目名称`,
    unitChangeRefused: (projectId: string, from: string, to: string) =>
      `项目 ${projectId} 已登记在「${from}」名下，修改答卷不能把它改到「${to}」。原登记保持不变；如确属填错单位，请联系工作人员处理`,
    projectChangeRefused: (projectId: string, unit: string) =>
      `这份答卷原属「${unit}」的项目 ${projectId}，修改后不能改为其他单位的项目。原记录保持不变；如需为其他单位填报，请新填一份`,
    unknownProject: (ref: string) =>
      `找不到项目「${ref}」：请填写回执中的项目编号，或与申报时完全一致的项目名称`,
    ambiguousProject: (ref: string) => `「${ref}」对应多个项目，请改填项目编号`,
    entryUnitChangeRefused: (unit: string) =>
      `这份答卷原是「${unit}」的记录，修改后不能改为其他单位的记录。原记录保持不变；如需为其他单位填报，请新填一份`,
    unknownPerson: (ref: string) => `「${ref}」不在人员名册中，请从下拉列表中选择`,
    personUnitMismatch: (person: string, unit: string) =>
      `${person}在名册中属于「${unit}」，请填写本人所在单位`,
    unknownSubject: (kind: string, ref: string) =>
      `找不到${kind}「${ref}」：请填写清单中的编号，或与清单完全一致的名称`,
    ambiguousSubject: (kind: string, ref: string) => `「${ref}」对应多个${kind}，请改填编号`,
    notSubjectOwner: (unit: string, subject: string, owners: string) =>
      `「${unit}」不是${subject}的牵头单位（牵头单位：${owners}），只有牵头单位可以报送`,
    required: () => '必填，不能为空',
    notText: () => '应为文字',
    tooLong: (max: number) => `不能超过 ${max} 个字`,
    unknownSetting: (key: string) => `未知的设置项「${key}」`,
    duplicateSetting: (key: string) => `设置项「${key}」重复出现`,
    badTimeZone: (value: string) => `「${value}」不是有效的时区（例如 Asia/Shanghai）`,
    timeZoneMismatch: (sheetZone: string, campaignZone: string) =>
      `表格时区为 ${sheetZone}，与活动时区 ${campaignZone} 不一致，截止日期等日期会相差一天。请在「文件 > 设置 > 时区」中改为 ${campaignZone}（或把本设置改为 ${sheetZone}），再重新校验`,
    badLocale: (value: string) => `「${value}」不是支持的语言，应为 zh-CN 或 en`,
    badInteger: (value: string, min: number, max: number) =>
      `「${value}」应为 ${min} 到 ${max} 之间的整数`,
    badEmail: (value: string) => `「${value}」不是有效的邮箱地址`,
    badEmailList: (value: string) => `「${value}」中含有无效的邮箱地址（多个地址用分号分隔）`,
    notPlainEmail: (value: string) =>
      `「${value}」不是单纯的邮箱地址：应形如 name@example.cn，不含姓名、尖括号、mailto: 或空格（多个地址用分号分隔）`,
    tooManyEmails: (count: number, max: number) =>
      `填写了 ${count} 个邮箱地址，每个单位最多 ${max} 个：每个地址都计入每日收件人配额，且 MailApp 每封邮件最多 50 个收件人`,
    badDate: (value: string) => `「${value}」不是有效日期，应为 YYYY-MM-DD`,
    badBoolean: (value: string) => `「${value}」应为 是/否（TRUE/FALSE）`,
    badChoice: (value: string, choices: string) => `「${value}」不在可选范围内：${choices}`,
    badDayList: (value: string) => `「${value}」应为以逗号分隔的非负整数，例如 7,3,1`,
    duplicate: (value: string, firstRow: number) => `「${value}」与第 ${firstRow} 行重复`,
    deadlineBeforeOpening: (deadline: string, opensOn: string) =>
      `截止日期（${deadline}）早于开始日期（${opensOn}）`,
    unknownForm: (value: string, forms: string) => `未知的表单「${value}」，可选：${forms}`,
    formNeedsUnitAudience: () => '员工阶段（staff）不能对应表单',
    missingColumn: (label: string) => `缺少「${label}」列`,
    missingSheet: () => '工作表不存在，请先运行「初始化表格」',
    noUnits: () => '没有任何参与单位',
    noStages: () => '没有任何阶段',
    unknownTemplateForm: (value: string, forms: string) =>
      `模板中没有表单「${value}」，可选：${forms}`,
    badFieldKey: (value: string) =>
      `字段编号「${value}」应以英文字母开头，只含字母、数字、下划线或连字符`,
    unknownFieldKind: (value: string, kinds: string) =>
      `未知的字段类型「${value}」，可选：${kinds}`,
    choicesNeeded: () => '单选、多选字段须填写选项（以顿号或分号分隔）',
    minAboveMax: (min: number, max: number) => `最小值 ${min} 大于最大值 ${max}`,
    fieldInUse: (field: string, form: string, by: string) =>
      `表单「${form}」的字段「${field}」被${by}使用，不能删除`,
    fieldKindNeeded: (form: string, kind: string) => `表单「${form}」须有一个「${kind}」类型的字段`,
    formWithoutFields: (form: string) => `表单「${form}」没有任何字段`,
    badCondition: (value: string) =>
      `「${value}」不是有效的条件，应形如 字段=值 或 字段≠值（多个值以顿号分隔）`,
    scopeNeeded: (audience: string) => `适用对象为「${audience}」时须填写对象范围`,
    repeatNeedsDue: () => '重复阶段须填写每期截止（期末后天数）',
    noRoster: () => '本模板没有人员名册，不能以名册人员为适用对象',
    noSubjects: () => '本模板没有可作为适用对象的对象类型',
    badAmount: (value: string) =>
      `「${value}」应为非负数字，或一个数字类设置项（如 keyProjectQuota）`,
    badShare: (value: string) => `「${value}」应为 0 到 1 之间的比例，如 0.3`,
    ruleNeedsLimit: () => '数量规则须填写“至少”“至多”或“比例上限”之一',
    ruleNeeds: (column: string) => `此类规则须填写「${column}」`,
    missingStaffEmail: (department: string) =>
      `有单位归属「${department}」，但未设置该部门的员工邮箱（staffEmails.${department}）`,
  },
  reports: {
    menu: {
      stageReport: '生成阶段总结报告',
      dossiers: '生成项目档案',
      finalReport: '生成验收总结报告',
    },
    folderName: (campaign: string) => `${campaign} · 报告`,
    stageReportName: (campaign: string, stage: string, day: string) =>
      `${campaign}${stage}总结报告（${day}）`,
    finalReportName: (campaign: string, day: string) => `${campaign}验收总结报告（${day}）`,
    dossierName: (projectId: string, project: string) => `项目档案 ${projectId} ${project}`,
    audiences: {
      allUnits: '全部参与单位',
      unitsWithProjects: '已申报项目的单位',
      keyProjects: '重点项目',
      allProjects: '全部项目',
      staff: '工作人员审核',
    } as Record<string, string>,
    states: { upcoming: '尚未开始', open: '进行中', closed: '已截止' } as Record<string, string>,
    progress: (
      subject: 'units' | 'projects' | 'reviews' | 'none',
      expected: number,
      met: number,
      late: number,
      missing: number,
      rate: string,
    ) =>
      subject === 'none'
        ? '本阶段无需报送材料。'
        : subject === 'reviews'
          ? `应审核项目 ${expected} 个，已审核 ${met} 个，待审核 ${missing} 个，完成率 ${rate}。`
          : `应报${subject === 'units' ? '单位' : '项目'} ${expected} 个，已报 ${met} 个（其中逾期报送 ${late} 个），未报 ${missing} 个，完成率 ${rate}。`,
    violationSummary: (count: number) =>
      count > 0 ? `共发现 ${count} 项问题，详见下表。` : '未发现问题。',
    rules: {
      minProjectsPerUnit: '每单位至少申报项目',
      keyProjectQuota: '重点项目名额',
      rectificationRequired: '规定动作（整顿软弱涣散基层党组织）',
      planForKeyProjects: '重点项目实施方案',
      ledgerCadenceDays: '工作台账报送间隔',
      selfAssessmentForAll: '自查总结',
    } as Record<string, string>,
    /** Details of the Secretary Project's rules; any other rule's read from its kind. */
    details: {
      minProjectsPerUnit: (count: number, limit: number, since: string) =>
        `已申报 ${count} 个，少于 ${limit} 个（自 ${since} 起）`,
      keyProjectQuota: (count: number, limit: number) =>
        `重点项目 ${count} 个，超过名额 ${limit} 个`,
      rectificationRequired: () => '未填写整顿软弱涣散基层党组织措施',
      planForKeyProjects: (_count: number, _limit: number, since: string) =>
        `实施方案截止后仍未提交（自 ${since} 起）`,
      ledgerCadenceDays: (days: number, limit: number) =>
        `已 ${days} 天未报送台账（间隔不应超过 ${limit} 天）`,
      selfAssessmentForAll: (_count: number, _limit: number, since: string) =>
        `总结阶段截止后仍未提交自查总结（自 ${since} 起）`,
    } as Record<string, ViolationDetail>,
    allUnits: '全体',
    none: '（无）',
    blank: '—',
    notSubmitted: '（未提交）',
    mailSubject: (campaign: string, name: string) => `【${campaign}】${name}`,
    mailLead: (name: string) => `${name}已生成，请点击以下链接查阅（PDF 版本见附件）：`,
    doneTitle: '报告已生成',
    done: (name: string, url: string) => `「${name}」已生成并发送给工作人员：\n${url}`,
    dossiersDone: (made: number, total: number, url: string) =>
      `已生成 ${made} 份项目档案（共 ${total} 个项目），保存在报告文件夹：\n${url}`,
    dossiersPartial: (made: number, left: number) =>
      `本次生成 ${made} 份项目档案，还有 ${left} 份因运行时间限制未生成，请再次点击菜单继续。`,
    failedTitle: '报告未生成',
    configInvalid: '活动配置有误，请先运行「校验配置并启动」并改正全部问题。',
    unknownPlaceholder: (template: string, token: string) =>
      `「${template}」中有无法识别的占位符「${token}」，报告未生成。请在模板文档中改正或删除它。`,
    repeatRowMissing: (template: string, token: string) =>
      `「${template}」中的占位符「${token}」须位于表格的重复行（该行各单元格使用同一列表的占位符），报告未生成。`,
    mixedRow: (template: string, lists: string) =>
      `「${template}」的表格中有一行混用了多个列表（${lists}）的占位符，报告未生成。`,
    missingTemplate: (template: string) => `报告模板「${template}」不存在，已重新创建默认模板。`,
  },
  /** The campaign report made from a template's report sections (any template). */
  sections: {
    menu: '生成活动报告',
    templateName: '报告模板：活动报告',
    reportName: (campaign: string, day: string) => `${campaign}活动报告（${day}）`,
    title: (campaign: string) => `${campaign}活动报告`,
    asOf: (day: string) => `截至 ${day}`,
    footer: (generatedAt: string) =>
      `本报告由系统根据工作簿「单位名册」、各记录表和阶段设置自动生成，表中各数均可按记录行数复核。生成时间：${generatedAt}。`,
    numbered: (index: number, heading: string) => `${chineseNumber(index)}、${heading}`,
    blank: '—',
    unfilled: '（未填写）',
    /** A blank value inside a sentence (按推进状态：未填写 25 个). */
    unfilledInText: '未填写',
    none: '（无）',
    states: { open: '进行中', closed: '已截止' },
    overview: {
      heading: '总体情况',
      item: '项目',
      count: '数量',
      units: '参与单位',
      people: '名册人员',
      subjects: (label: string) => `${label}`,
      records: (sheet: string) => `「${sheet}」记录`,
      summary: (campaign: string, units: number, records: number) =>
        `${campaign}共有参与单位 ${units} 个，各表单共收到记录 ${records} 条。`,
    },
    stageProgress: {
      heading: '各阶段完成情况',
      stage: '阶段',
      period: '期间',
      deadline: '截止日期',
      state: '状态',
      owed: '应报',
      met: '已报',
      late: '逾期报送',
      missing: '未报',
      rate: '完成率',
      whole: '全程',
      summary: (owed: number, met: number, late: number, missing: number) =>
        `已开始的各阶段（各期）共应报 ${owed} 项，已报 ${met} 项（其中逾期报送 ${late} 项），未报 ${missing} 项。`,
    },
    quota: {
      heading: '配额规则检查',
      no: '序号',
      rule: '规则',
      subject: '对象',
      detail: '情况',
      summary: (count: number) =>
        count > 0 ? `共发现 ${count} 项问题，详见下表。` : '未发现问题。',
    },
    subjects: {
      heading: (label: string) => `${label}一览`,
      id: '编号',
      unit: '单位',
      summary: (count: number, label: string) => `共有${label} ${count} 个。`,
      byValue: (field: string, parts: string) => `按${field}：${parts}。`,
      part: (value: string, count: number) => `${value} ${count} 个`,
    },
    fieldCounts: {
      heading: (form: string, field: string) => `${form}：按${field}统计`,
      count: '记录数',
      share: '占比',
      summary: (count: number) => `共 ${count} 条记录。`,
      multiple: '该项可多选，各项合计可能多于记录数。',
    },
    byUnit: {
      heading: (form: string) => `${form}：按单位统计`,
      unit: '单位',
      records: '记录数',
      late: '逾期报送',
      owed: '应报',
      met: '已报',
      missing: '未报',
      summary: (units: number, records: number) =>
        `参与单位 ${units} 个，共报送 ${records} 条记录；“应报”“已报”“未报”按已开始的各期计。`,
    },
    byPeriod: {
      heading: (form: string, stage: string) => `${form}：按期统计（${stage}）`,
      period: '期间',
      deadline: '截止日期',
      records: '记录数',
      reporting: '报送单位',
      owed: '应报',
      missing: '未报',
      missingNames: '未报名单',
      more: (names: string, count: number) => `${names}等 ${count} 个`,
      summary: (periods: number) => `已开始 ${periods} 期。`,
    },
  },
  selfCheck: {
    title: '运行自检',
    summary: (passed: number, failed: number, warned: number, skipped: number) =>
      `运行自检：${passed} 项通过` +
      (failed ? `，${failed} 项未通过` : '') +
      (warned ? `，${warned} 项提醒` : '') +
      (skipped ? `，${skipped} 项无法检查` : ''),
    /** A check's line: what was found, then how to fix it. */
    line: (name: string, found: string, fix: string) =>
      `${name}：${found}${fix ? `。修复：${fix}` : ''}`,
    join: (parts: string[]) => parts.join('；'),
    and: (parts: string[]) => parts.join('、'),
    more: (shown: string, more: number) => (more > 0 ? `${shown} 等` : shown),
    names: {
      config: '配置',
      active: '活动状态',
      scopes: '授权范围',
      dailyTrigger: '每日触发器',
      editTrigger: '审核编辑触发器',
      submitTriggers: '表单提交触发器',
      form: (name: string) => `表单「${name}」`,
      responses: '表单回复',
      mailQuota: '邮件配额',
      mailFailures: '发送失败的邮件',
      reportFolder: '报告文件夹',
      reportTemplates: '报告模板',
      timeZones: '时区',
      staffIdentity: '工作人员身份',
    },
    config: {
      ok: (stages: number, units: number) => `有效（${stages} 个阶段、${units} 个参与单位）`,
      invalid: (count: number) => `有 ${count} 处问题，其余各项未检查`,
      fix: '运行菜单「书记项目 → 仅校验配置」查看并改正全部问题，然后再次运行自检',
    },
    active: {
      ok: (at: string, by: string) => `已启动（${at}${by ? `，由 ${by} 启动` : ''}）`,
      no: '尚未启动',
      fix: '运行菜单「书记项目 → 校验配置并启动」',
    },
    scopes: {
      ok: (count: number) => `已授予脚本需要的全部 ${count} 项权限`,
      missing: (scopes: string) => `缺少权限 ${scopes}`,
      fix: (url: string | null) =>
        `在 Apps Script 编辑器中运行 selfCheck，在授权页面勾选全部权限${url ? `（或打开 ${url}）` : ''}`,
      unknown: '此运行环境无法读取已授予的权限（ScriptApp.getAuthorizationInfo），未检查',
    },
    triggers: {
      notMine: (owner: string, me: string) =>
        `由启动活动的账号 ${owner} 安装，当前账号 ${me} 看不到他人的触发器，未检查`,
      notMineFix: (owner: string) => `请 ${owner} 运行自检`,
      repairFix: '运行菜单「书记项目 → 修复触发器」',
      dailyOk: (hour: number | null) =>
        `1 个（onDailyTick${hour === null ? '' : `，每天 ${hour} 时`}）`,
      dailyMissing: '缺失，每日提醒和报告不会运行',
      duplicated: (count: number) => `有 ${count} 个（应为 1 个）`,
      dailyHour: (hour: number, wanted: number) => `在每天 ${hour} 时运行，设置为 ${wanted} 时`,
      editOk: '1 个（onReviewEdit）',
      editMissing: '缺失，「项目库」中的审核不会被检查和记录',
      submitOk: (forms: number) => `${forms} 个表单各 1 个（onFormSubmit）`,
      submitMissing: (form: string) => `「${form}」缺失，提交不会被收录`,
      submitDuplicated: (form: string, count: number) => `「${form}」有 ${count} 个（应为 1 个）`,
    },
    form: {
      ok: (title: string) => `标题「${title}」，已发布，回复写入本表格，正在接受回复，收集邮箱`,
      notCreated: '尚未创建',
      notCreatedFix: '运行菜单「书记项目 → 校验配置并启动」',
      notMine: (owner: string, me: string) =>
        `由启动活动的账号 ${owner} 创建，当前账号 ${me} 不是它的协作者、打不开它，未检查`,
      unreachable: (message: string) => `无法打开（${message}）`,
      unreachableFix: '确认表单未被删除、当前账号可以编辑它，然后再次运行自检',
      titleEmpty: (wanted: string) => `标题为空（应为「${wanted}」）`,
      titleDiffers: (title: string, wanted: string) => `标题为「${title}」（应为「${wanted}」）`,
      titleFix: (wanted: string) => `在表单编辑器中把标题改为「${wanted}」`,
      unpublished: '未发布，填报人无法提交',
      unpublishedFix: '在表单编辑器中点击「发布」',
      noDestination: '未关联回复表格，回复不会写入本表格',
      otherDestination: (id: string) => `回复写入另一个表格（${id}）`,
      destinationFix: '在表单「回复」选项卡中选择「关联到表格」并选本表格',
      closed: '不接受回复',
      closedFix: '在表单「回复」选项卡中打开「接受回复」',
      noEmail: '未收集填报人邮箱，无法核验身份和发送回执',
      noEmailFix: '在表单「设置 → 回复」中开启「收集电子邮件地址」',
    },
    responses: {
      ok: (total: number, counts: string) =>
        `共 ${total} 份，均已记录${counts ? `（${counts}）` : ''}`,
      count: (form: string, n: number) => `${form} ${n} 份`,
      missing: (form: string, n: number, ids: string) =>
        `「${form}」有 ${n} 份回复没有记录（回复编号 ${ids}）`,
      fix: '这些回复的提交触发器未运行或运行失败；每日运行会补收未记录的回复，检查表单提交触发器后再次运行自检',
    },
    mailQuota: {
      notMine: (owner: string, me: string) =>
        `按账号计算：邮件由 ${owner} 的触发器发送，当前账号 ${me} 的配额不代表它，未检查`,
      ok: (remaining: number, reserve: number) =>
        `今日剩余 ${remaining} 个收件人，高于保留数 ${reserve}`,
      low: (remaining: number, reserve: number) =>
        `今日剩余 ${remaining} 个收件人，不高于保留数 ${reserve}，回执和提醒将推迟发送`,
      lowFix: '配额每日恢复后自动补发；如经常不足，请减少收件人或调低「系统设置」中的 mailReserve',
      unreadable: (message: string) => `无法读取（${message}）`,
      unreadableFix: '确认已授予发送邮件的权限',
    },
    mailFailures: {
      ok: (days: number) => `近 ${days} 天没有发送失败的邮件`,
      found: (count: number, days: number, lines: string) =>
        `近 ${days} 天有 ${count} 封邮件无法发送、不会自动重试：${lines}`,
      line: (what: string, unit: string, to: string, reason: string) =>
        `${what}（${unit}｜${to}｜${reason}）`,
      more: (count: number) => `等 ${count} 封`,
      fix: '核实「单位名册」或「系统设置」中的地址（或邮件内容）；改正后，之后的邮件发往新地址',
    },
    drive: {
      ok: '可以访问',
      notCreated: '尚未创建',
      missing: '不存在或当前账号无权访问',
      trashed: '已移入回收站',
      error: (message: string) => `暂时无法访问（${message}）`,
    },
    reportFolder: {
      configured: (state: string) => `「系统设置」中 reportFolderId 指定的文件夹${state}`,
      own: (state: string) => `脚本创建的文件夹${state}`,
      configuredFix:
        '在「系统设置」中填写可访问的文件夹 ID，或清空 reportFolderId（生成报告时会自动新建文件夹）',
      ownFix: '从回收站恢复该文件夹；否则下次生成报告时会自动新建',
      notCreatedFix: '运行菜单「书记项目 → 校验配置并启动」',
    },
    reportTemplates: {
      ok: (count: number) => `${count} 个模板均可访问`,
      one: (name: string, state: string) => `「${name}」${state}`,
      fix: '从回收站恢复模板；或运行「校验配置并启动」为缺失的模板重新创建默认模板（不会改动其他模板）',
    },
    timeZones: {
      ok: (zone: string) => `表格、脚本与活动设置一致（${zone}）`,
      differ: (sheet: string, script: string, campaign: string) =>
        `表格为 ${sheet}，脚本为 ${script}，活动设置为 ${campaign}，日期和截止时间会相差`,
      sheetFix: (zone: string) => `在表格「文件 → 设置 → 时区」中选 ${zone}`,
      scriptFix: (zone: string) =>
        `在 Apps Script「项目设置 → 时区」（appsscript.json 的 timeZone）中选 ${zone} 后重新部署`,
    },
    staffIdentity: {
      ok: (count: number, owner: string) =>
        `${count} 个工作人员地址与 ${owner} 同属一个域，审核人可识别`,
      consumer: (owner: string) => `${owner} 是个人账号，编辑触发器看不到其他人的地址`,
      otherDomain: (emails: string) => `${emails} 与启动账号不在同一域，编辑触发器中审核人将为空`,
      fix: '工作人员使用与启动账号同域的 Google Workspace 账号；否则审核人由菜单操作记录',
      unknownOwner: '不知道启动活动的账号，未检查',
    },
  },
  webPage: {
    unitTitle: (campaign: string, unit: string) => `${unit}｜${campaign}`,
    staffTitle: (campaign: string, department: string) => `${department}各单位进度｜${campaign}`,
    asOf: (day: string) => `截至 ${day}`,
    obligations: '应交材料',
    projects: '本单位项目',
    decisions: '审核决定',
    mails: '邮件记录',
    none: '暂无',
    deadline: (day: string) => `截止 ${day}`,
    opensOn: (day: string) => `${day} 开始`,
    states: {
      met: '已提交',
      metLate: '逾期提交',
      due: '待提交',
      upcoming: '尚未开始',
      overdue: '已逾期',
      rejected: '被退回',
    } as Record<string, string>,
    stateDetail: {
      met: (day: string) => `${day} 提交`,
      metLate: (day: string) => `${day} 提交（已过截止日）`,
      due: (days: number) => (days === 0 ? '今天截止' : `还有 ${days} 天截止`),
      upcoming: (days: number) => `还有 ${days} 天截止`,
      overdue: (days: number) => `已逾期 ${days} 天`,
      rejected: (day: string) => `${day} 的填报被退回，原因：`,
    },
    fill: '填写表单',
    fix: '修改被退回的填报',
    edit: '查看或修改本单位的填报',
    status: '审核状态',
    score: '评分',
    comment: '审核意见',
    funding: '专项经费（万元）',
    acceptance: '验收结论',
    decision: (field: string, from: string, to: string) => `${field}：${from || '（空）'} → ${to}`,
    mailLine: (kind: string, state: string) => `${kind}｜${state}`,
    filter: '按单位名称或编号筛选',
    allStates: '全部状态',
    unitsCount: (n: number) => `共 ${n} 个单位`,
    refusedTitle: '无法打开此页面',
    refused:
      '此链接无效或已过期。请使用最近一封提醒或回执邮件中的链接；如仍无法打开，请联系工作人员。',
    notDeployed: '网页尚未部署：请先在 Apps Script 中部署网络应用。',
    secretRotated:
      '个人链接密钥已更换：此前发出的所有个人链接均已失效，之后的提醒和回执邮件将附上新链接。',
    secretRotatedTitle: '已更换链接密钥',
    linkHint: '随时查看本单位的进度、待交材料和审核结果：',
  },
  departments: { org: '组织部', enterprise: '企业工作部' } as Record<string, string>,
  /**
   * What a dropdown or a machine-written cell shows for each stored key (src/i18n/labels.ts maps
   * both ways; a sheet may hold the key, the Chinese or the English label).
   */
  choices: {
    form: {
      application: '申报表',
      plan: '实施方案',
      ledger: '工作台账',
      selfAssessment: '自查总结',
    },
    audience: {
      allUnits: '全部参与单位',
      unitsWithProjects: '已申报项目的单位',
      keyProjects: '重点项目',
      allProjects: '全部项目',
      staff: '工作人员审核',
      unitsOfCategory: '指定类别的单位',
      subjects: '符合条件的对象',
      roster: '名册人员',
    },
    mailKind: {
      receipt: '回执',
      rejection: '退回通知',
      reminder: '截止提醒',
      overdue: '逾期催报',
      digest: '每日汇总',
      decision: '审核结果',
      report: '报告',
      dossier: '项目档案',
    },
    mailState: {
      sent: '已发送',
      deferred: '已推迟',
      failed: '发送失败',
      queued: '待发送',
      superseded: '已被替代',
    },
    status: { 待审核: '待审核', 重点项目: '重点项目', 备案: '备案', 退回修改: '退回修改' },
    acceptance: { 优秀: '优秀', 合格: '合格', 不合格: '不合格' },
    repeat: { month: '每月', quarter: '每季度', year: '每年' },
    ruleKind: { count: '数量', required: '必填', cadence: '间隔', termExpiry: '任期届满' },
    rulePer: {
      unit: '每个单位',
      person: '每人',
      category: '每类单位',
      subject: '每个对象',
      campaign: '全体合计',
    },
    fieldKind: {
      unit: '单位（下拉）',
      person: '人员（下拉）',
      subject: '关联对象（编号或名称）',
      text: '单行文本',
      paragraph: '段落',
      choice: '单选（下拉）',
      checkbox: '多选',
      date: '日期',
      integer: '整数',
      number: '数字',
      email: '邮箱',
      phone: '电话',
      url: '网址',
      rating: '评分（1–5）',
    },
    category: {
      机关事业单位: '机关事业单位',
      驻深机关单位: '驻深机关单位',
      驻深企业: '驻深企业',
      驻深办事处: '驻深办事处',
    },
  } as Record<
    | 'form'
    | 'audience'
    | 'mailKind'
    | 'mailState'
    | 'status'
    | 'acceptance'
    | 'category'
    | 'fieldKind'
    | 'repeat'
    | 'ruleKind'
    | 'rulePer',
    Record<string, string>
  >,
  sheetRow: (sheet: string, row: number | null, column: string | null) =>
    `「${sheet}」${row !== null ? `第 ${row} 行` : ''}${column ? `「${column}」` : ''}`,
};

export type Messages = typeof zhCN;
