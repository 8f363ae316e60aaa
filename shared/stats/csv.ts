/** The month as CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read Vietnamese correctly). */
import { CHANNELS, KINDS } from '../schemas.ts';
import type { Measures } from './measures.ts';
import type { MonthStats } from './month.ts';

type Row = { scope: 'total' | 'department' | 'counter'; id: string; name: string; departmentId: string; rank: number | null | '' } & Measures;

const COLUMNS: [string, (row: Row) => unknown][] = [
  ['scope', (r) => r.scope],
  ['id', (r) => r.id],
  ['name', (r) => r.name],
  ['department_id', (r) => r.departmentId],
  ['rank', (r) => r.rank],
  ['received', (r) => r.received],
  ...KINDS.map((k): [string, (r: Row) => unknown] => [`received_${k}`, (r) => r.receivedByKind[k]]),
  ...CHANNELS.map((c): [string, (r: Row) => unknown] => [`received_${c}`, (r) => r.receivedByChannel[c]]),
  ['answered', (r) => r.answered],
  ['answered_on_time', (r) => r.answeredOnTime],
  ['on_time_rate', (r) => r.onTimeRate],
  ['median_response_working_days', (r) => r.medianResponseWorkingDays],
  ['p90_response_working_days', (r) => r.p90ResponseWorkingDays],
  ...(['1', '2', '3', '4', '5'] as const).map((n): [string, (r: Row) => unknown] => [`ratings_${n}`, (r) => r.ratings[n]]),
  ['satisfaction_rate', (r) => r.satisfactionRate],
  ['open_at_end', (r) => r.openAtEnd],
  ['open_overdue', (r) => r.openOverdue],
  ['pakn_received', (r) => r.pakn.received],
  ['pakn_answered', (r) => r.pakn.answered],
  ['pakn_answered_on_time', (r) => r.pakn.answeredOnTime],
  ['pakn_on_time_rate', (r) => r.pakn.onTimeRate],
  ['pakn_dissatisfied', (r) => r.pakn.dissatisfied],
  ['pakn_overdue', (r) => r.pakn.overdue],
  ['pakn_satisfaction_rate', (r) => r.pakn.satisfactionRate],
  // Added with definitions version 2, at the end so existing column positions stay.
  ['ranking_rate', (r) => r.rankingRate],
];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function monthCsv(stats: MonthStats): string {
  const rows: Row[] = [
    { scope: 'total', id: '', name: 'Tổng cộng', departmentId: '', ...stats.totals, rank: '' },
    ...stats.departments.map((d): Row => ({ scope: 'department', departmentId: d.id, ...d })),
    ...stats.counters.map((c): Row => ({ scope: 'counter', ...c, rank: '' })),
  ];
  const lines = [COLUMNS.map(([name]) => name), ...rows.map((row) => COLUMNS.map(([, get]) => cell(get(row))))];
  return `\uFEFF${lines.map((line) => line.join(',')).join('\r\n')}\r\n`;
}
