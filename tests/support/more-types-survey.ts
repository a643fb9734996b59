/**
 * A survey with every question type of shared/survey/more-types.ts and a long dropdown, with four
 * respondents' answers whose figures the tests work out by hand.
 */
const en = (s: string) => ({ en: s });

export const COUNTRIES = ['at', 'be', 'ch', 'cz', 'de', 'dk', 'es', 'fi', 'fr', 'gr', 'ie', 'it', 'nl', 'pt', 'se'];
export const COUNTRY_NAMES: Record<string, string> = {
  at: 'Austria',
  be: 'Belgium',
  ch: 'Switzerland',
  cz: 'Czechia',
  de: 'Germany',
  dk: 'Denmark',
  es: 'Spain',
  fi: 'Finland',
  fr: 'France',
  gr: 'Greece',
  ie: 'Ireland',
  it: 'Italy',
  nl: 'Netherlands',
  pt: 'Portugal',
  se: 'Sweden',
};

export const moreTypesSurvey = () => ({
  title: en('Store visit'),
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'intro',
          type: 'info',
          text: en('Please think about your last visit to our store.\nIt takes two minutes.'),
        },
        { id: 'returning', type: 'yesno', text: en('Have you shopped with us before?'), required: true },
        {
          id: 'visit_date',
          type: 'date',
          text: en('When was your visit?'),
          min: '2026-01-01',
          max: '2026-11-30',
          required: true,
          visibleIf: { conditions: [{ source: 'returning', op: 'equals', value: 'yes' }] },
        },
        {
          id: 'country',
          type: 'single',
          display: 'dropdown',
          text: en('Where do you live?'),
          options: COUNTRIES.map((id) => ({ id, label: en(COUNTRY_NAMES[id]) })),
        },
        {
          id: 'share',
          type: 'fields',
          text: en('What share of your spending goes to each channel?'),
          items: [
            { id: 'online', label: en('Online') },
            { id: 'store', label: en('In store') },
            { id: 'phone', label: en('By phone') },
          ],
          integer: true,
          min: 0,
          max: 100,
          total: 100,
          required: true,
        },
      ],
    },
    {
      id: 'p2',
      questions: [
        {
          id: 'names',
          type: 'fields',
          input: 'text',
          text: en('Who helped you?'),
          items: [
            { id: 'first', label: en('First name') },
            { id: 'last', label: en('Last name') },
          ],
        },
        {
          id: 'ipa',
          type: 'matrixScales',
          text: en('How important is each, and how satisfied are you?'),
          items: [
            { id: 'price', label: en('Prices') },
            { id: 'staff', label: en('Staff') },
          ],
          scales: [
            {
              id: 'imp',
              label: en('Importance'),
              scale: { min: 1, max: 5, minLabel: en('Not important'), maxLabel: en('Extremely important') },
            },
            {
              id: 'sat',
              label: en('Satisfaction'),
              scale: { min: 1, max: 4 },
              pointLabels: [en('Poor'), en('Fair'), en('Good'), en('Excellent')],
            },
          ],
        },
      ],
    },
  ],
});

/** Four respondents. By hand: 3 of 4 returning; dates 2 Mar, 20 Mar, 1 May; online shares 60, 20, 50, 10. */
export const MORE_ANSWERS = [
  {
    returning: 'yes',
    visit_date: '2026-03-02',
    country: 'it',
    share: { online: 60, store: 30, phone: 10 },
    names: { first: 'Ada', last: 'Byron' },
    ipa: { price: { imp: 5, sat: 2 }, staff: { imp: 4, sat: 4 } },
  },
  {
    returning: 'yes',
    visit_date: '2026-03-20',
    country: 'fr',
    share: { online: 20, store: 70, phone: 10 },
    names: { first: 'Bo' },
    ipa: { price: { imp: 4, sat: 1 }, staff: { imp: 5, sat: 3 } },
  },
  {
    returning: 'no',
    country: 'it',
    share: { online: 50, store: 50, phone: 0 },
    ipa: { price: { imp: 3, sat: 3 }, staff: { imp: 5, sat: 4 } },
  },
  {
    returning: 'yes',
    visit_date: '2026-05-01',
    share: { online: 10, store: 80, phone: 10 },
    ipa: { price: { imp: 5, sat: 2 }, staff: { imp: 4, sat: 4 } },
  },
];
