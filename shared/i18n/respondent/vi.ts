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

  'question.other': 'Khác (vui lòng ghi rõ)',
  'question.otherInput': 'Câu trả lời khác của bạn',
  'ranking.instructions':
    'Sắp xếp các mục theo thứ tự, mục quan trọng nhất ở đầu, bằng nút Chuyển lên và Chuyển xuống.',
  'ranking.moveUp': 'Chuyển lên',
  'ranking.moveDown': 'Chuyển xuống',
  'ranking.keep': 'Giữ nguyên thứ tự này',
  'servqual.expectation': 'Điều bạn mong đợi',
  'servqual.perception': 'Điều bạn đã trải nghiệm',
  'importance.total': 'Tổng: {sum} / {total}',
  'vw.tooCheap': 'Ở mức giá nào thì sản phẩm rẻ đến mức bạn nghi ngờ chất lượng?',
  'vw.cheap': 'Ở mức giá nào thì đây là một món hời, rất đáng đồng tiền?',
  'vw.expensive': 'Ở mức giá nào thì bạn bắt đầu thấy đắt, nhưng vẫn cân nhắc mua?',
  'vw.tooExpensive': 'Ở mức giá nào thì đắt đến mức bạn không cân nhắc mua nữa?',
  'vw.likely': 'Khả năng bạn mua với giá {price} là bao nhiêu?',
  'gg.question': 'Bạn có mua với giá {price} không?',
  'gg.yes': 'Có',
  'gg.no': 'Không',
  'gg.again': 'Thay đổi câu trả lời',
  'competitor.known': 'Bạn biết những thương hiệu nào sau đây?',
  'contact.name': 'Họ tên',
  'contact.email': 'Email',
  'contact.phone': 'Số điện thoại',
  'validation.otherRequired': 'Vui lòng ghi rõ câu trả lời khác của bạn.',
  'validation.email': 'Vui lòng nhập địa chỉ email hợp lệ, ví dụ ten@example.com.',
  'validation.phone': 'Vui lòng nhập số điện thoại gồm chữ số, khoảng trắng và dấu + ở đầu nếu cần.',
  'validation.consent': 'Vui lòng đánh dấu vào ô để đồng ý, hoặc để trống thông tin của bạn.',
  'validation.constantSum': 'Tổng phải bằng {total}; hiện tại là {sum}.',
  'validation.priceOrder': 'Mỗi mức giá phải cao hơn mức giá trước đó.',

  'status.saving': 'Đang lưu…',
  'status.offline': 'Bạn đang ngoại tuyến — câu trả lời được giữ trên thiết bị này và sẽ được gửi khi có mạng trở lại.',
  'status.retrying': 'Gửi không thành công, đang thử lại…',
  'status.error': 'Đã xảy ra lỗi. Vui lòng thử lại.',

  'resume.prompt': 'Bạn đã bắt đầu làm khảo sát này trên thiết bị này trước đó.',
  'resume.startAgain': 'Làm lại từ đầu',

  'end.thanksTitle': 'Cảm ơn bạn!',
  'end.thanksBody': 'Câu trả lời của bạn đã được gửi. Bây giờ bạn có thể đóng trang này.',
  'end.screenedOut':
    'Cảm ơn bạn đã dành thời gian. Khảo sát này dành cho một nhóm đối tượng khác, vì vậy không còn câu hỏi nào dành cho bạn.',
  'end.overQuota':
    'Cảm ơn bạn đã dành thời gian. Chúng tôi đã nhận đủ câu trả lời từ những người có đặc điểm giống bạn, vì vậy không còn câu hỏi nào dành cho bạn.',

  'unavailable.closed.title': 'Khảo sát này đã đóng',
  'unavailable.closed.body': 'Khảo sát không còn nhận câu trả lời. Cảm ơn bạn đã quan tâm.',
  'unavailable.paused.title': 'Khảo sát này đang tạm dừng',
  'unavailable.paused.body': 'Hiện khảo sát tạm thời không nhận câu trả lời. Vui lòng thử lại sau.',
  'unavailable.notFound.title': 'Không tìm thấy khảo sát',
  'unavailable.notFound.body':
    'Hãy kiểm tra xem đường liên kết có đầy đủ không, hoặc đề nghị người đã gửi cho bạn một liên kết mới.',
  'unavailable.notYetOpen.title': 'Khảo sát chưa mở',
  'unavailable.notYetOpen.body':
    'Khảo sát sẽ sớm nhận câu trả lời. Vui lòng quay lại sau bằng chính đường liên kết này.',
  'unavailable.full.title': 'Khảo sát đã đủ',
  'unavailable.full.body': 'Chúng tôi đã nhận đủ số câu trả lời cần thiết. Cảm ơn anh/chị đã quan tâm.',
  'unavailable.used.title': 'Anh/chị đã trả lời rồi',
  'unavailable.used.body': 'Đường liên kết cá nhân này đã được dùng để trả lời khảo sát. Cảm ơn anh/chị đã tham gia!',
  'kiosk.next': 'Khảo sát sẽ bắt đầu lại cho người tiếp theo trong giây lát.',

  // Rate limit of the survey page
  'busy.title': 'Quá nhiều yêu cầu',
  'busy.body':
    'Trong một phút qua, khảo sát này đã nhận quá nhiều yêu cầu từ mạng của bạn. Vui lòng đợi một phút rồi tải lại trang.',
  // Question types: yes/no, dates, searchable lists, several fields
  'question.yes': 'Có',
  'question.no': 'Không',
  'question.search': 'Tìm trong danh sách',
  'validation.date': 'Vui lòng chọn một ngày.',
  'validation.dateRange': 'Vui lòng chọn ngày từ {min} đến {max}.',
  'validation.dateMin': 'Vui lòng chọn ngày từ {min} trở đi.',
  'validation.dateMax': 'Vui lòng chọn ngày không muộn hơn {max}.',
  'validation.requiredEveryField': 'Vui lòng điền tất cả các ô.',
};

export default vi;
