/** Simplified Chinese: the default language of every user-facing string. */
export const zhCN = {
  menu: {
    title: '书记项目',
    setup: '初始化表格',
    activate: '校验配置并启动',
    checkConfig: '仅校验配置',
    health: '查看运行状况',
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
  levels: { error: '错误', warning: '提醒', ok: '正常' },
  setup: {
    done: (created: number) =>
      created > 0
        ? `已创建 ${created} 张工作表。请在「系统设置」「单位名册」「阶段设置」中填写活动配置，然后点击菜单「书记项目 → 校验配置并启动」。`
        : '所有工作表均已存在，未作任何改动。',
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
  },
  health: {
    triggerMissing: '每日定时任务缺失，已重新安装。',
    triggerDuplicated: (count: number) => `发现 ${count} 个重复的每日定时任务，已合并为一个。`,
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
    badNumber: (value: string, min: number, max: number) =>
      `「${value}」应为 ${min} 到 ${max} 之间的数字`,
    badRating: (value: string, min: number, max: number) =>
      `「${value}」应为 ${min}–${max} 分的整数`,
    badPhone: (value: string) => `「${value}」不是有效的电话号码`,
    badUrl: (value: string) => `「${value}」不是有效的链接（应以 http:// 或 https:// 开头）`,
    dueAfterImplement: (day: string, deadline: string) =>
      `完成期限（${day}）晚于实施阶段截止日期（${deadline}）`,
    futureDate: (day: string) => `活动日期（${day}）不能晚于填报当天`,
    unknownUnit: (value: string) => `「${value}」不是参与本次活动的单位`,
    unitInactive: (name: string) => `「${name}」未参与本次活动`,
    duplicateProjectName: (name: string, projectId: string) =>
      `本单位已申报同名项目「${name}」（${projectId}），请修改项目名称`,
    unknownProject: (ref: string) =>
      `找不到项目「${ref}」：请填写回执中的项目编号，或与申报时完全一致的项目名称`,
    ambiguousProject: (ref: string) => `「${ref}」对应多个项目，请改填项目编号`,
    required: () => '必填，不能为空',
    notText: () => '应为文字',
    tooLong: (max: number) => `不能超过 ${max} 个字`,
    unknownSetting: (key: string) => `未知的设置项「${key}」`,
    duplicateSetting: (key: string) => `设置项「${key}」重复出现`,
    badTimeZone: (value: string) => `「${value}」不是有效的时区（例如 Asia/Shanghai）`,
    badLocale: (value: string) => `「${value}」不是支持的语言，应为 zh-CN 或 en`,
    badInteger: (value: string, min: number, max: number) =>
      `「${value}」应为 ${min} 到 ${max} 之间的整数`,
    badEmail: (value: string) => `「${value}」不是有效的邮箱地址`,
    badEmailList: (value: string) => `「${value}」中含有无效的邮箱地址（多个地址用分号分隔）`,
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
    missingStaffEmail: (department: string) =>
      `有单位归属「${department}」，但未设置该部门的员工邮箱（staffEmails.${department}）`,
  },
  departments: { org: '组织部', enterprise: '企业工作部' } as Record<string, string>,
  sheetRow: (sheet: string, row: number | null, column: string | null) =>
    `「${sheet}」${row !== null ? `第 ${row} 行` : ''}${column ? `「${column}」` : ''}`,
};

export type Messages = typeof zhCN;
