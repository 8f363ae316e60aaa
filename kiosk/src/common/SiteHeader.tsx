import { LangToggle } from './LangToggle.tsx';

/** The citizen pages' top bar: the name (home link) and the language toggle. */
export function SiteHeader() {
  return (
    <header class="topbar">
      <a class="brand" href="/">
        Góp Ý
      </a>
      <LangToggle />
    </header>
  );
}
