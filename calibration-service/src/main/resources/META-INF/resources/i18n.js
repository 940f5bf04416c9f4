// Words of the calibration dashboard in English and Vietnamese (the handbook's teams work in both).
export const MESSAGES = {
  en: {
    signIn: 'Sign in', signInHelp: 'Paste your access token. On a local run: deploy/local/token.sh YOUR-NAME recruiter',
    token: 'Access token', signInButton: 'Sign in', badToken: 'This token is not valid (expired, or not signed by our identity provider).',
    notAllowed: 'Signed in, but your role may not see this page.',
    title: 'Debrief — live calibrations', language: 'Language', connecting: 'connecting…', live: 'live',
    offline: 'reconnecting…', loops: 'Loops', status: 'Status', level: 'Level', outcome: 'Outcome', all: 'All',
    noLoops: 'No loops match these filters yet.', pickLoop: 'Pick a loop to see its calibration',
    nearMiss: 'Near miss — encourage reapplication', checks: 'Checks', rule: 'Rule', actual: 'Actual',
    required: 'Required', result: 'Result', passed: 'passed', failed: 'failed', scoresByArea: 'Scores by area',
    area: 'Area', score: 'Score', interviewers: 'Interviewers', pendingInterviewers: 'Pending interviewers',
    missingAreas: 'Missing areas', discussion: 'Needs discussion', none: 'none', average: 'average',
    noDecision: 'no decision yet', version: 'version', off: 'off by', chartTitle: 'Area scores against the {level} bar:'
      + ' area minimum {min}, required average {avg}', areaMinimum: 'area minimum', requiredAverage: 'required average',
    PENDING: 'Pending', DECIDED: 'Decided', CANCELLED: 'Cancelled', JUNIOR: 'Junior', MID: 'Mid', SENIOR: 'Senior',
    HIRE: 'Hire', NO_HIRE: 'No hire', INSUFFICIENT_EVIDENCE: 'Insufficient evidence',
    AVERAGE: 'Average', AREA_MINIMUM: 'Area minimum', EXPERT_AREAS: 'Areas at 5',
    CONTAINERIZATION: 'Containerization', ORCHESTRATION: 'Orchestration', CI_CD: 'CI/CD', ML_TOOLS: 'ML tools',
    MONITORING: 'Monitoring', SYSTEM_DESIGN: 'System design', PROBLEM_SOLVING: 'Problem solving',
    COMMUNICATION: 'Communication', DISAGREEMENT: 'Disagreement', REPEATED_RED_FLAG: 'Repeated red flag',
    RECOMMENDATION_CONFLICT: 'Recommendation conflict',
  },
  vi: {
    signIn: 'Đăng nhập', signInHelp: 'Dán mã truy cập của bạn. Khi chạy cục bộ: deploy/local/token.sh TÊN-BẠN recruiter',
    token: 'Mã truy cập', signInButton: 'Đăng nhập', badToken: 'Mã này không hợp lệ (đã hết hạn, hoặc không do hệ thống định danh của chúng tôi ký).',
    notAllowed: 'Đã đăng nhập, nhưng vai trò của bạn không được xem trang này.',
    title: 'Debrief — hiệu chỉnh trực tiếp', language: 'Ngôn ngữ', connecting: 'đang kết nối…', live: 'trực tiếp',
    offline: 'đang kết nối lại…', loops: 'Vòng phỏng vấn', status: 'Trạng thái', level: 'Cấp độ', outcome: 'Kết quả',
    all: 'Tất cả', noLoops: 'Chưa có vòng phỏng vấn nào khớp bộ lọc.', pickLoop: 'Chọn một vòng phỏng vấn để xem hiệu chỉnh',
    nearMiss: 'Suýt đạt — khuyến khích ứng tuyển lại', checks: 'Tiêu chí', rule: 'Quy tắc', actual: 'Thực tế',
    required: 'Yêu cầu', result: 'Kết quả', passed: 'đạt', failed: 'không đạt', scoresByArea: 'Điểm theo lĩnh vực',
    area: 'Lĩnh vực', score: 'Điểm', interviewers: 'Người phỏng vấn', pendingInterviewers: 'Người phỏng vấn chưa nộp',
    missingAreas: 'Lĩnh vực chưa chấm', discussion: 'Cần thảo luận', none: 'không có', average: 'trung bình',
    noDecision: 'chưa có quyết định', version: 'phiên bản', off: 'lệch',
    chartTitle: 'Điểm từng lĩnh vực so với chuẩn {level}: tối thiểu {min}, trung bình yêu cầu {avg}',
    areaMinimum: 'tối thiểu mỗi lĩnh vực', requiredAverage: 'trung bình yêu cầu',
    PENDING: 'Đang chờ', DECIDED: 'Đã quyết định', CANCELLED: 'Đã hủy', JUNIOR: 'Junior', MID: 'Mid', SENIOR: 'Senior',
    HIRE: 'Tuyển', NO_HIRE: 'Không tuyển', INSUFFICIENT_EVIDENCE: 'Chưa đủ dữ liệu',
    AVERAGE: 'Điểm trung bình', AREA_MINIMUM: 'Tối thiểu mỗi lĩnh vực', EXPERT_AREAS: 'Số lĩnh vực đạt 5',
    CONTAINERIZATION: 'Container hóa', ORCHESTRATION: 'Điều phối (Kubernetes)', CI_CD: 'CI/CD', ML_TOOLS: 'Công cụ ML',
    MONITORING: 'Giám sát', SYSTEM_DESIGN: 'Thiết kế hệ thống', PROBLEM_SOLVING: 'Giải quyết vấn đề',
    COMMUNICATION: 'Giao tiếp', DISAGREEMENT: 'Bất đồng', REPEATED_RED_FLAG: 'Cờ đỏ lặp lại',
    RECOMMENDATION_CONFLICT: 'Đề xuất mâu thuẫn',
  },
};

const RED_FLAGS_VI = {
  NO_HANDS_ON_EXPERIENCE: 'Không có kinh nghiệm thực tế', CANNOT_EXPLAIN_PAST_DECISIONS: 'Không giải thích được quyết định',
  IGNORES_REPRODUCIBILITY: 'Bỏ qua khả năng tái lập', NO_MONITORING_MINDSET: 'Thiếu tư duy giám sát',
  IGNORES_SECURITY: 'Bỏ qua bảo mật', NO_VERSION_CONTROL_DISCIPLINE: 'Thiếu kỷ luật quản lý phiên bản',
  CANNOT_TROUBLESHOOT: 'Không xử lý được sự cố', OVERENGINEERING: 'Thiết kế quá phức tạp', BLAMES_OTHERS: 'Đổ lỗi cho người khác',
  NOT_CURIOUS: 'Thiếu tò mò học hỏi', CANNOT_WORK_WITH_DATA_SCIENTISTS: 'Không phối hợp được với data scientist',
  RIGID: 'Cứng nhắc', POOR_COMMUNICATION: 'Giao tiếp kém', NO_OWNERSHIP: 'Thiếu tinh thần trách nhiệm',
};
Object.assign(MESSAGES.vi, RED_FLAGS_VI);

export function chooseLanguage(stored, navigatorLanguages) {
  if (stored && MESSAGES[stored]) return stored;
  for (const tag of navigatorLanguages || []) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (MESSAGES[base]) return base;
  }
  return 'en';
}

export function translator(lang) {
  const words = MESSAGES[lang] || MESSAGES.en;
  return (key, params = {}) => {
    const text = words[key] ?? MESSAGES.en[key] ?? humanize(key);
    return text.replace(/\{(\w+)\}/g, (_, name) => params[name] ?? '');
  };
}

/** NO_HANDS_ON_EXPERIENCE -> "No hands on experience": for names the dictionary does not know. */
function humanize(key) {
  const words = String(key).toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
