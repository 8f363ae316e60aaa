/** Strings of the first step (the faces): part of the first render. */
import { translator } from '../i18n.ts';

const vi = {
  question: 'Ông/Bà đánh giá thế nào về sự phục vụ hôm nay?',
  rating5: 'Rất hài lòng',
  rating4: 'Hài lòng',
  rating3: 'Bình thường',
  rating2: 'Không hài lòng',
  rating1: 'Rất không hài lòng',
  commentOnly: 'Chỉ gửi ý kiến, không chấm điểm',
};
type Key = keyof typeof vi;
const en: Record<Key, string> = {
  question: 'How would you rate the service today?',
  rating5: 'Very satisfied',
  rating4: 'Satisfied',
  rating3: 'Neutral',
  rating2: 'Dissatisfied',
  rating1: 'Very dissatisfied',
  commentOnly: 'Just send a comment, no rating',
};

export type FlowKey = Key;
export const t = translator({ vi, en });
