/** Drawn faces (no emoji font needed): colour and mouth curve from very unhappy (1) to very happy (5). */
const COLOURS = ['', '#c62828', '#ef6c00', '#9e9d24', '#558b2f', '#1b5e20'];

export function Face({ level }: { level: number }) {
  const curve = (level - 3) * 5; // mouth: frown … smile
  return (
    <svg class="face-icon" viewBox="0 0 40 40" width="56" height="56" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="18" fill={COLOURS[level]} />
      <circle cx="13.5" cy="15" r="2.6" fill="#fff" />
      <circle cx="26.5" cy="15" r="2.6" fill="#fff" />
      <path d={`M11 ${27 - curve / 2} Q20 ${27 + curve} 29 ${27 - curve / 2}`} stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round" />
    </svg>
  );
}
