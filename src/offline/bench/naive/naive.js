/* eslint-disable */
// The naive reference of `npm run bench`: the same daily reminder run and the same application
// submission as the product, on the same sheets, written the way typical public form scripts
// are — one getValue per cell, appendRow per record, one MailApp.sendEmail per item, no batching,
// no send ledger. Plain Apps Script (ES5-style, top-level functions); the bench appends it to
// dist/Code.js so that setup/activate build the campaign exactly as for the product.

var NAIVE_LOG_SHEET = '提醒日志（简单脚本）';
var NAIVE_FORM_KEYS = {
  申报表: 'application',
  实施方案: 'plan',
  工作台账: 'ledger',
  自查总结: 'selfAssessment',
};
var NAIVE_AUDIENCE_KEYS = {
  全部参与单位: 'allUnits',
  已申报项目的单位: 'unitsWithProjects',
  重点项目: 'keyProjects',
  全部项目: 'allProjects',
  工作人员审核: 'staff',
};
var NAIVE_RECORD_SHEETS = {
  application: '项目库',
  plan: '实施方案',
  ledger: '工作台账',
  selfAssessment: '自查总结',
};
var NAIVE_ROUTING = {
  机关事业单位: 'org',
  驻深机关单位: 'org',
  驻深企业: 'enterprise',
  驻深办事处: 'enterprise',
};

/** Column number (1-based) of each header label, reading the header one cell at a time. */
function naiveHeader_(sheet) {
  var columns = {};
  var last = sheet.getLastColumn();
  for (var c = 1; c <= last; c++) {
    columns[String(sheet.getRange(1, c).getValue())] = c;
  }
  return columns;
}

function naiveDay_(value, tz) {
  if (value instanceof Date) return Utilities.formatDate(value, tz, 'yyyy-MM-dd');
  return String(value);
}

function naiveAddDays_(day, n) {
  var d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function naiveSettings_(ss) {
  var sheet = ss.getSheetByName('系统设置');
  var h = naiveHeader_(sheet);
  var settings = {};
  var last = sheet.getLastRow();
  for (var r = 2; r <= last; r++) {
    var key = String(sheet.getRange(r, h['设置项']).getValue());
    if (key) settings[key] = String(sheet.getRange(r, h['值']).getValue());
  }
  return settings;
}

function naiveEmails_(text) {
  return String(text)
    .split(/[;,；，\s]+/)
    .filter(function (e) {
      return e;
    });
}

/** Time-driven: reminders and overdue notices due today, one email per owed item. */
function naiveDailyReminders() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var tz = ss.getSpreadsheetTimeZone();
  var today = Utilities.formatDate(new Date(), tz, 'yyyy-MM-dd');
  var settings = naiveSettings_(ss);
  var maxOverdue = Number(settings['overdueMaxNotices'] || 3);

  // Units, row by row.
  var unitSheet = ss.getSheetByName('单位名册');
  var uh = naiveHeader_(unitSheet);
  var units = {};
  var unitCount = unitSheet.getLastRow();
  for (var r = 2; r <= unitCount; r++) {
    var id = String(unitSheet.getRange(r, uh['单位编号']).getValue());
    if (!id) continue;
    var active = unitSheet.getRange(r, uh['是否参与']).getValue();
    units[id] = {
      name: String(unitSheet.getRange(r, uh['单位名称']).getValue()),
      emails: naiveEmails_(unitSheet.getRange(r, uh['联系邮箱']).getValue()),
      department: NAIVE_ROUTING[String(unitSheet.getRange(r, uh['单位类别']).getValue())] || 'org',
      active: active === true || String(active).toUpperCase() === 'TRUE',
    };
  }

  var log = ss.getSheetByName(NAIVE_LOG_SHEET) || ss.insertSheet(NAIVE_LOG_SHEET);
  var sentByDepartment = {};
  var stageSheet = ss.getSheetByName('阶段设置');
  var sh = naiveHeader_(stageSheet);
  var stageCount = stageSheet.getLastRow();
  for (var s = 2; s <= stageCount; s++) {
    var stageId = String(stageSheet.getRange(s, sh['阶段编号']).getValue());
    // The stage sheet shows labels (申报表, 全部参与单位); a typical script maps them by hand.
    var formShown = String(stageSheet.getRange(s, sh['对应表单']).getValue());
    var audienceShown = String(stageSheet.getRange(s, sh['适用对象']).getValue());
    var form = NAIVE_FORM_KEYS[formShown] || formShown;
    var audience = NAIVE_AUDIENCE_KEYS[audienceShown] || audienceShown;
    if (!stageId || !form || audience === 'staff') continue;
    var stageName = String(stageSheet.getRange(s, sh['阶段名称']).getValue());
    var opensOn = naiveDay_(stageSheet.getRange(s, sh['开始日期']).getValue(), tz);
    var deadline = naiveDay_(stageSheet.getRange(s, sh['截止日期']).getValue(), tz);
    var remind = naiveEmails_(String(stageSheet.getRange(s, sh['提前提醒天数']).getValue()));
    var every = Number(stageSheet.getRange(s, sh['逾期催报间隔']).getValue() || 0);
    var due = null;
    for (var k = 0; k < remind.length; k++) {
      if (naiveAddDays_(deadline, -Number(remind[k])) === today && today >= opensOn) {
        due = '还有 ' + remind[k] + ' 天截止';
      }
    }
    if (today > deadline) {
      for (var n = 0; n < (every > 0 ? maxOverdue : 1); n++) {
        if (naiveAddDays_(deadline, 1 + n * every) === today) due = '已逾期';
      }
    }
    if (!due) continue;

    // Who already submitted: the record sheet, one cell per row.
    var records = ss.getSheetByName(NAIVE_RECORD_SHEETS[form]);
    var rh = naiveHeader_(records);
    var submittedUnits = {};
    var submittedProjects = {};
    var recordCount = records.getLastRow();
    for (var i = 2; i <= recordCount; i++) {
      var pid = String(records.getRange(i, rh['项目编号']).getValue());
      if (!pid) continue;
      submittedProjects[pid] = true;
      submittedUnits[String(records.getRange(i, rh['单位编号']).getValue())] = true;
    }

    var owed = [];
    if (audience === 'allUnits' || audience === 'unitsWithProjects') {
      for (var unitId in units) {
        if (units[unitId].active && !submittedUnits[unitId])
          owed.push({ unitId: unitId, what: '' });
      }
    } else {
      var projects = ss.getSheetByName('项目库');
      var ph = naiveHeader_(projects);
      var projectCount = projects.getLastRow();
      for (var p = 2; p <= projectCount; p++) {
        var projectId = String(projects.getRange(p, ph['项目编号']).getValue());
        if (!projectId || submittedProjects[projectId]) continue;
        var status = String(projects.getRange(p, ph['审核状态']).getValue());
        if (audience === 'keyProjects' && status !== '重点项目') continue;
        var owner = String(projects.getRange(p, ph['单位编号']).getValue());
        if (!units[owner] || !units[owner].active) continue;
        owed.push({
          unitId: owner,
          what: String(projects.getRange(p, ph['项目名称']).getValue()) + '（' + projectId + '）',
        });
      }
    }
    for (var o = 0; o < owed.length; o++) {
      var unit = units[owed[o].unitId];
      if (!unit.emails.length) continue;
      var subject = settings['campaignName'] + '：' + stageName + ' ' + due;
      MailApp.sendEmail(
        unit.emails.join(','),
        subject,
        unit.name +
          '：\n' +
          (owed[o].what ? owed[o].what + ' ' : '') +
          stageName +
          due +
          '，请尽快填报。',
      );
      log.appendRow([new Date(), owed[o].unitId, unit.emails.join(','), subject]);
      sentByDepartment[unit.department] = (sentByDepartment[unit.department] || 0) + 1;
    }
  }

  // A summary to each department's staff.
  var departments = {};
  for (var u in units) if (units[u].active) departments[units[u].department] = true;
  for (var d in departments) {
    var to = naiveEmails_(settings['staffEmails.' + d] || '');
    if (!to.length) continue;
    MailApp.sendEmail(
      to.join(','),
      '今日提醒汇总 ' + today,
      '今天共发送 ' + (sentByDepartment[d] || 0) + ' 封提醒。',
    );
    log.appendRow([new Date(), 'dept:' + d, to.join(','), '今日提醒汇总']);
  }
}

/** Form submit (application form): one project row, a receipt, one mail log row. */
function naiveOnFormSubmit(e) {
  var lock = LockService.getScriptLock();
  lock.waitLock(30000);
  try {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    var answers = {};
    var items = e.response.getItemResponses();
    for (var i = 0; i < items.length; i++) {
      answers[items[i].getItem().getTitle()] = items[i].getResponse();
    }
    var email = e.response.getRespondentEmail();

    // The unit, by name, row by row.
    var unitSheet = ss.getSheetByName('单位名册');
    var uh = naiveHeader_(unitSheet);
    var unit = null;
    var unitCount = unitSheet.getLastRow();
    for (var r = 2; r <= unitCount && !unit; r++) {
      if (
        String(unitSheet.getRange(r, uh['单位名称']).getValue()) === String(answers['申报单位'])
      ) {
        unit = {
          id: String(unitSheet.getRange(r, uh['单位编号']).getValue()),
          name: String(answers['申报单位']),
          category: String(unitSheet.getRange(r, uh['单位类别']).getValue()),
        };
      }
    }
    if (!unit) {
      MailApp.sendEmail(email, '申报未受理', '未找到申报单位：' + answers['申报单位']);
      return;
    }

    // Same name twice in one unit? Every project row, one cell at a time.
    var sheet = ss.getSheetByName('项目库');
    var h = naiveHeader_(sheet);
    var last = sheet.getLastRow();
    for (var p = 2; p <= last; p++) {
      if (
        String(sheet.getRange(p, h['单位编号']).getValue()) === unit.id &&
        String(sheet.getRange(p, h['项目名称']).getValue()) === String(answers['项目名称'])
      ) {
        MailApp.sendEmail(email, '申报未受理', '本单位已有同名项目：' + answers['项目名称']);
        return;
      }
    }
    var lastId = last >= 2 ? String(sheet.getRange(last, h['项目编号']).getValue()) : '';
    var next = (Number(lastId.split('-').pop()) || 0) + 1;
    var projectId = 'SJXM-2014-' + ('00' + next).slice(-Math.max(3, String(next).length));

    var row = [];
    for (var label in h) row[h[label] - 1] = '';
    var put = function (label, value) {
      if (h[label]) row[h[label] - 1] = value;
    };
    for (var title in answers) {
      var value = answers[title];
      put(title, Array.isArray(value) ? value.join('、') : value);
    }
    put('项目编号', projectId);
    put('单位编号', unit.id);
    put('单位名称', unit.name);
    put('单位类别', unit.category);
    put('审核状态', '待审核');
    put('填报邮箱', email);
    put('首次提交时间', e.response.getTimestamp());
    put('回复编号', e.response.getId());
    put('修改链接', e.response.getEditResponseUrl());
    for (var c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = '';
    sheet.appendRow(row);

    var subject = '申报回执：' + answers['项目名称'] + '（' + projectId + '）';
    MailApp.sendEmail(email, subject, '已收到贵单位的申报，项目编号 ' + projectId + '。');
    ss.getSheetByName('邮件记录').appendRow([
      'receipt:' + e.response.getId(),
      'receipt',
      email,
      subject,
    ]);
  } finally {
    lock.releaseLock();
  }
}
