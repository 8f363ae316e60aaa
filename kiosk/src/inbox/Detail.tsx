/** The selected record: what the citizen wrote (as text, never markup), its state, and the actions. */
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { CITIZEN } from '#shared/auth';
import type { ActionType, AuditEvent } from '#shared/workflow';
import { CATEGORY_LABELS, CHANNEL_LABELS, EVENT_LABELS, KIND_LABELS, STATUS_LABELS } from '#shared/labels';
import { formatDateTime, lang } from '../common/i18n.ts';
import { SlaBadge } from './List.tsx';
import { act, detail, downloadLetter, errorText, flash, loadOfficials, me, officialName, officials, openForm, select, type Detail as DetailData } from './model.ts';
import { td } from './daily-strings.ts';
import { t, tk, word } from './strings.ts';
import { TemplatePicker, TemplateSave } from './Templates.tsx';

/** Actions that need words or a choice open a small form; the others apply at once. */
const FORMS: Partial<Record<ActionType, { field: 'text' | 'reason' | 'category' | 'departmentId' | 'of' | 'officialId'; optional?: boolean }>> = {
  classify: { field: 'category' },
  assign: { field: 'officialId' },
  note: { field: 'text' },
  'request-info': { field: 'text' },
  'info-received': { field: 'text', optional: true },
  reroute: { field: 'departmentId' },
  answer: { field: 'text' },
  approve: { field: 'text', optional: true },
  return: { field: 'reason' },
  reject: { field: 'reason' },
  duplicate: { field: 'of' },
  'erase-contact': { field: 'reason' },
};

/** The summary published beside the answer when the sender did not agree to publish their words. */
function SummaryField({ record, id }: { record: DetailData; id: string }) {
  const required = record.kind === 'pakn' && !record.allowPublication;
  return (
    <div class="field">
      <label for={`${id}-s`}>{t('summary')}</label>
      <textarea id={`${id}-s`} name="summary" required={required} maxLength={2000} rows={2} defaultValue={record.draft?.summary ?? ''} aria-describedby={`${id}-sh`} />
      <p class="hint" id={`${id}-sh`}>{t('summaryHint')}</p>
    </div>
  );
}

/** The approver edits what will be published (the preview); only what they changed is sent, and audited. */
function ApproveForm({ record }: { record: DetailData }) {
  const preview = record.preview!;
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);
  const editableQuestion = preview.questionFrom === 'summary';
  const submit = (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const body: Record<string, unknown> = { type: 'approve' };
    const text = String(data.get('text') ?? '').trim();
    const summary = String(data.get('summary') ?? '').trim();
    if (text && text !== preview.answer) body.text = text;
    if (editableQuestion && summary && summary !== preview.question) body.summary = summary;
    void act(record.trackingCode, body);
  };
  return (
    <form class="action-form" onSubmit={submit} aria-labelledby="form-approve-title">
      <h3 id="form-approve-title">{tk('action_approve')}</h3>
      <p class="hint">{t('approveHint')}</p>
      {editableQuestion && (
        <div class="field">
          <label for="form-approve-s">{t('publicQuestion')}</label>
          <textarea id="form-approve-s" name="summary" required maxLength={2000} rows={2} defaultValue={preview.question ?? ''} />
        </div>
      )}
      <div class="field">
        <label for="form-approve-v">{t('publicAnswer')}</label>
        <textarea id="form-approve-v" name="text" ref={first} required maxLength={8000} defaultValue={preview.answer} />
      </div>
      <div class="actions">
        <button class="primary" type="submit">{tk('action_approve')}</button>
        <button type="button" onClick={() => (openForm.value = undefined)}>{t('cancel')}</button>
      </div>
    </form>
  );
}

function ActionForm({ record, type }: { record: DetailData; type: ActionType }) {
  const form = FORMS[type]!;
  const first = useRef<HTMLTextAreaElement & HTMLSelectElement & HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), [type]);
  useEffect(() => void (type === 'assign' && loadOfficials(record.departmentId)), [type, record.departmentId]);
  const submit = (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const body: Record<string, unknown> = { type };
    for (const [key, value] of data) if (String(value).trim()) body[key] = String(value);
    void act(record.trackingCode, body);
  };
  const id = `form-${type}`;
  return (
    <form class="action-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{tk(`action_${type}`)}</h3>
      {form.field === 'category' && (
        <div class="field">
          <label for={`${id}-v`}>{t('category')}</label>
          <select id={`${id}-v`} name="category" ref={first} required>
            {(me.value?.categories ?? []).map((c) => (
              <option value={c} key={c}>{word(CATEGORY_LABELS, c)}</option>
            ))}
          </select>
        </div>
      )}
      {form.field === 'departmentId' && (
        <>
          <div class="field">
            <label for={`${id}-v`}>{t('targetDepartment')}</label>
            <select id={`${id}-v`} name="departmentId" ref={first} required>
              {(me.value?.allDepartments ?? []).filter((d) => d.id !== record.departmentId).map((d) => (
                <option value={d.id} key={d.id}>{d.name}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`${id}-r`}>{t('reason')}</label>
            <textarea id={`${id}-r`} name="reason" required maxLength={2000} />
          </div>
        </>
      )}
      {form.field === 'of' && (
        <div class="field">
          <label for={`${id}-v`}>{t('duplicateOf')}</label>
          <input id={`${id}-v`} name="of" ref={first} required autoComplete="off" spellcheck={false} />
        </div>
      )}
      {form.field === 'officialId' && (
        <div class="field">
          <label for={`${id}-v`}>{t('officialId')}</label>
          {/* Only the department's officials can be chosen: no typo reaches the record. */}
          <select id={`${id}-v`} name="officialId" ref={first} required defaultValue={record.assignee ?? ''} data-testid="assignee-select">
            <option value="" disabled>{officials.value[record.departmentId] ? td('chooseOfficial') : td('officialsLoading')}</option>
            {(officials.value[record.departmentId] ?? []).map((o) => (
              <option value={o.id} key={o.id}>{o.name}</option>
            ))}
          </select>
        </div>
      )}
      {(form.field === 'text' || form.field === 'reason') && (
        <>
          {type === 'answer' && <TemplatePicker code={record.trackingCode} departmentId={record.departmentId} target={first} />}
          <div class="field">
            <label for={`${id}-v`}>{form.field === 'reason' ? t('reason') : t('text')}</label>
            <textarea id={`${id}-v`} name={form.field} ref={first} required={!form.optional} maxLength={8000} defaultValue={type === 'answer' ? record.draft?.text ?? '' : ''} aria-describedby={type === 'answer' ? `${id}-note` : undefined} />
            {type === 'answer' && <p class="hint" id={`${id}-note`}>{t('redactionNote')}</p>}
          </div>
          {type === 'answer' && <TemplateSave code={record.trackingCode} departmentId={record.departmentId} target={first} />}
          {(type === 'answer' || type === 'reject') && record.kind === 'pakn' && <SummaryField record={record} id={id} />}
        </>
      )}
      <div class="actions">
        <button class="primary" type="submit">{t('submit')}</button>
        <button type="button" onClick={() => (openForm.value = undefined)}>{t('cancel')}</button>
      </div>
    </form>
  );
}

function Events({ events }: { events: AuditEvent[] }) {
  return (
    <section aria-labelledby="events-title">
      <h3 id="events-title">{t('history')}</h3>
      <ol class="events">
        {events.map((e) => (
          <li key={e.version}>
            <span class="when">{formatDateTime(e.at)}</span>{' '}
            {e.by.id === CITIZEN.id ? (
              <>
                <strong>{t('citizen')}</strong> {e.type === 'info-received' ? t('citizenReplied') : word(EVENT_LABELS, e.type)}
                {e.details?.rating && <> — {tk(`answerRating_${e.details.rating}`)}</>}
                {e.details?.trackingCode && <> — <a href={`/inbox/${e.details.trackingCode}`} class="mono">{e.details.trackingCode}</a></>}
              </>
            ) : (
              <>
                <strong>{e.by.username}</strong> {word(EVENT_LABELS, e.type)}
              </>
            )}
            {e.from !== e.to && <> ({word(STATUS_LABELS, e.from)} → {word(STATUS_LABELS, e.to)})</>}
            {e.details?.text && <p class="quote">{e.details.text}</p>}
            {e.details?.reason && <p class="quote">{e.details.reason}</p>}
            {e.details?.category && <p>{word(CATEGORY_LABELS, e.details.category)}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The spam confirmation is open (a signal, not useState: see the framework chunk's budget). */
const confirmingSpam = signal(false);

/**
 * Spam leaves the queue and closes the citizen's page: a modal dialog asks first. The native
 * <dialog> traps focus, closes on Escape and returns focus to the button that opened it; the safe
 * choice has the focus.
 */
function ConfirmSpam({ code, onClose }: { code: string; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} class="confirm" aria-labelledby="spam-title" aria-describedby="spam-text" onClose={onClose} data-testid="confirm-spam">
      <h3 id="spam-title">{td('spamTitle', { code })}</h3>
      <p id="spam-text">{td('spamText')}</p>
      <div class="actions">
        <button type="button" autoFocus onClick={() => ref.current?.close()}>{td('spamCancel')}</button>
        <button
          type="button"
          class="danger"
          onClick={() => {
            ref.current?.close();
            void act(code, { type: 'spam' });
          }}
        >
          {td('spamConfirm')}
        </button>
      </div>
    </dialog>
  );
}

/** A link to another record of the inbox that opens it in place (a new tab still works). */
const linkTo = (code: string) => (e: MouseEvent) => {
  if (e.ctrlKey || e.metaKey || e.shiftKey) return;
  e.preventDefault();
  void select(code);
};

function Record({ record }: { record: DetailData }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [record.trackingCode]);
  // The assignee by name, not by account id.
  useEffect(() => void (record.assignee && loadOfficials(record.departmentId)), [record.assignee, record.departmentId]);
  const immediate = (type: ActionType) => () => void act(record.trackingCode, { type });
  return (
    <article class="record" aria-labelledby="record-title">
      <header class="record-head">
        <h2 id="record-title" tabIndex={-1} ref={heading} class="mono">{record.trackingCode}</h2>
        <span class={`status status-${record.status}`}>{word(STATUS_LABELS, record.status)}</span>
        <SlaBadge sla={record.sla} />
      </header>
      <dl class="facts">
        <dt>{t('kind')}</dt><dd>{word(KIND_LABELS, record.kind)} · {word(CHANNEL_LABELS, record.channel)}</dd>
        <dt>{t('department')}</dt><dd>{record.department.name}</dd>
        <dt>{t('counter')}</dt><dd>{record.counter.name}</dd>
        {record.procedure && (<><dt>{t('procedure')}</dt><dd>{record.procedure.code} — {record.procedure.name}</dd></>)}
        <dt>{t('received')}</dt><dd>{formatDateTime(record.receivedAt)}</dd>
        {record.dueAt && (<><dt>{t('due')}</dt><dd>{formatDateTime(record.dueAt, false)}{record.dueProvisional && <span class="provisional" data-testid="due-provisional"> ({t('dueProvisional')}) <small>{t('dueProvisionalHint')}</small></span>}</dd></>)}
        {record.rating !== undefined && (<><dt>{t('rating')}</dt><dd>{record.rating}/5{record.reasonLabels?.length ? ` · ${record.reasonLabels.map((label) => label[lang.value]).join(', ')}` : ''}</dd></>)}
        {record.category && (<><dt>{t('category')}</dt><dd>{word(CATEGORY_LABELS, record.category)}</dd></>)}
        {record.assignee && (<><dt>{t('assignee')}</dt><dd data-testid="assignee">{officialName(record.departmentId, record.assignee)}</dd></>)}
        {record.followUpOf && (<><dt>{t('followUpOf')}</dt><dd><a href={`/inbox/${record.followUpOf}`} class="mono" data-testid="follow-up-of" onClick={linkTo(record.followUpOf)}>{record.followUpOf}</a></dd></>)}
        {record.followUps?.length ? (<><dt>{t('followUps')}</dt><dd data-testid="follow-ups">{record.followUps.map((code) => <a key={code} href={`/inbox/${code}`} class="mono follow-up-link" onClick={linkTo(code)}>{code}</a>)}</dd></>) : null}
        {record.answerRating && (<><dt>{t('answerRating')}</dt><dd data-testid="answer-rating">{tk(`answerRating_${record.answerRating.rating}`)} · {formatDateTime(record.answerRating.at)}{record.answerRating.comment && <p class="quote">{record.answerRating.comment}</p>}</dd></>)}
        {record.kind === 'pakn' && (<><dt>{t('allowPublication')}</dt><dd>{record.allowPublication ? t('allowPublicationYes') : t('allowPublicationNo')}</dd></>)}
      </dl>
      <section aria-labelledby="comment-title">
        <h3 id="comment-title">{t('comment')}</h3>
        {/* Rendered as text: markup in a comment is shown, never run. */}
        <p class="comment" data-testid="comment">{record.comment ?? t('noComment')}</p>
      </section>
      <section aria-labelledby="contact-title">
        <h3 id="contact-title">{t('contact')}</h3>
        {record.contact ? (
          <p class="contact">
            {record.contact.name}
            {record.contact.phone && <><br />{record.contact.phone}</>}
            {record.contact.email && <><br />{record.contact.email}</>}
            {record.contact.address && <><br />{record.contact.address}</>}
          </p>
        ) : (
          <p class="hint">
            {record.contactErasedAt ? t('contactErased', { at: formatDateTime(record.contactErasedAt) }) : record.contactHidden ? t('contactHidden') : t('noContact')}
          </p>
        )}
      </section>
      {record.waitingSince && <p class="notice warn">{t('waiting', { at: formatDateTime(record.waitingSince) })}</p>}
      {record.draft && record.preview && (
        <section class="draft" aria-labelledby="draft-title">
          <h3 id="draft-title">{t('draft')} — {tk(`draftKind_${record.preview.kind}`)}</h3>
          <p class="hint">{t('draftBy', { name: record.draft.byName, at: formatDateTime(record.draft.at) })}</p>
          {record.draft.returned && <p class="notice warn">{t('returned', { reason: record.draft.returned.reason })}</p>}
          <h4>{t('draftOriginal')}</h4>
          <p class="quote" data-testid="draft-text">{record.draft.text}</p>
          {record.draft.summary && <p class="quote">{record.draft.summary}</p>}
          <h4>{t('toPublish')}</h4>
          <p class="hint">{record.preview.questionFrom ? tk(`questionFrom_${record.preview.questionFrom}`) : t('noQuestion')}</p>
          {record.preview.question && (
            <p class="quote" data-testid="preview-question"><strong>{t('publicQuestion')}:</strong> {record.preview.question}</p>
          )}
          <p class="quote" data-testid="preview-answer"><strong>{t('publicAnswer')}:</strong> {record.preview.answer}</p>
        </section>
      )}
      {record.answer && (
        <section aria-labelledby="answer-title">
          <h3 id="answer-title">{t('published')}</h3>
          {record.answer.question && <p class="quote" data-testid="published-question"><strong>{t('publicQuestion')}:</strong> {record.answer.question}</p>}
          <p class="quote" data-testid="published-answer">{record.answer.text}</p>
          {/* For citizens reached by post: the department's letter with their name and address. */}
          {record.kind === 'pakn' && record.contact?.name && !record.movedOut && (
            <button type="button" onClick={() => void downloadLetter(record.trackingCode)} data-testid="letter">{td('letter')}</button>
          )}
        </section>
      )}
      {record.status === 'spam' && !record.movedOut && <p class="notice warn" data-testid="spam-notice">{td('spamNotice')}</p>}
      {record.movedOut && <p class="notice warn" role="status" data-testid="moved-out">{td('movedOut', { department: record.department.name })}</p>}
      <section aria-labelledby="actions-title" hidden={record.actions.length === 0}>
        <h3 id="actions-title">{t('actions')}</h3>
        <div class="actions">
          {record.actions.map((type) => (
            <button
              type="button"
              key={type}
              class={type === 'approve' || type === 'acknowledge' ? 'primary' : undefined}
              aria-expanded={FORMS[type] ? openForm.value === type : undefined}
              aria-haspopup={type === 'spam' ? 'dialog' : undefined}
              onClick={type === 'spam' ? () => (confirmingSpam.value = true) : FORMS[type] ? () => (openForm.value = openForm.value === type ? undefined : type) : immediate(type)}
            >
              {tk(`action_${type}`)}
            </button>
          ))}
        </div>
        {confirmingSpam.value && <ConfirmSpam code={record.trackingCode} onClose={() => (confirmingSpam.value = false)} />}
        {openForm.value === 'approve' && record.preview && record.actions.includes('approve') ? (
          <ApproveForm record={record} />
        ) : (
          openForm.value && FORMS[openForm.value as ActionType] && record.actions.includes(openForm.value as ActionType) && <ActionForm record={record} type={openForm.value as ActionType} />
        )}
      </section>
      <Events events={record.events} />
    </article>
  );
}

export function DetailPane() {
  const state = detail.value;
  return (
    <section class="detail" aria-live="polite">
      {flash.value && (
        <div class={`notice ${flash.value.tone === 'ok' ? '' : flash.value.tone}`} role={flash.value.tone === 'bad' ? 'alert' : 'status'}>
          {flash.value.text}
          {flash.value.details?.length ? (
            <ul class="failures">{flash.value.details.map((line) => <li key={line}>{line}</li>)}</ul>
          ) : null}
        </div>
      )}
      {state.kind === 'none' && <p class="hint">{t('noSelection')}</p>}
      {state.kind === 'loading' && <p role="status">{t('loading')}</p>}
      {state.kind === 'error' && (
        <div class="notice bad" role="alert" data-testid="detail-error">
          {state.error.status === 404 ? t('notFound', { code: state.code }) : t('detailFailed', { message: errorText(state.error) })}
        </div>
      )}
      {state.kind === 'found' && <Record record={state.data} />}
    </section>
  );
}
