/** Filters, bulk bar and the list of records (soonest due first). */
import type { InboxItem } from '#shared/inbox';
import { STATUSES } from '#shared/feedback';
import { KIND_LABELS, STATUS_LABELS } from '#shared/labels';
import { formatDateTime, lang } from '../common/i18n.ts';
import { bulk, checked, counters, counts, departmentName, download, filters, items, listState, loadList, nextCursor, select, selectedCode, setFilters, errorText, viewingAll } from './model.ts';
import { t, tk, word } from './strings.ts';

export function SlaBadge({ sla }: { sla: InboxItem['sla'] }) {
  if (sla.state === 'none') return null;
  return <span class={`sla sla-${sla.state}`}>{lang.value === 'en' ? sla.en : sla.vi}</span>;
}

export function Filters() {
  const f = filters.value;
  return (
    <form class="filters" role="search" aria-label={t('filters')} onSubmit={(e) => { e.preventDefault(); setFilters({ q: String(new FormData(e.currentTarget).get('q') ?? '') }); }}>
      <div class="field">
        <label for="f-status">{t('status')}</label>
        <select id="f-status" value={f.status} onChange={(e) => setFilters({ status: e.currentTarget.value })}>
          <option value="open">{t('status_open')}</option>
          <option value="to-read">{t('status_to-read')}</option>
          <option value="done">{t('status_done')}</option>
          {STATUSES.map((s) => (
            <option value={s} key={s}>
              {word(STATUS_LABELS, s)}{counts.value[s] ? ` (${counts.value[s]})` : ''}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-kind">{t('kind')}</label>
        <select id="f-kind" value={f.kind} onChange={(e) => setFilters({ kind: e.currentTarget.value })}>
          <option value="">{t('kind_all')}</option>
          <option value="pakn">{word(KIND_LABELS, 'pakn')}</option>
          <option value="rating">{word(KIND_LABELS, 'rating')}</option>
        </select>
      </div>
      <div class="field">
        <label for="f-counter">{t('counter')}</label>
        <select id="f-counter" value={f.counterId} onChange={(e) => setFilters({ counterId: e.currentTarget.value })}>
          <option value="">{t('counter_all')}</option>
          {counters.value.map((c) => (
            <option value={c.id} key={c.id}>{c.name}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-from">{t('from')}</label>
        <input id="f-from" type="date" value={f.from} onChange={(e) => setFilters({ from: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="f-to">{t('to')}</label>
        <input id="f-to" type="date" value={f.to} onChange={(e) => setFilters({ to: e.currentTarget.value })} />
      </div>
      <div class="field check">
        <input id="f-overdue" type="checkbox" checked={f.overdue} onChange={(e) => setFilters({ overdue: e.currentTarget.checked })} />
        <label for="f-overdue">{t('overdue')}</label>
      </div>
      <div class="field search">
        <label for="f-q">{t('search')} <span class="hint">({t('searchHint')})</span></label>
        <input id="f-q" name="q" type="search" defaultValue={f.q} autoComplete="off" />
      </div>
      <div class="field exports">
        <button type="button" onClick={() => void download('csv')}>{t('exportCsv')}</button>
        <button type="button" onClick={() => void download('xlsx')}>{t('exportXlsx')}</button>
      </div>
    </form>
  );
}

function BulkBar() {
  const n = checked.value.size;
  const all = items.value.length > 0 && items.value.every((i) => checked.value.has(i.trackingCode));
  return (
    <div class="bulk" aria-live="polite">
      <label class="check">
        <input type="checkbox" checked={all} onChange={(e) => (checked.value = new Set(e.currentTarget.checked ? items.value.map((i) => i.trackingCode) : []))} />
        {t('selectAll')}
      </label>
      {n > 0 && (
        <>
          <span>{t('selected', { n })}</span>
          <button type="button" onClick={() => void bulk('acknowledge')}>{t('bulkAcknowledge', { n })}</button>
          <button type="button" onClick={() => void bulk('close')}>{t('bulkClose', { n })}</button>
        </>
      )}
    </div>
  );
}

function Row({ item }: { item: InboxItem }) {
  const active = item.trackingCode === selectedCode.value;
  const toggle = (on: boolean) => {
    const next = new Set(checked.value);
    if (on) next.add(item.trackingCode);
    else next.delete(item.trackingCode);
    checked.value = next;
  };
  return (
    <li id={`item-${item.trackingCode}`} class={active ? 'row active' : 'row'} aria-current={active ? 'true' : undefined}>
      <input type="checkbox" aria-label={t('select', { code: item.trackingCode })} checked={checked.value.has(item.trackingCode)} onChange={(e) => toggle(e.currentTarget.checked)} />
      <button type="button" class="row-main" onClick={() => void select(item.trackingCode)}>
        <span class="row-top">
          <span class="mono">{item.trackingCode}</span>
          <span class={`status status-${item.status}`}>{word(STATUS_LABELS, item.status)}</span>
          <SlaBadge sla={item.sla} />
          {item.dueProvisional && <span class="sla sla-provisional" title={t('dueProvisionalHint')}>{t('dueProvisional')}</span>}
          {item.citizenReplied && <span class="sla sla-new">{t('citizenRepliedBadge')}</span>}
          {item.answerRating && <span class={`sla rated-${item.answerRating}`}>{tk(`answerRating_${item.answerRating}`)}</span>}
          {item.followUpOf && <span class="sla sla-new">{t('followUpBadge')}</span>}
        </span>
        <span class="row-text">{item.comment ?? t('noComment')}</span>
        <span class="row-meta">
          {viewingAll.value && <span class="row-dept">{departmentName(item.departmentId)} · </span>}
          {word(KIND_LABELS, item.kind)}
          {item.rating ? ` · ${item.rating}★` : ''} · {formatDateTime(item.receivedAt)}
          {item.hasDraft ? ` · ${t('draft')}` : ''}
        </span>
      </button>
    </li>
  );
}

export function List() {
  const state = listState.value;
  const list = items.value;
  return (
    <section class="list" aria-labelledby="list-title" id="list">
      <h2 id="list-title" class="sr-only">{t('list')}</h2>
      <BulkBar />
      {state.kind === 'error' && (
        <div class="notice bad" role="alert">
          {t('loadFailed', { message: errorText(state.error) })} <button type="button" onClick={() => void loadList()}>{t('retry')}</button>
        </div>
      )}
      {state.kind === 'loading' && list.length === 0 && <p role="status">{t('loading')}</p>}
      {state.kind === 'idle' && list.length === 0 && <p class="empty" role="status">{filters.value.status === 'open' && !filters.value.q ? t('emptyOpen') : t('empty')}</p>}
      <ul class="rows">
        {list.map((item) => (
          <Row item={item} key={item.trackingCode} />
        ))}
      </ul>
      {nextCursor.value && (
        <button type="button" onClick={() => void loadList(true)} disabled={state.kind === 'loading'}>
          {t('more')}
        </button>
      )}
    </section>
  );
}
