/**
 * The coding screen, built for the keyboard: ↓/J and ↑/K move between answers, 1–9 (0 for the
 * tenth) toggle a code, / finds a code by typing and Enter toggles the first match, U undoes.
 * Answers are fetched in pages and kept, so moving to the next one never waits on the server.
 * Shown only the answers of one code, M marks answers to split off into a new code.
 */
import { createEffect, createMemo, createResource, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import type { CodeDto, CodingAnswer } from '../../../shared/api/coding';
import { api } from '../lib/api';
import type { FrameRef } from './frame';
import { ErrorBox } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { textIn } from './text';
import CodeFilter from './CodeFilter';
import AnswerView from './AnswerView';

const PAGE = 200;

export default function CodingScreen(props: { frame: FrameRef; version: number; onChanged?: () => void }) {
  const { t, locale, num } = useI18n();
  const [frame, { refetch: refetchFrame, mutate: setFrame }] = createResource(
    () => [props.frame, props.version] as const,
    ([f]) => api.get('/api/surveys/:id/coding/:questionId', { params: f }),
  );
  const [answers, setAnswers] = createSignal<Map<number, CodingAnswer>>(new Map());
  const [total, setTotal] = createSignal(0);
  const [at, setAt] = createSignal(0);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [find, setFind] = createSignal('');
  const [newLabel, setNewLabel] = createSignal('');
  const [bulkWords, setBulkWords] = createSignal('');
  const [bulkCode, setBulkCode] = createSignal('');
  const [bulkDone, setBulkDone] = createSignal<{ matched: number; added: number } | null>(null);
  /** The code whose answers are shown ('' for every answer). */
  const [filter, setFilter] = createSignal('');
  /** Answers marked to split off the filtered code, by response id. */
  const [marked, setMarked] = createSignal<ReadonlySet<number>>(new Set());
  const loading = new Set<string>();
  let findInput: HTMLInputElement | undefined;

  const load = async (offset: number) => {
    const shown = filter();
    const key = `${shown}|${offset}`;
    if (loading.has(key)) return;
    loading.add(key);
    try {
      const page = await api.get('/api/surveys/:id/coding/:questionId/answers', {
        params: props.frame,
        query: { offset, limit: PAGE, ...(shown ? { code: shown } : {}) },
      });
      // A page of a filter since changed belongs to answers no longer shown.
      if (filter() !== shown) return;
      setTotal(page.total);
      setAnswers((m) => {
        const next = new Map(m);
        page.items.forEach((a, k) => {
          next.set(offset + k, a);
        });
        return next;
      });
    } catch (err) {
      setFailure(err);
    } finally {
      loading.delete(key);
    }
  };
  const showCode = (codeId: string) => {
    setFilter(codeId);
    setMarked(new Set<number>());
    setAnswers(new Map());
    setAt(0);
    void load(0);
  };
  const ensure = (i: number) => {
    const offset = Math.floor(i / PAGE) * PAGE;
    if (!answers().has(i)) void load(offset);
    // The next page is fetched before it is needed.
    if (i % PAGE > PAGE - 20 && offset + PAGE < total() && !answers().has(offset + PAGE)) void load(offset + PAGE);
  };
  onMount(() => void load(0));
  // A merged or deleted code changes answers' codes: read the pages again.
  createEffect(
    on(
      () => props.version,
      () => {
        setMarked(new Set<number>());
        const offsets = new Set([...answers().keys()].map((i) => Math.floor(i / PAGE) * PAGE));
        setAnswers(new Map());
        for (const offset of offsets.size > 0 ? offsets : [0]) void load(offset);
      },
      { defer: true },
    ),
  );

  const language = () => frame()?.languages[0] ?? 'en';
  const label = (c: CodeDto) => textIn(c.label, locale(), language());
  /** Codes a coder gives (not nets), in the order the keys number them: by net, then outside nets. */
  const assignable = createMemo(() => {
    const codes = frame()?.codes ?? [];
    const nets = codes.filter((c) => c.isNet);
    return [
      ...nets.flatMap((n) => codes.filter((c) => c.netId === n.id)),
      ...codes.filter((c) => !c.isNet && !c.netId),
    ];
  });
  const groups = createMemo(() => {
    const codes = frame()?.codes ?? [];
    const numbered = assignable();
    const entry = (c: CodeDto) => ({ code: c, key: numbered.indexOf(c) + 1 });
    return [
      ...codes.filter((c) => c.isNet).map((n) => ({ net: n, codes: codes.filter((c) => c.netId === n.id).map(entry) })),
      { net: null, codes: codes.filter((c) => !c.isNet && !c.netId).map(entry) },
    ].filter((g) => g.codes.length > 0 || g.net);
  });
  const current = () => answers().get(at());
  // A code merged or deleted meanwhile can no longer be shown.
  createEffect(() => {
    const f = frame();
    if (f && filter() && !f.codes.some((c) => c.id === filter())) showCode('');
  });
  const shownCode = () => frame()?.codes.find((c) => c.id === filter());
  const mark = () => {
    const answer = current();
    if (!answer || !shownCode() || shownCode()!.isNet) return;
    setMarked((m) => {
      const next = new Set(m);
      if (!next.delete(answer.responseId)) next.add(answer.responseId);
      return next;
    });
  };
  const split = async (text: string) => {
    const source = shownCode();
    if (!source) return false;
    const lang = frame()?.languages.includes(locale()) ? locale() : language();
    setFailure(null);
    try {
      await api.post('/api/surveys/:id/coding/:questionId/codes/:codeId/split', {
        params: { ...props.frame, codeId: source.id },
        body: { label: { [lang]: text }, responseIds: [...marked()] },
      });
      setMarked(new Set<number>());
      setAt(0);
      props.onChanged?.();
      return true;
    } catch (err) {
      setFailure(err);
      return false;
    }
  };

  const matches = createMemo(() => {
    const needle = find().trim().toLocaleLowerCase();
    return needle ? assignable().filter((c) => label(c).toLocaleLowerCase().includes(needle)) : [];
  });

  const move = (by: number) => {
    const next = Math.min(Math.max(at() + by, 0), Math.max(total() - 1, 0));
    setAt(next);
    ensure(next);
  };

  const toggle = async (codeId: string) => {
    const answer = current();
    if (!answer) return;
    const index = at();
    const before = answer.codes;
    const after = before.includes(codeId) ? before.filter((c) => c !== codeId) : [...before, codeId].sort();
    const put = (codes: string[]) => setAnswers((m) => new Map(m).set(index, { ...answer, codes }));
    put(after);
    const f = frame();
    if (f) {
      const step = after.includes(codeId) ? 1 : -1;
      setFrame({
        ...f,
        coded: f.coded + ((before.length === 0) !== (after.length === 0) ? (after.length > 0 ? 1 : -1) : 0),
        codes: f.codes.map((c) => (c.id === codeId ? { ...c, mine: c.mine + step } : c)),
      });
    }
    setFailure(null);
    try {
      await api.put('/api/surveys/:id/coding/:questionId/answers/:responseId', {
        params: { ...props.frame, responseId: String(answer.responseId) },
        body: { codes: after },
      });
    } catch (err) {
      put(before);
      void refetchFrame();
      setFailure(err);
    }
  };

  const undo = async () => {
    setFailure(null);
    try {
      await api.post('/api/surveys/:id/coding/:questionId/undo', { params: props.frame });
      const offsets = new Set([...answers().keys()].map((i) => Math.floor(i / PAGE) * PAGE));
      setAnswers(new Map());
      await Promise.all([...offsets].map(load));
      void refetchFrame();
    } catch (err) {
      setFailure(err);
    }
  };

  const addCode = async (e: Event) => {
    e.preventDefault();
    const text = newLabel().trim();
    if (!text) return;
    const lang = frame()?.languages.includes(locale()) ? locale() : language();
    setFailure(null);
    try {
      await api.post('/api/surveys/:id/coding/:questionId/codes', {
        params: props.frame,
        body: { label: { [lang]: text } },
      });
      setNewLabel('');
      void refetchFrame();
    } catch (err) {
      setFailure(err);
    }
  };

  const bulk = async (e: Event) => {
    e.preventDefault();
    if (!bulkWords().trim() || !bulkCode()) return;
    setFailure(null);
    try {
      setBulkDone(
        await api.post('/api/surveys/:id/coding/:questionId/bulk', {
          params: props.frame,
          body: { codeId: bulkCode(), search: bulkWords().trim() },
        }),
      );
      setAnswers(new Map());
      await load(Math.floor(at() / PAGE) * PAGE);
      void refetchFrame();
    } catch (err) {
      setFailure(err);
    }
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest('input, select, textarea')) return;
    if (e.key === 'ArrowDown' || e.key === 'j') move(1);
    else if (e.key === 'ArrowUp' || e.key === 'k') move(-1);
    else if (e.key === 'u') void undo();
    else if (e.key === 'm') mark();
    else if (e.key === '/') findInput?.focus();
    else if (/^[0-9]$/.test(e.key)) {
      const code = assignable()[e.key === '0' ? 9 : Number(e.key) - 1];
      if (code) void toggle(code.id);
    } else return;
    e.preventDefault();
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));

  const onFindKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const first = matches()[0];
      if (first) void toggle(first.id);
      setFind('');
    } else if (e.key === 'Escape') {
      setFind('');
      findInput?.blur();
    }
  };

  return (
    <section class="card coding-screen" aria-labelledby="coding-screen-title" data-testid="coding-screen">
      <div class="card-head">
        <h2 class="card-title" id="coding-screen-title">
          {t('coding.screen')}
        </h2>
        <span class="coding-progress" data-testid="coding-progress">
          {t('coding.progress', { coded: num(frame()?.coded ?? 0), total: num(frame()?.total ?? 0) })}
        </span>
      </div>
      <p class="muted coding-keys">{t('coding.keys')}</p>
      <CodeFilter
        codes={frame()?.codes ?? []}
        label={label}
        shown={filter()}
        onShow={showCode}
        marked={marked().size}
        onSplit={split}
      />
      <Show when={failure()}>
        <ErrorBox error={failure()} />
      </Show>
      <div class="coding-grid">
        <div class="coding-answer" aria-live="polite">
          <Show
            when={current()}
            fallback={<p class="muted">{total() === 0 && filter() ? t('coding.showNone') : '…'}</p>}
          >
            {(a) => (
              <>
                <AnswerView
                  answer={a()}
                  at={at()}
                  total={total()}
                  scoreQuestion={frame()?.scoreQuestion}
                  marked={marked().has(a().responseId)}
                  codeLabel={(id) => {
                    const c = frame()?.codes.find((x) => x.id === id);
                    return c ? label(c) : id;
                  }}
                />
                <div class="coding-nav">
                  <button type="button" class="btn btn-small" onClick={() => move(-1)} disabled={at() === 0}>
                    {t('coding.previous')}
                  </button>
                  <button type="button" class="btn btn-small" onClick={() => move(1)} disabled={at() >= total() - 1}>
                    {t('coding.next')}
                  </button>
                  <button type="button" class="btn btn-small btn-quiet" onClick={() => void undo()}>
                    {t('coding.undo')}
                  </button>
                </div>
              </>
            )}
          </Show>
        </div>
        <div class="coding-codes">
          <label class="coding-find">
            {t('coding.findCode')}
            <input
              class="input"
              ref={findInput}
              type="search"
              value={find()}
              onInput={(e) => setFind(e.currentTarget.value)}
              onKeyDown={onFindKey}
              placeholder={t('coding.findHint')}
              data-testid="coding-find"
            />
          </label>
          <Show when={matches().length > 0}>
            <p class="muted" data-testid="coding-find-first">
              {t('coding.findFirst', { code: label(matches()[0]) })}
            </p>
          </Show>
          <For each={groups()}>
            {(g) => (
              <div class="coding-net">
                <Show
                  when={g.net}
                  fallback={
                    <Show when={groups().length > 1}>
                      <h3 class="coding-net-title">{t('coding.frame.noNet')}</h3>
                    </Show>
                  }
                >
                  {(n) => <h3 class="coding-net-title">{label(n())}</h3>}
                </Show>
                <ul class="coding-code-list">
                  <For each={g.codes}>
                    {(x) => (
                      <li>
                        <button
                          type="button"
                          class="coding-code"
                          classList={{ 'is-on': current()?.codes.includes(x.code.id) ?? false }}
                          aria-pressed={current()?.codes.includes(x.code.id) ?? false}
                          onClick={() => void toggle(x.code.id)}
                          data-testid="coding-code"
                        >
                          <kbd>{x.key <= 10 ? x.key % 10 : ''}</kbd>
                          <span>{label(x.code)}</span>
                          <span class="muted">{num(x.code.mine)}</span>
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </div>
            )}
          </For>
          <form class="coding-new" onSubmit={addCode}>
            <input
              class="input"
              value={newLabel()}
              onInput={(e) => setNewLabel(e.currentTarget.value)}
              placeholder={t('coding.newCode')}
              aria-label={t('coding.newCode')}
              maxLength={200}
              data-testid="coding-new-code"
            />
            <button type="submit" class="btn btn-small">
              {t('coding.add')}
            </button>
          </form>
          <form class="coding-bulk" onSubmit={bulk}>
            <span>{t('coding.bulk')}</span>
            <input
              class="input"
              value={bulkWords()}
              onInput={(e) => setBulkWords(e.currentTarget.value)}
              aria-label={t('coding.bulkWords')}
              placeholder={t('coding.bulkWords')}
              maxLength={200}
            />
            <select
              class="select"
              value={bulkCode()}
              onChange={(e) => setBulkCode(e.currentTarget.value)}
              aria-label={t('coding.codes')}
            >
              <option value="">{t('coding.codes')}</option>
              <For each={assignable()}>{(c) => <option value={c.id}>{label(c)}</option>}</For>
            </select>
            <button type="submit" class="btn btn-small">
              {t('coding.bulkApply')}
            </button>
            <Show when={bulkDone()}>
              {(d) => <p class="muted">{t('coding.bulkDone', { added: num(d().added), matched: num(d().matched) })}</p>}
            </Show>
          </form>
        </div>
      </div>
    </section>
  );
}
