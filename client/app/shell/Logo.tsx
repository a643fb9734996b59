/** The mark: a measuring stick of rising bars. */
export default function Logo() {
  return (
    <svg class="logo" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <rect x="1" y="1" width="22" height="22" rx="6" fill="var(--accent)" />
      <rect x="6" y="12" width="3" height="6" rx="1" fill="#fff" />
      <rect x="10.5" y="9" width="3" height="9" rx="1" fill="#fff" />
      <rect x="15" y="6" width="3" height="12" rx="1" fill="#fff" />
    </svg>
  );
}
