/** A survey's webhooks: add one (its signing secret is shown once), turn off, rotate, delete, see deliveries. */
import { createSignal, For, Show } from 'solid-js';
import { WEBHOOK_EVENTS, type DeliveryDto, type WebhookDto, type WebhookEvent } from '../../../shared/api/alerts';
import { api } from '../lib/api';
import { ConfirmButton, CopyButton, ErrorBox } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { EVENT_KEY } from './keys';

export default function WebhooksCard(props: {
  surveyId: string;
  webhooks: WebhookDto[];
  onChange: (w: WebhookDto[]) => void;
}) {
  const { t } = useI18n();
  const [url, setUrl] = createSignal('');
  const [events, setEvents] = createSignal<WebhookEvent[]>(['case.opened', 'case.updated']);
  const [secret, setSecret] = createSignal<{ id: string; secret: string } | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [log, setLog] = createSignal<{ id: string; deliveries: DeliveryDto[] } | null>(null);
  const hook = (webhookId: string) => ({ id: props.surveyId, webhookId });
  const run = async (f: () => Promise<void>) => {
    setFailure(null);
    try {
      await f();
    } catch (err) {
      setFailure(err);
    }
  };
  const showLog = async (id: string) => {
    setLog({ id, deliveries: await api.get('/api/surveys/:id/webhooks/:webhookId/deliveries', { params: hook(id) }) });
  };
  const replace = (w: WebhookDto) => props.onChange(props.webhooks.map((x) => (x.id === w.id ? w : x)));

  const add = (e: SubmitEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await api.post('/api/surveys/:id/webhooks', {
        params: { id: props.surveyId },
        body: { url: url(), events: events() },
      });
      props.onChange([...props.webhooks, r.webhook]);
      setSecret({ id: r.webhook.id, secret: r.secret });
      setUrl('');
    });
  };
  return (
    <section class="card" aria-labelledby="webhooks-title">
      <h2 class="card-title" id="webhooks-title">
        {t('alerts.webhooks')}
      </h2>
      <p class="field-hint">{t('alerts.webhooksHint')}</p>
      <Show when={failure()}>
        <ErrorBox error={failure()} />
      </Show>
      <ul class="webhook-list">
        <For each={props.webhooks}>
          {(w) => (
            <li class="webhook" data-testid="webhook">
              <div class="webhook-head">
                <code class="webhook-url">{w.url}</code>
                <span class="muted">{w.events.map((e) => t(EVENT_KEY[e])).join(' · ')}</span>
                <Show when={!w.enabled}>
                  <span class="chip">{t('alerts.off')}</span>
                </Show>
                <Show when={w.failed > 0}>
                  <span class="chip chip-danger">{t('alerts.failedCount', { count: w.failed })}</span>
                </Show>
                <Show when={w.pending > 0}>
                  <span class="chip">{t('alerts.pendingCount', { count: w.pending })}</span>
                </Show>
              </div>
              <Show when={secret()?.id === w.id}>
                <div class="alert alert-info secret" role="status">
                  <span>{t('alerts.secretOnce')}</span>
                  <code data-testid="webhook-secret">{secret()!.secret}</code>
                  <CopyButton
                    text={secret()!.secret}
                    label={t('alerts.copySecret')}
                    copiedLabel={t('editor.linkCopied')}
                  />
                </div>
              </Show>
              <div class="row-actions">
                <button
                  type="button"
                  class="btn btn-small"
                  onClick={() =>
                    run(async () =>
                      replace(
                        await api.patch('/api/surveys/:id/webhooks/:webhookId', {
                          params: hook(w.id),
                          body: { enabled: !w.enabled },
                        }),
                      ),
                    )
                  }
                >
                  {w.enabled ? t('alerts.turnOff') : t('alerts.turnOn')}
                </button>
                <button
                  type="button"
                  class="btn btn-small"
                  onClick={() =>
                    run(async () => {
                      const r = await api.post('/api/surveys/:id/webhooks/:webhookId/rotate', { params: hook(w.id) });
                      setSecret({ id: w.id, secret: r.secret });
                    })
                  }
                >
                  {t('alerts.rotate')}
                </button>
                <button
                  type="button"
                  class="btn btn-small"
                  onClick={() =>
                    run(async () => {
                      await api.post('/api/surveys/:id/webhooks/:webhookId/ping', { params: hook(w.id) });
                      await showLog(w.id);
                    })
                  }
                >
                  {t('alerts.ping')}
                </button>
                <button
                  type="button"
                  class="btn btn-small btn-quiet"
                  aria-expanded={log()?.id === w.id}
                  onClick={() =>
                    run(async () => {
                      if (log()?.id === w.id) setLog(null);
                      else await showLog(w.id);
                    })
                  }
                >
                  {t('alerts.deliveries')}
                </button>
                <ConfirmButton
                  label={t('common.delete')}
                  onConfirm={() =>
                    run(async () => {
                      await api.delete('/api/surveys/:id/webhooks/:webhookId', { params: hook(w.id) });
                      props.onChange(props.webhooks.filter((x) => x.id !== w.id));
                    })
                  }
                />
              </div>
              <Show when={log()?.id === w.id}>
                <DeliveryLog
                  deliveries={log()!.deliveries}
                  onRedeliver={(d) =>
                    run(async () => {
                      await api.post('/api/surveys/:id/webhooks/:webhookId/deliveries/:deliveryId/redeliver', {
                        params: { ...hook(w.id), deliveryId: d.id },
                      });
                      await showLog(w.id);
                    })
                  }
                  onRefresh={() => run(() => showLog(w.id))}
                />
              </Show>
            </li>
          )}
        </For>
      </ul>
      <form class="webhook-form" onSubmit={add}>
        <label class="field">
          <span class="field-label">{t('alerts.webhookUrl')}</span>
          <input
            class="input input-mono"
            type="url"
            required
            placeholder="https://example.com/hooks/yardstick"
            value={url()}
            onInput={(e) => setUrl(e.currentTarget.value)}
            data-testid="webhook-url"
          />
        </label>
        <fieldset class="field">
          <legend class="field-label">{t('alerts.events')}</legend>
          <For each={WEBHOOK_EVENTS}>
            {(ev) => (
              <label class="check">
                <input
                  type="checkbox"
                  checked={events().includes(ev)}
                  onChange={(e) =>
                    setEvents(e.currentTarget.checked ? [...events(), ev] : events().filter((x) => x !== ev))
                  }
                />
                <span>{t(EVENT_KEY[ev])}</span>
              </label>
            )}
          </For>
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="btn btn-small btn-primary" data-testid="webhook-add">
            {t('alerts.addWebhook')}
          </button>
        </div>
      </form>
    </section>
  );
}

function DeliveryLog(props: {
  deliveries: DeliveryDto[];
  onRedeliver: (d: DeliveryDto) => void;
  onRefresh: () => void;
}) {
  const { t, date } = useI18n();
  return (
    <Show when={props.deliveries.length > 0} fallback={<p class="muted">{t('alerts.noDeliveries')}</p>}>
      <button type="button" class="btn btn-tiny btn-quiet" onClick={() => props.onRefresh()}>
        {t('alerts.refresh')}
      </button>
      <div class="table-wrap">
        <table class="data-table delivery-table">
          <thead>
            <tr>
              <th scope="col">{t('alerts.delivery')}</th>
              <th scope="col">{t('alerts.deliveryStatus')}</th>
              <th scope="col">{t('alerts.attempts')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.deliveries}>
              {(d) => (
                <tr>
                  <td>
                    <code>{d.id}</code>
                    <div class="muted">
                      {d.event} · {date(d.createdAt, 'datetime')}
                    </div>
                  </td>
                  <td>
                    {d.status === 'delivered'
                      ? t('alerts.delivered')
                      : d.status === 'failed'
                        ? t('alerts.failed')
                        : t('alerts.pending', { at: date(d.nextAttemptAt, 'datetime') })}
                    <Show when={d.status !== 'pending'}>
                      <div>
                        <button type="button" class="btn btn-tiny" onClick={() => props.onRedeliver(d)}>
                          {t('alerts.redeliver')}
                        </button>
                      </div>
                    </Show>
                  </td>
                  <td>
                    <ol class="attempts">
                      <For each={d.log}>
                        {(a) => (
                          <li>
                            {date(a.at, 'datetime')} — {a.statusCode ?? ''} {a.error ?? 'OK'} ({a.durationMs} ms)
                          </li>
                        )}
                      </For>
                    </ol>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
