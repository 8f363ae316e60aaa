/**
 * The answer form's templates: pick one (grouped by where it comes from, in words) to fill the
 * text, then edit as usual; save the text being written as a new template, or update or remove the
 * chosen one when it is the department's (the admin: also the shared ones). Its fields have no
 * `name`, so the answer form never sends them.
 */
import { signal } from '@preact/signals';
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { fillTemplate, MAX_TEMPLATE_TITLE, unfillTemplate, type ScopedTemplate, type TemplateScope } from '#shared/templates';
import { formatDateTime } from '../common/i18n.ts';
import { td } from './daily-strings.ts';
import { flash, loadTemplates, me, saveTemplate, templates } from './model.ts';
import { t } from './strings.ts';

/** Module signals, not useState (see the framework chunk's budget); reset whenever the form opens. */
const chosen = signal('');
const title = signal('');
const share = signal(false);

const SCOPES: { scope: TemplateScope; label: Parameters<typeof td>[0] }[] = [
  { scope: 'department', label: 'templateScope_department' },
  { scope: 'shared', label: 'templateScope_shared' },
  { scope: 'builtin', label: 'templateScope_builtin' },
];

type Props = { code: string; departmentId: string; target: RefObject<HTMLTextAreaElement> };

/** The department's templates and the chosen one (whether the caller may change it). */
function chosenTemplate(departmentId: string) {
  const list = templates.value[departmentId] ?? [];
  const admin = me.value?.official.admin ?? false;
  const selected = list.find((x) => x.id === chosen.value);
  const editable = selected !== undefined && (selected.scope === 'department' || (selected.scope === 'shared' && admin));
  return { list, admin, selected, editable };
}

/** Above the answer text: choosing a template fills it. */
export function TemplatePicker({ code, departmentId, target }: Props) {
  useEffect(() => {
    void loadTemplates(departmentId);
    chosen.value = '';
    title.value = '';
    share.value = false;
  }, [code, departmentId]);
  const { list, selected } = chosenTemplate(departmentId);
  const pick = (id: string) => {
    chosen.value = id;
    const template = list.find((x) => x.id === id);
    if (!template) return;
    if (target.current) target.current.value = fillTemplate(template, code);
    title.value = template.title;
  };
  return (
    <div class="field">
      <label for="form-answer-tpl">{t('template')}</label>
      <select id="form-answer-tpl" value={chosen.value} onChange={(e) => pick(e.currentTarget.value)} aria-describedby={selected?.updatedBy ? 'form-answer-tpl-by' : undefined}>
        <option value="">{t('templateNone')}</option>
        {SCOPES.map(({ scope, label }) => {
          const group = list.filter((x) => x.scope === scope);
          return group.length ? (
            <optgroup key={scope} label={td(label)}>
              {group.map((x) => (
                <option value={x.id} key={x.id}>{x.title}</option>
              ))}
            </optgroup>
          ) : null;
        })}
      </select>
      {selected?.updatedBy && selected.updatedAt && <p class="hint" id="form-answer-tpl-by">{td('templateUpdated', { name: selected.updatedBy, at: formatDateTime(selected.updatedAt) })}</p>}
    </div>
  );
}

/** Below the answer text: save it as a new template, or update or remove the chosen one. */
export function TemplateSave({ code, departmentId, target }: Props) {
  const { admin, selected, editable } = chosenTemplate(departmentId);
  const sharedScope = (template: ScopedTemplate) => (template.scope === 'shared' ? { shareWithAll: true } : {});
  /** The title and the text being written (its tracking code back to `{code}`), or undefined after telling what is missing. */
  const current = () => {
    const text = unfillTemplate(target.current?.value.trim() ?? '', code);
    if (title.value.trim() && text) return { title: title.value.trim(), text };
    flash.value = { tone: 'warn', text: td('templateNeedsTitle') };
    return undefined;
  };
  const saveNew = async () => {
    const body = current();
    const saved = body && (await saveTemplate(departmentId, { ...body, ...(admin && share.value ? { shareWithAll: true } : {}) }));
    if (!saved) return;
    chosen.value = saved.id;
    flash.value = { tone: 'ok', text: td('templateSaved', { title: saved.title }) };
  };
  const update = async () => {
    const body = current();
    const saved = body && selected && (await saveTemplate(departmentId, { id: selected.id, ...body, ...sharedScope(selected) }));
    if (saved) flash.value = { tone: 'ok', text: td('templateSaved', { title: saved.title }) };
  };
  const remove = async () => {
    if (!selected || !confirm(td('templateRemoveConfirm', { title: selected.title }))) return;
    if (!(await saveTemplate(departmentId, { id: selected.id, remove: true, ...sharedScope(selected) }))) return;
    chosen.value = '';
    title.value = '';
    flash.value = { tone: 'ok', text: td('templateRemoved', { title: selected.title }) };
  };

  return (
    <fieldset class="template-save">
      <legend>{td('templateSaveLegend')}</legend>
      <div class="field">
        <label for="form-answer-tpl-title">{td('templateTitle')}</label>
        <input
          id="form-answer-tpl-title"
          maxLength={MAX_TEMPLATE_TITLE}
          value={title.value}
          autoComplete="off"
          aria-describedby="form-answer-tpl-hint"
          onInput={(e) => (title.value = e.currentTarget.value)}
          // Enter here saves the template, never the answer.
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            void saveNew();
          }}
        />
        <p class="hint" id="form-answer-tpl-hint">{td('templateSaveHint')}</p>
      </div>
      {admin && (
        <label class="check">
          <input type="checkbox" checked={share.value} onChange={(e) => (share.value = e.currentTarget.checked)} /> {td('templateShareAll')}
        </label>
      )}
      <div class="actions">
        <button type="button" onClick={() => void saveNew()}>{td('templateSaveNew')}</button>
        {editable && <button type="button" onClick={() => void update()}>{td('templateUpdate')}</button>}
        {editable && <button type="button" class="danger" onClick={() => void remove()}>{td('templateRemove')}</button>}
      </div>
    </fieldset>
  );
}
