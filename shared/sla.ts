/** SLA badges of the inbox, counted in working days (Asia/Ho_Chi_Minh): "còn 2 ngày", "quá hạn 3 ngày". */
import { calendar } from './calendar.ts';
import { localDayOf } from './time.ts';

export type SlaState = 'ok' | 'soon' | 'today' | 'overdue' | 'paused' | 'none';
export type SlaBadge = { state: SlaState; workingDays: number; vi: string; en: string };

/** Items due within this many working days are flagged "soon". */
export const SOON_WORKING_DAYS = 2;

export function slaBadge(dueAt: string | null | undefined, now: Date | string, options: { paused?: boolean; done?: boolean } = {}): SlaBadge {
  if (!dueAt || options.done) return { state: 'none', workingDays: 0, vi: '', en: '' };
  if (options.paused) return { state: 'paused', workingDays: 0, vi: 'chờ bổ sung', en: 'waiting for citizen' };
  const today = localDayOf(now);
  const dueDay = localDayOf(dueAt);
  if (new Date(now).getTime() > Date.parse(dueAt)) {
    const late = Math.max(1, calendar.workingDaysBetween(dueDay, today));
    return { state: 'overdue', workingDays: -late, vi: `quá hạn ${late} ngày`, en: `${late} working day${late === 1 ? '' : 's'} overdue` };
  }
  const left = calendar.workingDaysBetween(today, dueDay);
  if (left === 0) return { state: 'today', workingDays: 0, vi: 'hạn hôm nay', en: 'due today' };
  return {
    state: left <= SOON_WORKING_DAYS ? 'soon' : 'ok',
    workingDays: left,
    vi: `còn ${left} ngày`,
    en: `${left} working day${left === 1 ? '' : 's'} left`,
  };
}
