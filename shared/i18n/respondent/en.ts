/**
 * What the respondent page says, in English: the reference catalogue. Its keys are the type every
 * other language must match. Plural messages are chosen by `count` and show it as `{count}`.
 */
import type { Message } from '../translate';

export default {
  'nav.next': 'Next',
  'nav.back': 'Back',
  'nav.finish': 'Finish',
  'nav.skipToContent': 'Skip to content',
  'language.label': 'Language',

  'progress.label': 'Survey progress',
  'progress.page': 'Page {page} of {total}',

  'question.required': 'Required',
  'question.notApplicable': 'Not applicable',
  'question.choose': 'Choose…',
  'nps.low': 'Not at all likely',
  'nps.high': 'Extremely likely',

  'validation.required': 'Please answer this question.',
  'validation.requiredEveryRow': 'Please answer every row.',
  'validation.minChoices': { one: 'Choose at least {count} option.', other: 'Choose at least {count} options.' },
  'validation.maxChoices': { one: 'Choose at most {count} option.', other: 'Choose at most {count} options.' },
  'validation.number': 'Enter a number.',
  'validation.wholeNumber': 'Enter a whole number.',
  'validation.numberRange': 'Enter a number from {min} to {max}.',
  'validation.numberMin': 'Enter a number of at least {min}.',
  'validation.numberMax': 'Enter a number of at most {max}.',
  'validation.tooLong': { one: 'Use at most {count} character.', other: 'Use at most {count} characters.' },
  'validation.summary': { one: 'Please check {count} answer.', other: 'Please check {count} answers.' },

  'question.other': 'Other (please specify)',
  'question.otherInput': 'Your other answer',
  'ranking.instructions': 'Put the items in order, the most important first, with the Move up and Move down buttons.',
  'ranking.moveUp': 'Move up',
  'ranking.moveDown': 'Move down',
  'ranking.keep': 'Keep this order',
  'servqual.expectation': 'What you expect',
  'servqual.perception': 'What you experienced',
  'importance.total': 'Total: {sum} of {total}',
  'vw.tooCheap': 'At what price would it be so cheap that you would doubt its quality?',
  'vw.cheap': 'At what price would it be a bargain — a great buy for the money?',
  'vw.expensive': 'At what price would it start to seem expensive, though you would still consider buying it?',
  'vw.tooExpensive': 'At what price would it be so expensive that you would not consider buying it?',
  'vw.likely': 'How likely would you be to buy it at {price}?',
  'gg.question': 'Would you buy it at {price}?',
  'gg.yes': 'Yes, I would',
  'gg.no': 'No, I would not',
  'gg.again': 'Change my answers',
  'competitor.known': 'Which of these brands do you know?',
  'contact.name': 'Name',
  'contact.email': 'E-mail address',
  'contact.phone': 'Phone',
  'validation.otherRequired': 'Please tell us your other answer.',
  'validation.email': 'Enter a valid e-mail address, such as name@example.com.',
  'validation.phone': 'Enter a phone number using digits, spaces and an optional + in front.',
  'validation.consent': 'Please tick the box to agree, or leave your details empty.',
  'validation.constantSum': 'The total must be {total}; it is now {sum}.',
  'validation.priceOrder': 'Each price must be higher than the one before.',

  'status.saving': 'Saving…',
  'status.offline': 'You’re offline — your answers are kept on this device and will be sent when you’re back online.',
  'status.retrying': 'Sending failed, retrying…',
  'status.error': 'Something went wrong. Please try again.',

  'resume.prompt': 'You started this survey earlier on this device.',
  'resume.startAgain': 'Start again',

  'end.thanksTitle': 'Thank you!',
  'end.thanksBody': 'Your answers have been sent. You can close this page now.',
  'end.screenedOut':
    'Thank you for your time. This survey is looking for people in a different situation, so there are no more questions for you.',
  'end.overQuota':
    'Thank you for your time. We already have all the answers we need from people like you, so there are no more questions for you.',

  'unavailable.closed.title': 'This survey is closed',
  'unavailable.closed.body': 'It no longer accepts answers. Thank you for your interest.',
  'unavailable.paused.title': 'This survey is paused',
  'unavailable.paused.body': 'It is not accepting answers at the moment. Please try again later.',
  'unavailable.notFound.title': 'Survey not found',
  'unavailable.notFound.body': 'Check that the link is complete, or ask whoever sent it to you for a new one.',
  'unavailable.notYetOpen.title': 'This survey hasn’t opened yet',
  'unavailable.notYetOpen.body': 'It will accept answers soon. Please come back later using the same link.',
  'unavailable.full.title': 'This survey is complete',
  'unavailable.full.body': 'We have all the responses we need. Thank you for your interest.',
  'unavailable.used.title': 'You have already answered',
  'unavailable.used.body': 'This personal link has already been used to answer the survey. Thank you for taking part!',
  'kiosk.next': 'The survey will start again for the next person in a moment.',

  // Rate limit of the survey page
  'busy.title': 'Too many requests',
  'busy.body':
    'This survey has had too many requests from your network in the last minute. Please wait a minute, then reload the page.',
  // Question types: yes/no, dates, searchable lists, several fields
  'question.yes': 'Yes',
  'question.no': 'No',
  'question.search': 'Search the list',
  'validation.date': 'Choose a date.',
  'validation.dateRange': 'Choose a date from {min} to {max}.',
  'validation.dateMin': 'Choose a date on or after {min}.',
  'validation.dateMax': 'Choose a date on or before {max}.',
  'validation.requiredEveryField': 'Please fill in every field.',
} satisfies Record<string, Message>;
