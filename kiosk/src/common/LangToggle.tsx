import { lang } from './i18n.ts';

/** Switches Vietnamese ⇄ English; labelled in the language it switches to. */
export function LangToggle() {
  const next = lang.value === 'vi' ? 'en' : 'vi';
  return (
    <button type="button" class="lang-toggle" lang={next} onClick={() => (lang.value = next)}>
      {next === 'en' ? 'English' : 'Tiếng Việt'}
    </button>
  );
}
