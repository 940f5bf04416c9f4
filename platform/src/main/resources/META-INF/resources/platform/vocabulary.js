// The contract's closed vocabularies (CONTRACT.md, DOMAIN.md) and how every page names them in English and Vietnamese.
// Only names for display: no rule of the domain lives here.

export const LEVELS = ['JUNIOR', 'MID', 'SENIOR'];
export const AREAS = ['CONTAINERIZATION', 'ORCHESTRATION', 'CI_CD', 'ML_TOOLS', 'MONITORING', 'SYSTEM_DESIGN',
  'PROBLEM_SOLVING', 'COMMUNICATION'];
export const STAGES = ['TECHNICAL_SCREEN', 'TECHNICAL_DEEP_DIVE', 'SYSTEM_DESIGN', 'CODING_PRACTICAL',
  'TECHNICAL_LEADERSHIP', 'ARCHITECTURE_REVIEW', 'CULTURAL_FIT'];
export const RECOMMENDATIONS = ['STRONG_NO', 'NO', 'YES', 'STRONG_YES'];
export const RED_FLAGS = {
  technical: ['NO_HANDS_ON_EXPERIENCE', 'CANNOT_EXPLAIN_PAST_DECISIONS', 'IGNORES_REPRODUCIBILITY',
    'NO_MONITORING_MINDSET', 'IGNORES_SECURITY', 'NO_VERSION_CONTROL_DISCIPLINE', 'CANNOT_TROUBLESHOOT', 'OVERENGINEERING'],
  behavioural: ['BLAMES_OTHERS', 'NOT_CURIOUS', 'CANNOT_WORK_WITH_DATA_SCIENTISTS', 'RIGID', 'POOR_COMMUNICATION',
    'NO_OWNERSHIP'],
};
export const GREEN_FLAGS = {
  technical: ['PRODUCTION_EXPERIENCE', 'UNDERSTANDS_TRADE_OFFS', 'AUTOMATION_MINDSET', 'MONITORING_FIRST',
    'SECURITY_AWARENESS', 'COST_CONSCIOUSNESS', 'GOOD_DOCUMENTATION', 'REPRODUCIBILITY_FOCUS'],
  behavioural: ['LEARNS_FROM_FAILURES', 'COLLABORATIVE', 'PROACTIVE', 'CLEAR_COMMUNICATION', 'OWNERSHIP',
    'SHARES_KNOWLEDGE', 'PRAGMATIC'],
};

export const VOCABULARY = {
  en: {
    JUNIOR: 'Junior', MID: 'Mid', SENIOR: 'Senior',
    OPEN: 'Open', PENDING: 'Pending', DECIDED: 'Decided', CANCELLED: 'Cancelled',
    HIRE: 'Hire', NO_HIRE: 'No hire', INSUFFICIENT_EVIDENCE: 'Insufficient evidence',
    AVERAGE: 'Average', AREA_MINIMUM: 'Area minimum', EXPERT_AREAS: 'Areas at 5',
    CONTAINERIZATION: 'Containerization', ORCHESTRATION: 'Orchestration', CI_CD: 'CI/CD', ML_TOOLS: 'ML tools',
    MONITORING: 'Monitoring', SYSTEM_DESIGN: 'System design', PROBLEM_SOLVING: 'Problem solving',
    COMMUNICATION: 'Communication',
    TECHNICAL_SCREEN: 'Technical screen', TECHNICAL_DEEP_DIVE: 'Technical deep dive', CODING_PRACTICAL: 'Coding practical',
    TECHNICAL_LEADERSHIP: 'Technical leadership', ARCHITECTURE_REVIEW: 'Architecture review', CULTURAL_FIT: 'Cultural fit',
    STRONG_NO: 'Strong no', NO: 'No', YES: 'Yes', STRONG_YES: 'Strong yes',
    DISAGREEMENT: 'Disagreement', REPEATED_RED_FLAG: 'Repeated red flag', RECOMMENDATION_CONFLICT: 'Recommendation conflict',
    NO_HANDS_ON_EXPERIENCE: 'No hands-on experience', CANNOT_EXPLAIN_PAST_DECISIONS: 'Cannot explain past decisions',
    IGNORES_REPRODUCIBILITY: 'Ignores reproducibility', NO_MONITORING_MINDSET: 'No monitoring mindset',
    IGNORES_SECURITY: 'Ignores security', NO_VERSION_CONTROL_DISCIPLINE: 'No version-control discipline',
    CANNOT_TROUBLESHOOT: 'Cannot troubleshoot', OVERENGINEERING: 'Over-engineering', BLAMES_OTHERS: 'Blames others',
    NOT_CURIOUS: 'Not curious', CANNOT_WORK_WITH_DATA_SCIENTISTS: 'Cannot work with data scientists', RIGID: 'Rigid',
    POOR_COMMUNICATION: 'Poor communication', NO_OWNERSHIP: 'No ownership',
    PRODUCTION_EXPERIENCE: 'Production experience', UNDERSTANDS_TRADE_OFFS: 'Understands trade-offs',
    AUTOMATION_MINDSET: 'Automation mindset', MONITORING_FIRST: 'Monitoring first', SECURITY_AWARENESS: 'Security awareness',
    COST_CONSCIOUSNESS: 'Cost consciousness', GOOD_DOCUMENTATION: 'Good documentation',
    REPRODUCIBILITY_FOCUS: 'Reproducibility focus', LEARNS_FROM_FAILURES: 'Learns from failures',
    COLLABORATIVE: 'Collaborative', PROACTIVE: 'Proactive', CLEAR_COMMUNICATION: 'Clear communication',
    OWNERSHIP: 'Ownership', SHARES_KNOWLEDGE: 'Shares knowledge', PRAGMATIC: 'Pragmatic',
  },
  vi: {
    JUNIOR: 'Junior', MID: 'Mid', SENIOR: 'Senior',
    OPEN: 'Đang mở', PENDING: 'Đang chờ', DECIDED: 'Đã quyết định', CANCELLED: 'Đã hủy',
    HIRE: 'Tuyển', NO_HIRE: 'Không tuyển', INSUFFICIENT_EVIDENCE: 'Chưa đủ dữ liệu',
    AVERAGE: 'Điểm trung bình', AREA_MINIMUM: 'Tối thiểu mỗi lĩnh vực', EXPERT_AREAS: 'Số lĩnh vực đạt 5',
    CONTAINERIZATION: 'Container hóa', ORCHESTRATION: 'Điều phối (Kubernetes)', CI_CD: 'CI/CD', ML_TOOLS: 'Công cụ ML',
    MONITORING: 'Giám sát', SYSTEM_DESIGN: 'Thiết kế hệ thống', PROBLEM_SOLVING: 'Giải quyết vấn đề',
    COMMUNICATION: 'Giao tiếp',
    TECHNICAL_SCREEN: 'Sàng lọc kỹ thuật', TECHNICAL_DEEP_DIVE: 'Đào sâu kỹ thuật', CODING_PRACTICAL: 'Lập trình thực hành',
    TECHNICAL_LEADERSHIP: 'Lãnh đạo kỹ thuật', ARCHITECTURE_REVIEW: 'Đánh giá kiến trúc', CULTURAL_FIT: 'Phù hợp văn hóa',
    STRONG_NO: 'Chắc chắn không', NO: 'Không', YES: 'Có', STRONG_YES: 'Chắc chắn có',
    DISAGREEMENT: 'Bất đồng', REPEATED_RED_FLAG: 'Cờ đỏ lặp lại', RECOMMENDATION_CONFLICT: 'Đề xuất mâu thuẫn',
    NO_HANDS_ON_EXPERIENCE: 'Không có kinh nghiệm thực tế', CANNOT_EXPLAIN_PAST_DECISIONS: 'Không giải thích được quyết định',
    IGNORES_REPRODUCIBILITY: 'Bỏ qua khả năng tái lập', NO_MONITORING_MINDSET: 'Thiếu tư duy giám sát',
    IGNORES_SECURITY: 'Bỏ qua bảo mật', NO_VERSION_CONTROL_DISCIPLINE: 'Thiếu kỷ luật quản lý phiên bản',
    CANNOT_TROUBLESHOOT: 'Không xử lý được sự cố', OVERENGINEERING: 'Thiết kế quá phức tạp', BLAMES_OTHERS: 'Đổ lỗi cho người khác',
    NOT_CURIOUS: 'Thiếu tò mò học hỏi', CANNOT_WORK_WITH_DATA_SCIENTISTS: 'Không phối hợp được với data scientist',
    RIGID: 'Cứng nhắc', POOR_COMMUNICATION: 'Giao tiếp kém', NO_OWNERSHIP: 'Thiếu tinh thần trách nhiệm',
    PRODUCTION_EXPERIENCE: 'Có kinh nghiệm production', UNDERSTANDS_TRADE_OFFS: 'Hiểu các đánh đổi',
    AUTOMATION_MINDSET: 'Tư duy tự động hóa', MONITORING_FIRST: 'Ưu tiên giám sát', SECURITY_AWARENESS: 'Ý thức bảo mật',
    COST_CONSCIOUSNESS: 'Ý thức chi phí', GOOD_DOCUMENTATION: 'Viết tài liệu tốt',
    REPRODUCIBILITY_FOCUS: 'Chú trọng khả năng tái lập', LEARNS_FROM_FAILURES: 'Học từ thất bại',
    COLLABORATIVE: 'Hợp tác tốt', PROACTIVE: 'Chủ động', CLEAR_COMMUNICATION: 'Giao tiếp rõ ràng',
    OWNERSHIP: 'Tinh thần trách nhiệm', SHARES_KNOWLEDGE: 'Chia sẻ kiến thức', PRAGMATIC: 'Thực tế',
  },
};
