// Taiwan usage (問卷、連結、裝置、儲存、列 for a matrix row), which Hong Kong readers also read easily.
import type { Message } from '../translate';
import type en from './en';

const zhHant: Record<keyof typeof en, Message> = {
  'nav.next': '下一頁',
  'nav.back': '上一頁',
  'nav.finish': '完成',
  'nav.skipToContent': '跳至主要內容',
  'language.label': '語言',

  'progress.label': '問卷進度',
  'progress.page': '第 {page} 頁，共 {total} 頁',

  'question.required': '必填',
  'question.notApplicable': '不適用',
  'question.choose': '請選擇',
  'nps.low': '完全不可能',
  'nps.high': '極有可能',

  'validation.required': '請回答此題。',
  'validation.requiredEveryRow': '請回答每一列。',
  'validation.minChoices': { other: '請至少選擇 {count} 項。' },
  'validation.maxChoices': { other: '最多只能選擇 {count} 項。' },
  'validation.number': '請輸入數字。',
  'validation.wholeNumber': '請輸入整數。',
  'validation.numberRange': '請輸入 {min} 到 {max} 之間的數字。',
  'validation.numberMin': '請輸入不小於 {min} 的數字。',
  'validation.numberMax': '請輸入不大於 {max} 的數字。',
  'validation.tooLong': { other: '回答不能超過 {count} 個字元。' },
  'validation.summary': { other: '有 {count} 處回答需要檢查。' },

  'question.other': '其他（請說明）',
  'question.otherInput': '您的其他答案',
  'ranking.instructions': '請依重要程度排序，最重要的放在最前面，可使用「上移」和「下移」按鈕。',
  'ranking.moveUp': '上移',
  'ranking.moveDown': '下移',
  'ranking.keep': '維持此順序',
  'servqual.expectation': '您的期望',
  'servqual.perception': '您的實際感受',
  'importance.total': '合計：{sum} / {total}',
  'vw.tooCheap': '價格低到多少時，您會懷疑它的品質？',
  'vw.cheap': '價格為多少時，您會覺得物超所值、很划算？',
  'vw.expensive': '價格為多少時，您會開始覺得貴，但仍會考慮購買？',
  'vw.tooExpensive': '價格高到多少時，您會因為太貴而不考慮購買？',
  'vw.likely': '如果價格是 {price}，您購買的可能性有多高？',
  'gg.question': '如果價格是 {price}，您會購買嗎？',
  'gg.yes': '會',
  'gg.no': '不會',
  'gg.again': '修改我的回答',
  'competitor.known': '您知道以下哪些品牌？',
  'contact.name': '姓名',
  'contact.email': '電子郵件',
  'contact.phone': '電話',
  'validation.otherRequired': '請填寫您的其他答案。',
  'validation.email': '請輸入有效的電子郵件地址，例如 name@example.com。',
  'validation.phone': '請輸入電話號碼，只能包含數字、空格，開頭可加 +。',
  'validation.consent': '請勾選同意，或不要填寫您的聯絡資料。',
  'validation.constantSum': '總和必須為 {total}，目前為 {sum}。',
  'validation.priceOrder': '每個價格都必須高於前一個價格。',

  'status.saving': '正在儲存…',
  'status.offline': '您目前處於離線狀態——您的回答已保存在這台裝置上，恢復連線後會自動送出。',
  'status.retrying': '傳送失敗，正在重試…',
  'status.error': '發生錯誤，請再試一次。',

  'resume.prompt': '您先前已在這台裝置上開始填寫這份問卷。',
  'resume.startAgain': '重新開始',

  'end.thanksTitle': '謝謝您！',
  'end.thanksBody': '您的回答已送出，現在可以關閉此頁面。',
  'end.screenedOut': '感謝您撥冗參與。本次調查的對象與您的情況不符，因此接下來沒有需要您回答的問題。',
  'end.overQuota': '感謝您撥冗參與。與您情況相似的受訪者回答已經足夠，因此接下來沒有需要您回答的問題。',

  'unavailable.closed.title': '本問卷已關閉',
  'unavailable.closed.body': '問卷已停止收集回答。感謝您的關注。',
  'unavailable.paused.title': '本問卷已暫停',
  'unavailable.paused.body': '問卷目前暫停收集回答，請稍後再試。',
  'unavailable.notFound.title': '找不到問卷',
  'unavailable.notFound.body': '請檢查連結是否完整，或向傳送連結給您的人索取新的連結。',
  'unavailable.notYetOpen.title': "問卷尚未開放",
  'unavailable.notYetOpen.body': "問卷很快就會開始接受填答，請稍後使用同一個連結再回來。",
  'unavailable.full.title': "問卷已收滿",
  'unavailable.full.body': "我們已收到所需的全部回覆。感謝您的關注。",
  'unavailable.used.title': "您已經填答過了",
  'unavailable.used.body': "此專屬連結已用於填寫問卷。感謝您的參與！",
  'kiosk.next': "問卷稍後將為下一位重新開始。",

  // Rate limit of the survey page
  'busy.title': "請求過多",
  'busy.body': "過去一分鐘內，您所在的網路向本問卷發出的請求過多。請稍候一分鐘，再重新載入頁面。",
};

export default zhHant;
