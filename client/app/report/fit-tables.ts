/**
 * Report tables that read on a phone. On a narrow screen a `.data-table` keeps its rows and
 * columns when it fits its box with a label column wide enough to read (phone-tables.css); when
 * it doesn't, it becomes one card per row, each value under its column's name. Squeezed into the
 * width instead, Chinese labels broke one character per line and a table ran several screens.
 *
 * The sections keep writing plain tables (screen readers, print and copy-paste read them as
 * such): this only names each value cell after its column (`data-label`) and sets `as-cards`.
 */
export const PHONE_QUERY = '(max-width: 640px)';

/** A cell's column name: its header's text pieces, spaced ("Platinum (A)", not "Platinum(A)"). */
function headerText(th: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    else node.childNodes.forEach(walk);
  };
  walk(th);
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join(' ');
}

/** Names every value cell after the column header above it, colspans counted. */
function labelCells(table: HTMLTableElement) {
  const headRow = [...(table.tHead?.rows ?? [])].find((r) => r.querySelector('th[scope="col"]'));
  if (!headRow) return;
  const names: string[] = [];
  for (const cell of headRow.cells) for (let k = 0; k < cell.colSpan; k++) names.push(headerText(cell));
  for (const row of table.rows) {
    if (row === headRow) continue;
    let column = 0;
    for (const cell of row.cells) {
      if (cell.tagName === 'TD' && names[column] && cell.dataset.label !== names[column])
        cell.dataset.label = names[column];
      column += cell.colSpan;
    }
  }
}

/** Lines of text a cell runs to. */
function lines(cell: HTMLElement): number {
  const css = getComputedStyle(cell);
  const line = parseFloat(css.lineHeight) || parseFloat(css.fontSize) * 1.4;
  return (cell.clientHeight - parseFloat(css.paddingTop) - parseFloat(css.paddingBottom)) / line;
}

/**
 * Fitting only by wrapping a word a line: a column header or a text cell of four lines and more
 * ("Tập / trung / cải / thiện") reads worse than a card. A number with its interval under it is two.
 */
const cramped = (table: HTMLTableElement) =>
  [...table.querySelectorAll<HTMLElement>('thead th, tbody td')].some((cell) => lines(cell) > 3.5);

/**
 * Keeps the tables under `root` fitted while it lives: again whenever its content or width
 * changes. Returns the function that stops it.
 */
export function fitTables(root: HTMLElement): () => void {
  const phone = window.matchMedia(PHONE_QUERY);
  let frame = 0;
  const update = () => {
    frame = 0;
    const tables = [...root.querySelectorAll<HTMLTableElement>('table.data-table')];
    for (const table of tables) labelCells(table);
    // All back to tables first, then one measuring pass, then the cards: a single layout, not one per table.
    for (const table of tables) table.classList.remove('as-cards');
    if (!phone.matches) return;
    const wide = tables.filter((table) => {
      const box = table.parentElement!;
      return box.offsetParent !== null && (box.scrollWidth > box.clientWidth + 1 || cramped(table));
    });
    for (const table of wide) table.classList.add('as-cards');
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(update);
  };
  // Only the tree and its text: the attributes set here must not wake it again.
  const mutations = new MutationObserver(schedule);
  mutations.observe(root, { childList: true, subtree: true, characterData: true });
  const resize = new ResizeObserver(schedule);
  resize.observe(root);
  phone.addEventListener('change', schedule);
  update();
  return () => {
    mutations.disconnect();
    resize.disconnect();
    phone.removeEventListener('change', schedule);
    if (frame) cancelAnimationFrame(frame);
  };
}
