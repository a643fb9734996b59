/** /surveys/:id/distribute: the open link and its QR code, collection rules, personal invitations and mailings. */
import { A, useParams } from '@solidjs/router';
import { createResource, Match, Show, Switch } from 'solid-js';
import type { SurveyDetail } from '../../../shared/api/surveys';
import type { CollectionSettings } from '../../../shared/api/collect';
import { useSession } from '../auth/session';
import { api, apiUrl } from '../lib/api';
import { CopyButton, ErrorBox, Loading } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { Icon } from '../lib/icons';
import { openLink, StatusBadge } from '../survey/status';
import RulesForm from './RulesForm';
import Invitations from './Invitations';
import RegisterDraw from '../customers/RegisterDraw';
import MailTemplates from './MailTemplates';
import './collect.css';

export default function DistributePage() {
  const params = useParams();
  const [data, { refetch }] = createResource(
    () => params.id,
    async (id) => {
      const [survey, settings] = await Promise.all([
        api.get('/api/surveys/:id', { params: { id } }),
        api.get('/api/surveys/:id/settings', { params: { id } }),
      ]);
      return { survey, settings };
    },
  );
  return (
    <Switch fallback={<Loading />}>
      <Match when={data.error}>
        <ErrorBox error={data.error} onRetry={refetch} />
      </Match>
      <Match when={data()} keyed>
        {(d) => <Distribute survey={d.survey} settings={d.settings} />}
      </Match>
    </Switch>
  );
}

function Distribute(props: { survey: SurveyDetail; settings: CollectionSettings }) {
  const { t } = useI18n();
  const session = useSession();
  const readOnly = () => !session.can('researcher');
  const survey = props.survey;
  const link = openLink(survey.slug);
  return (
    <div class="distribute">
      <div class="page-header">
        <div>
          <A href={`/surveys/${survey.id}`} class="back-link">
            <Icon name="back" />
            {t('distribute.backToSurvey')}
          </A>
          <h1>{t('distribute.title')}</h1>
        </div>
        <StatusBadge status={survey.status} />
      </div>
      <Show when={survey.status !== 'open'}>
        <div class="alert alert-info">{t('distribute.notOpen')}</div>
      </Show>

      <section class="card open-link-card" aria-labelledby="open-link-title">
        <div class="open-link-text">
          <h2 class="card-title" id="open-link-title">
            {t('distribute.openLink')}
          </h2>
          <p class="field-hint">{t('distribute.openLinkHint')}</p>
          <p>
            <a class="open-link" href={link} target="_blank" rel="noopener" data-testid="distribute-link">
              {link}
            </a>
          </p>
          <div class="row-actions">
            <CopyButton
              text={link}
              label={t('editor.copyLink')}
              copiedLabel={t('editor.linkCopied')}
              testid="distribute-copy"
            />
            <a
              class="btn btn-small"
              href={apiUrl('/api/surveys/:id/qr.png', { params: { id: survey.id } })}
              download="survey-qr.png"
              data-testid="qr-png"
            >
              {t('distribute.qrPng')}
            </a>
            <a
              class="btn btn-small"
              href={apiUrl('/api/surveys/:id/qr.svg', { params: { id: survey.id } })}
              download="survey-qr.svg"
              data-testid="qr-svg"
            >
              {t('distribute.qrSvg')}
            </a>
          </div>
        </div>
        <img
          class="qr"
          src={apiUrl('/api/surveys/:id/qr.svg', { params: { id: survey.id } })}
          alt={t('distribute.qrAlt')}
          width="160"
          height="160"
        />
      </section>

      <RulesForm surveyId={survey.id} initial={props.settings} readOnly={readOnly()} />
      <Show when={!readOnly()}>
        <RegisterDraw surveyId={survey.id} />
      </Show>
      <Invitations survey={survey} readOnly={readOnly()} />
      <MailTemplates
        surveyId={survey.id}
        languages={survey.draft.languages}
        initial={props.settings}
        readOnly={readOnly()}
      />
    </div>
  );
}
