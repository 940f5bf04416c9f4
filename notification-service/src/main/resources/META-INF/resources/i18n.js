// Words of the recruiter page in English and Vietnamese (the handbook's teams work in both).
export const MESSAGES = {
  en: {
    signIn: 'Sign in', signInHelp: 'Paste your access token. On a local run: deploy/local/token.sh YOUR-NAME recruiter',
    token: 'Access token', signInButton: 'Sign in', badToken: 'This token is not valid (expired, or not signed by our identity provider).',
    notAllowed: 'Signed in, but your role may not see this page.',
    title: 'Debrief — hiring decisions', language: 'Language', connecting: 'connecting…', live: 'live',
    offline: 'reconnecting…', feed: 'Decisions, live', noDecisions: 'No decisions yet. They appear here as loops complete.',
    subscriptions: 'Webhook subscriptions', url: 'Receiver URL', description: 'Description',
    onlyOutcomes: 'Only these outcomes (none = all)', onlyLevels: 'Only these levels (none = all)',
    create: 'Create subscription', secretOnce: 'Signing secret — shown only now. Store it in your receiver to verify signatures:',
    noSubscriptions: 'No subscriptions yet.', delete: 'Delete', deliveries: 'Deliveries', hide: 'Hide',
    redeliver: 'Redeliver', noDeliveries: 'No deliveries yet.', attempts: 'attempts', average: 'average',
    strengths: 'Strengths', toImprove: 'To improve', discussion: 'Needs discussion', nearMiss: 'Near miss — encourage reapplication',
    version: 'version', missingAreas: 'Missing areas', allOutcomes: 'all outcomes', allLevels: 'all levels',
    confirmDelete: 'Delete this subscription? Its receiver will get no more decisions.',
    HIRE: 'Hire', NO_HIRE: 'No hire', INSUFFICIENT_EVIDENCE: 'Insufficient evidence',
    JUNIOR: 'Junior', MID: 'Mid', SENIOR: 'Senior', PENDING: 'Pending', DELIVERED: 'Delivered', FAILED: 'Failed',
    CONTAINERIZATION: 'Containerization', ORCHESTRATION: 'Orchestration', CI_CD: 'CI/CD', ML_TOOLS: 'ML tools',
    MONITORING: 'Monitoring', SYSTEM_DESIGN: 'System design', PROBLEM_SOLVING: 'Problem solving',
    COMMUNICATION: 'Communication', DISAGREEMENT: 'Disagreement', REPEATED_RED_FLAG: 'Repeated red flag',
    RECOMMENDATION_CONFLICT: 'Recommendation conflict',
  },
  vi: {
    signIn: 'Đăng nhập', signInHelp: 'Dán mã truy cập của bạn. Khi chạy cục bộ: deploy/local/token.sh TÊN-BẠN recruiter',
    token: 'Mã truy cập', signInButton: 'Đăng nhập', badToken: 'Mã này không hợp lệ (đã hết hạn, hoặc không do hệ thống định danh của chúng tôi ký).',
    notAllowed: 'Đã đăng nhập, nhưng vai trò của bạn không được xem trang này.',
    title: 'Debrief — quyết định tuyển dụng', language: 'Ngôn ngữ', connecting: 'đang kết nối…', live: 'trực tiếp',
    offline: 'đang kết nối lại…', feed: 'Quyết định, trực tiếp',
    noDecisions: 'Chưa có quyết định nào. Quyết định xuất hiện ở đây khi vòng phỏng vấn hoàn tất.',
    subscriptions: 'Đăng ký webhook', url: 'URL nhận', description: 'Mô tả',
    onlyOutcomes: 'Chỉ các kết quả này (không chọn = tất cả)', onlyLevels: 'Chỉ các cấp độ này (không chọn = tất cả)',
    create: 'Tạo đăng ký', secretOnce: 'Khóa ký — chỉ hiển thị lần này. Lưu vào hệ thống nhận để xác minh chữ ký:',
    noSubscriptions: 'Chưa có đăng ký nào.', delete: 'Xóa', deliveries: 'Lần gửi', hide: 'Ẩn',
    redeliver: 'Gửi lại', noDeliveries: 'Chưa có lần gửi nào.', attempts: 'lần thử', average: 'trung bình',
    strengths: 'Điểm mạnh', toImprove: 'Cần cải thiện', discussion: 'Cần thảo luận',
    nearMiss: 'Suýt đạt — khuyến khích ứng tuyển lại', version: 'phiên bản', missingAreas: 'Lĩnh vực chưa chấm',
    allOutcomes: 'mọi kết quả', allLevels: 'mọi cấp độ',
    confirmDelete: 'Xóa đăng ký này? Hệ thống nhận sẽ không nhận thêm quyết định nào.',
    HIRE: 'Tuyển', NO_HIRE: 'Không tuyển', INSUFFICIENT_EVIDENCE: 'Chưa đủ dữ liệu',
    JUNIOR: 'Junior', MID: 'Mid', SENIOR: 'Senior', PENDING: 'Đang chờ', DELIVERED: 'Đã gửi', FAILED: 'Thất bại',
    CONTAINERIZATION: 'Container hóa', ORCHESTRATION: 'Điều phối (Kubernetes)', CI_CD: 'CI/CD', ML_TOOLS: 'Công cụ ML',
    MONITORING: 'Giám sát', SYSTEM_DESIGN: 'Thiết kế hệ thống', PROBLEM_SOLVING: 'Giải quyết vấn đề',
    COMMUNICATION: 'Giao tiếp', DISAGREEMENT: 'Bất đồng', REPEATED_RED_FLAG: 'Cờ đỏ lặp lại',
    RECOMMENDATION_CONFLICT: 'Đề xuất mâu thuẫn',
  },
};

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
  return (key) => words[key] ?? MESSAGES.en[key] ?? String(key).toLowerCase().replace(/_/g, ' ');
}
