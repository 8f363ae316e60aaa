/**
 * Evaluation criteria: what a citizen can point at besides the faces. Configurable per catalog
 * (the texts behind Nghị định 118/2025 and Thông tư 03/2025 give no fixed list); the defaults follow
 * SIPAS's five elements (QĐ 2640/QĐ-BNV). Records store criterion ids; the six reason chips of
 * earlier versions stay readable (labels) and accepted (kiosks may still send queued ones). Pure.
 */
export type Criterion = { id: string; vi: string; en: string };

export const DEFAULT_CRITERIA: readonly Criterion[] = [
  { id: 'access', vi: 'Tiếp cận dịch vụ', en: 'Access to the service' },
  { id: 'procedure', vi: 'Thủ tục hành chính', en: 'Administrative procedure' },
  { id: 'official', vi: 'Công chức giải quyết', en: 'The official serving' },
  { id: 'result', vi: 'Kết quả giải quyết', en: 'The result' },
  { id: 'feedback_handling', vi: 'Tiếp nhận, xử lý góp ý', en: 'Handling of feedback' },
];

/**
 * The reason chips of earlier versions: still accepted and on stored records. Here, not in
 * schemas.ts, so the kiosk's chips can show them without loading zod.
 */
export const REASONS = ['waiting_time', 'staff_attitude', 'guidance', 'paperwork', 'fees', 'facilities'] as const;
export const LEGACY_REASONS: readonly (Criterion & { id: (typeof REASONS)[number] })[] = [
  { id: 'waiting_time', vi: 'Thời gian chờ', en: 'Waiting time' },
  { id: 'staff_attitude', vi: 'Thái độ cán bộ', en: 'Staff attitude' },
  { id: 'guidance', vi: 'Hướng dẫn thủ tục', en: 'Guidance' },
  { id: 'paperwork', vi: 'Giấy tờ, hồ sơ', en: 'Paperwork' },
  { id: 'fees', vi: 'Phí, lệ phí', en: 'Fees' },
  { id: 'facilities', vi: 'Cơ sở vật chất', en: 'Facilities' },
];

/** The catalog's criteria, or the defaults when it names none. */
export const criteriaOf = (configured: readonly Criterion[] | undefined): readonly Criterion[] => (configured?.length ? configured : DEFAULT_CRITERIA);

/** Ids a submission may carry: the current criteria and the legacy reasons. */
export function acceptedCriterionIds(criteria: readonly Criterion[]): Set<string> {
  return new Set([...criteria.map((c) => c.id), ...REASONS]);
}

/** A stored id in words (never the code in front of people; an unknown id shows as itself). */
export function criterionLabel(id: string, criteria: readonly Criterion[], lang: 'vi' | 'en'): string {
  return (criteria.find((c) => c.id === id) ?? LEGACY_REASONS.find((c) => c.id === id))?.[lang] ?? id;
}
