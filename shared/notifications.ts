/**
 * What the citizen (or a department) is told, as outbox messages. Pure: the outbox stores them,
 * the delivery job sends them. Only citizens who left contact data with consent are written to.
 */
import type { DigestFigures } from './digest.ts';
import type { FeedbackRecord } from './feedback.ts';
import { nationalDigits } from './redaction.ts';

export type Channel = 'sms' | 'email';
export type Message = { channel: Channel; to: string; subject?: string; text: string };
export type CitizenNotice = 'received' | 'info-requested' | 'answer-published';
/** The original's published answer, told to the citizen of a duplicate of it (see originalAnsweredMessages). */
export const ORIGINAL_ANSWERED = 'original-answered';

const trackUrl = (baseUrl: string, code: string) => `${baseUrl.replace(/\/$/, '')}/track/${code}`;
/** The tracking page's answer-rating section (kiosk/src/track/AnswerFeedback.tsx). */
export const RATE_ANCHOR = '#danh-gia';

const TEXTS: Record<CitizenNotice, { subject: string; sms: (code: string, url: string) => string; body: (code: string, url: string, extra?: string) => string }> = {
  received: {
    subject: 'Đã tiếp nhận phản ánh, kiến nghị',
    sms: (code, url) => `Gop Y: da tiep nhan phan anh ${code}. Tra cuu: ${url}`,
    body: (code, url) => `Kính gửi Ông/Bà,\n\nCơ quan đã tiếp nhận phản ánh, kiến nghị của Ông/Bà, mã tra cứu ${code}.\nTheo dõi tiến độ tại: ${url}\n\nTrân trọng.`,
  },
  'info-requested': {
    subject: 'Đề nghị bổ sung thông tin cho phản ánh, kiến nghị',
    sms: (code, url) => `Gop Y: co quan de nghi bo sung thong tin cho ${code}. Chi tiet: ${url}`,
    body: (code, url, extra) => `Kính gửi Ông/Bà,\n\nĐể giải quyết phản ánh, kiến nghị mã ${code}, cơ quan đề nghị Ông/Bà bổ sung thông tin:\n\n${extra ?? ''}\n\nTheo dõi tại: ${url}\n\nTrân trọng.`,
  },
  // The link opens the tracking page at its rating form: how satisfied the citizen is with the answer (Decision 766).
  'answer-published': {
    subject: 'Đã có kết quả trả lời phản ánh, kiến nghị',
    sms: (code, url) => `Gop Y: da co tra loi cho ${code}. Xem va danh gia: ${url}${RATE_ANCHOR}`,
    body: (code, url, extra) =>
      `Kính gửi Ông/Bà,\n\nCơ quan đã trả lời phản ánh, kiến nghị mã ${code}:\n\n${extra ?? ''}\n\nXem tại: ${url}\n\nÔng/Bà có hài lòng với kết quả trả lời không? Xin cho biết tại: ${url}${RATE_ANCHOR}\n\nTrân trọng.`,
  },
};

/** SMS (plain ASCII, one segment) and e-mail to the submitter, when they gave contact data and consent. */
export function citizenMessages(record: Pick<FeedbackRecord, 'trackingCode' | 'contact' | 'consent'>, notice: CitizenNotice, options: { baseUrl: string; text?: string }): Message[] {
  if (!record.consent || !record.contact) return [];
  const url = trackUrl(options.baseUrl, record.trackingCode);
  const texts = TEXTS[notice];
  const messages: Message[] = [];
  if (record.contact.phone) messages.push({ channel: 'sms', to: record.contact.phone.replace(/[ .-]/g, ''), text: texts.sms(record.trackingCode, url) });
  if (record.contact.email) messages.push({ channel: 'email', to: record.contact.email, subject: texts.subject, text: texts.body(record.trackingCode, url, options.text) });
  return messages;
}

/**
 * The citizen of a duplicate learns that the original was answered: the answer, and a link to the
 * original's public status. No rating link: the rating there is the original submitter's to give.
 */
export function originalAnsweredMessages(
  duplicate: Pick<FeedbackRecord, 'trackingCode' | 'contact' | 'consent'>,
  original: { trackingCode: string; text: string },
  baseUrl: string,
): Message[] {
  if (!duplicate.consent || !duplicate.contact) return [];
  const url = trackUrl(baseUrl, original.trackingCode);
  const [dup, orig] = [duplicate.trackingCode, original.trackingCode];
  const messages: Message[] = [];
  if (duplicate.contact.phone) messages.push({ channel: 'sms', to: duplicate.contact.phone.replace(/[ .-]/g, ''), text: `Gop Y: ${dup} trung voi ${orig}, da co tra loi. Xem: ${url}` });
  if (duplicate.contact.email) {
    messages.push({
      channel: 'email',
      to: duplicate.contact.email,
      subject: TEXTS['answer-published'].subject,
      text: `Kính gửi Ông/Bà,\n\nPhản ánh, kiến nghị mã ${dup} của Ông/Bà trùng nội dung với phản ánh, kiến nghị mã ${orig}. Cơ quan đã trả lời phản ánh, kiến nghị mã ${orig}:\n\n${original.text}\n\nXem tại: ${url}\n\nTrân trọng.`,
    });
  }
  return messages;
}

/**
 * Receipt notices one recipient gets per local day at most: a flood of submissions naming someone
 * else's phone or e-mail is still accepted and tracked, but cannot bombard that person.
 */
export const RECEIPTS_PER_RECIPIENT_PER_DAY = 3;
/** Messages to one recipient that one delivery run sends at most: a flood to one cannot delay the others. */
export const DELIVERIES_PER_RECIPIENT_PER_RUN = 2;

/** One recipient however the number or address was written: `sms:912345678`, `email:an@example.vn`. */
export const recipientOf = (message: Pick<Message, 'channel' | 'to'>) =>
  message.channel === 'sms' ? `sms:${nationalDigits(message.to)}` : `email:${message.to.trim().toLowerCase()}`;

/**
 * A fair delivery batch: round-robin over recipients (in the order of their oldest message), at
 * most `perRecipient` each and `max` in all. The rest waits for the next run, oldest first.
 */
export function fairBatch<T extends Pick<Message, 'channel' | 'to'>>(items: readonly T[], options: { perRecipient: number; max: number }): T[] {
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const key = recipientOf(item);
    queues.set(key, [...(queues.get(key) ?? []), item]);
  }
  const batch: T[] = [];
  for (let round = 0; round < options.perRecipient; round++) {
    for (const queue of queues.values()) {
      if (batch.length >= options.max) return batch;
      if (queue[round]) batch.push(queue[round]!);
    }
  }
  return batch;
}

/** Tells a department that a citizen answered its information request (the text stays in the inbox). */
export function infoReceivedMessage(to: string, record: Pick<FeedbackRecord, 'trackingCode'>, baseUrl: string): Message {
  const url = `${baseUrl.replace(/\/$/, '')}/inbox/${record.trackingCode}`;
  return {
    channel: 'email',
    to,
    subject: `Người gửi đã bổ sung thông tin: ${record.trackingCode}`,
    text: `Người gửi phản ánh, kiến nghị ${record.trackingCode} đã gửi thông tin bổ sung qua trang tra cứu. Thời hạn giải quyết được tính tiếp từ hôm nay.\n\nXem và xử lý tại: ${url}`,
  };
}

/** Tells an official that a record was assigned to them (the inbox's "Giao cho tôi" tab counts it too). */
export function assignedMessage(to: string, record: Pick<FeedbackRecord, 'trackingCode' | 'dueAt'>, by: string, baseUrl: string): Message {
  const url = `${baseUrl.replace(/\/$/, '')}/inbox/${record.trackingCode}`;
  return {
    channel: 'email',
    to,
    subject: `Được giao xử lý: ${record.trackingCode}`,
    text: `${by} đã giao cho Ông/Bà xử lý phản ánh, kiến nghị ${record.trackingCode}.\n\nXem và xử lý tại: ${url}`,
  };
}

/** A department's morning digest of its open work (no citizen data: counts and a link). */
export function digestMessage(to: string, department: { name: string }, figures: DigestFigures, day: string, baseUrl: string): Message {
  const [y, m, d] = day.split('-');
  return {
    channel: 'email',
    to,
    subject: `Góp Ý ${d}/${m}/${y} — ${department.name}: ${figures.overdue} quá hạn, ${figures.dueSoon} sắp đến hạn`,
    text: [
      `Tình hình xử lý phản ánh, kiến nghị của ${department.name} sáng ${d}/${m}/${y}:`,
      '',
      `- Đang cần xử lý: ${figures.open}`,
      `- Đã quá hạn: ${figures.overdue}`,
      `- Đến hạn trong hôm nay hoặc ngày làm việc tiếp theo: ${figures.dueSoon}`,
      '',
      `Mở hộp thư: ${baseUrl.replace(/\/$/, '')}/inbox`,
    ].join('\n'),
  };
}

/** The alert a department receives when a counter's rolling satisfaction drops below the threshold. */
export function satisfactionAlertMessage(to: string, alert: { counterName: string; satisfied: number; count: number; threshold: number; windowDays: number }): Message {
  const pct = (value: number) => `${Math.round(value * 100)}%`;
  return {
    channel: 'email',
    to,
    subject: `Cảnh báo mức độ hài lòng: ${alert.counterName}`,
    text: `Mức độ hài lòng tại ${alert.counterName} trong ${alert.windowDays} ngày gần nhất là ${pct(alert.satisfied)} (${alert.count} lượt đánh giá), thấp hơn ngưỡng ${pct(alert.threshold)}.\n\nĐề nghị đơn vị kiểm tra và có biện pháp cải thiện.`,
  };
}
