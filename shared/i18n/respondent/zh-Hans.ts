import type { Message } from '../translate';
import type en from './en';

const zhHans: Record<keyof typeof en, Message> = {
  'nav.next': '下一页',
  'nav.back': '上一页',
  'nav.finish': '完成',
  'nav.skipToContent': '跳到主要内容',
  'language.label': '语言',

  'progress.label': '问卷进度',
  'progress.page': '第 {page} 页，共 {total} 页',

  'question.required': '必答',
  'question.notApplicable': '不适用',
  'question.choose': '请选择',
  'nps.low': '完全不可能',
  'nps.high': '极有可能',

  'validation.required': '请回答此题。',
  'validation.requiredEveryRow': '请回答每一行。',
  'validation.minChoices': { other: '请至少选择 {count} 项。' },
  'validation.maxChoices': { other: '最多只能选择 {count} 项。' },
  'validation.number': '请输入数字。',
  'validation.wholeNumber': '请输入整数。',
  'validation.numberRange': '请输入 {min} 到 {max} 之间的数字。',
  'validation.numberMin': '请输入不小于 {min} 的数字。',
  'validation.numberMax': '请输入不大于 {max} 的数字。',
  'validation.tooLong': { other: '回答不能超过 {count} 个字符。' },
  'validation.summary': { other: '有 {count} 处回答需要检查。' },

  'status.saving': '正在保存…',
  'status.offline': '您目前处于离线状态——您的回答已保存在本设备上，恢复联网后将自动发送。',
  'status.retrying': '发送失败，正在重试…',
  'status.error': '出错了，请重试。',

  'resume.prompt': '您之前已在此设备上开始填写这份问卷。',
  'resume.startAgain': '重新开始',

  'end.thanksTitle': '谢谢！',
  'end.thanksBody': '您的回答已提交，现在可以关闭此页面了。',
  'end.screenedOut': '感谢您抽出时间。本次调查的对象与您的情况不符，因此接下来没有需要您回答的问题了。',
  'end.overQuota': '感谢您抽出时间。与您情况相似的受访者的回答已经足够，因此接下来没有需要您回答的问题了。',

  'unavailable.closed.title': '本问卷已关闭',
  'unavailable.closed.body': '问卷已停止收集回答。感谢您的关注。',
  'unavailable.paused.title': '本问卷已暂停',
  'unavailable.paused.body': '问卷目前暂不收集回答，请稍后再试。',
  'unavailable.notFound.title': '找不到问卷',
  'unavailable.notFound.body': '请检查链接是否完整，或向发送链接的人索取新的链接。',
};

export default zhHans;
