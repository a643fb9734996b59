import type { Message } from '../translate';
import type en from './en';

const vi: Record<keyof typeof en, Message> = {
  'nav.next': 'Tiếp',
  'nav.back': 'Quay lại',
  'nav.finish': 'Hoàn tất',
  'nav.skipToContent': 'Chuyển đến nội dung chính',
  'language.label': 'Ngôn ngữ',

  'progress.label': 'Tiến độ khảo sát',
  'progress.page': 'Trang {page}/{total}',

  'question.required': 'Bắt buộc',
  'question.notApplicable': 'Không áp dụng',
  'question.choose': 'Chọn…',
  'nps.low': 'Hoàn toàn không có khả năng',
  'nps.high': 'Rất có khả năng',

  'validation.required': 'Vui lòng trả lời câu hỏi này.',
  'validation.requiredEveryRow': 'Vui lòng trả lời tất cả các dòng.',
  'validation.minChoices': { other: 'Chọn ít nhất {count} phương án.' },
  'validation.maxChoices': { other: 'Chọn tối đa {count} phương án.' },
  'validation.number': 'Vui lòng nhập một số.',
  'validation.wholeNumber': 'Vui lòng nhập một số nguyên.',
  'validation.numberRange': 'Vui lòng nhập một số từ {min} đến {max}.',
  'validation.numberMin': 'Vui lòng nhập một số không nhỏ hơn {min}.',
  'validation.numberMax': 'Vui lòng nhập một số không lớn hơn {max}.',
  'validation.tooLong': { other: 'Vui lòng nhập tối đa {count} ký tự.' },
  'validation.summary': { other: 'Vui lòng kiểm tra {count} câu trả lời.' },

  'status.saving': 'Đang lưu…',
  'status.offline': 'Bạn đang ngoại tuyến — câu trả lời được giữ trên thiết bị này và sẽ được gửi khi có mạng trở lại.',
  'status.retrying': 'Gửi không thành công, đang thử lại…',
  'status.error': 'Đã xảy ra lỗi. Vui lòng thử lại.',

  'resume.prompt': 'Bạn đã bắt đầu làm khảo sát này trên thiết bị này trước đó.',
  'resume.startAgain': 'Làm lại từ đầu',

  'end.thanksTitle': 'Cảm ơn bạn!',
  'end.thanksBody': 'Câu trả lời của bạn đã được gửi. Bây giờ bạn có thể đóng trang này.',
  'end.screenedOut': 'Cảm ơn bạn đã dành thời gian. Khảo sát này dành cho một nhóm đối tượng khác, vì vậy không còn câu hỏi nào dành cho bạn.',
  'end.overQuota': 'Cảm ơn bạn đã dành thời gian. Chúng tôi đã nhận đủ câu trả lời từ những người có đặc điểm giống bạn, vì vậy không còn câu hỏi nào dành cho bạn.',

  'unavailable.closed.title': 'Khảo sát này đã đóng',
  'unavailable.closed.body': 'Khảo sát không còn nhận câu trả lời. Cảm ơn bạn đã quan tâm.',
  'unavailable.paused.title': 'Khảo sát này đang tạm dừng',
  'unavailable.paused.body': 'Hiện khảo sát tạm thời không nhận câu trả lời. Vui lòng thử lại sau.',
  'unavailable.notFound.title': 'Không tìm thấy khảo sát',
  'unavailable.notFound.body': 'Hãy kiểm tra xem đường liên kết có đầy đủ không, hoặc đề nghị người đã gửi cho bạn một liên kết mới.',
};

export default vi;
