/** "Cán bộ tiếp nhận: …": the public servant on duty at the counter (a name only, from GET /api/counters/{id}). */
import { translator } from './i18n.ts';

const t = translator({ vi: { onDuty: 'Cán bộ tiếp nhận: {name}' }, en: { onDuty: 'Official at this counter: {name}' } });

export function OnDuty({ onDuty }: { onDuty?: { name: string } | null }) {
  return onDuty ? <span class="on-duty">{t('onDuty', { name: onDuty.name })}</span> : null;
}
