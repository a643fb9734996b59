// Informal "tu", as Italian consumer surveys and apps now address customers.
import type { Message } from '../translate';
import type en from './en';

const it: Record<keyof typeof en, Message> = {
  'nav.next': 'Avanti',
  'nav.back': 'Indietro',
  'nav.finish': 'Termina',
  'nav.skipToContent': 'Vai al contenuto',
  'language.label': 'Lingua',

  'progress.label': 'Avanzamento del questionario',
  'progress.page': 'Pagina {page} di {total}',

  'question.required': 'Obbligatoria',
  'question.notApplicable': 'Non applicabile',
  'question.choose': 'Seleziona…',
  'nps.low': 'Per niente probabile',
  'nps.high': 'Estremamente probabile',

  'validation.required': 'Rispondi a questa domanda.',
  'validation.requiredEveryRow': 'Rispondi a tutte le righe.',
  'validation.minChoices': {
    one: 'Scegli almeno {count} opzione.',
    many: 'Scegli almeno {count} di opzioni.',
    other: 'Scegli almeno {count} opzioni.',
  },
  'validation.maxChoices': {
    one: 'Scegli al massimo {count} opzione.',
    many: 'Scegli al massimo {count} di opzioni.',
    other: 'Scegli al massimo {count} opzioni.',
  },
  'validation.number': 'Inserisci un numero.',
  'validation.wholeNumber': 'Inserisci un numero intero.',
  'validation.numberRange': 'Inserisci un numero da {min} a {max}.',
  'validation.numberMin': 'Inserisci un numero non inferiore a {min}.',
  'validation.numberMax': 'Inserisci un numero non superiore a {max}.',
  'validation.tooLong': {
    one: 'Usa al massimo {count} carattere.',
    many: 'Usa al massimo {count} di caratteri.',
    other: 'Usa al massimo {count} caratteri.',
  },
  'validation.summary': {
    one: 'Controlla {count} risposta.',
    many: 'Controlla {count} di risposte.',
    other: 'Controlla {count} risposte.',
  },

  'question.other': 'Altro (specificare)',
  'question.otherInput': 'Specifica la tua risposta «Altro»',
  'ranking.instructions': 'Metti le voci in ordine, dalla più importante, con i pulsanti Sposta su e Sposta giù.',
  'ranking.moveUp': 'Sposta su',
  'ranking.moveDown': 'Sposta giù',
  'ranking.keep': 'Mantieni questo ordine',
  'servqual.expectation': 'Cosa ti aspetti',
  'servqual.perception': 'Cosa hai trovato',
  'importance.total': 'Totale: {sum} su {total}',
  'vw.tooCheap': 'A quale prezzo sarebbe così economico da farti dubitare della sua qualità?',
  'vw.cheap': 'A quale prezzo sarebbe un affare, un ottimo acquisto per quello che costa?',
  'vw.expensive': 'A quale prezzo inizierebbe a sembrarti caro, pur considerando ancora di comprarlo?',
  'vw.tooExpensive': 'A quale prezzo sarebbe così caro da non considerarne più l’acquisto?',
  'vw.likely': 'Quanto è probabile che lo compreresti a {price}?',
  'gg.question': 'Lo compreresti a {price}?',
  'gg.yes': 'Sì, lo comprerei',
  'gg.no': 'No, non lo comprerei',
  'gg.again': 'Cambia le mie risposte',
  'competitor.known': 'Quali di queste marche conosci?',
  'contact.name': 'Nome',
  'contact.email': 'Indirizzo e-mail',
  'contact.phone': 'Telefono',
  'validation.otherRequired': 'Specifica la tua risposta «Altro».',
  'validation.email': 'Inserisci un indirizzo e-mail valido, ad esempio nome@esempio.it.',
  'validation.phone': 'Inserisci un numero di telefono con cifre, spazi ed eventualmente un + davanti.',
  'validation.consent': 'Spunta la casella per dare il consenso, oppure lascia vuoti i tuoi dati.',
  'validation.constantSum': 'Il totale deve essere {total}; ora è {sum}.',
  'validation.priceOrder': 'Ogni prezzo deve essere più alto del precedente.',

  'status.saving': 'Salvataggio…',
  'status.offline':
    'Sei offline: le tue risposte restano su questo dispositivo e verranno inviate quando tornerai online.',
  'status.retrying': 'Invio non riuscito, nuovo tentativo…',
  'status.error': 'Si è verificato un errore. Riprova.',

  'resume.prompt': 'Hai già iniziato questo questionario su questo dispositivo.',
  'resume.startAgain': 'Ricomincia',

  'end.thanksTitle': 'Grazie!',
  'end.thanksBody': 'Le tue risposte sono state inviate. Ora puoi chiudere questa pagina.',
  'end.screenedOut':
    'Grazie per il tuo tempo. Questo questionario è rivolto a persone con un profilo diverso, quindi non ci sono altre domande per te.',
  'end.overQuota':
    'Grazie per il tuo tempo. Abbiamo già raccolto tutte le risposte necessarie da persone con un profilo come il tuo, quindi non ci sono altre domande per te.',

  'unavailable.closed.title': 'Questo questionario è chiuso',
  'unavailable.closed.body': 'Non accetta più risposte. Grazie per l’interesse.',
  'unavailable.paused.title': 'Questo questionario è in pausa',
  'unavailable.paused.body': 'Al momento non accetta risposte. Riprova più tardi.',
  'unavailable.notFound.title': 'Questionario non trovato',
  'unavailable.notFound.body': 'Controlla che il link sia completo, oppure chiedi un nuovo link a chi te l’ha inviato.',
  'unavailable.notYetOpen.title': 'Il questionario non è ancora aperto',
  'unavailable.notYetOpen.body': 'Accetterà risposte a breve. Torni più tardi con lo stesso link.',
  'unavailable.full.title': 'Il questionario è al completo',
  'unavailable.full.body': 'Abbiamo già tutte le risposte che ci servono. Grazie per l’interesse.',
  'unavailable.used.title': 'Ha già risposto',
  'unavailable.used.body':
    'Questo link personale è già stato usato per rispondere al questionario. Grazie per la partecipazione!',
  'kiosk.next': 'Tra poco il questionario ricomincerà per la persona successiva.',

  // Rate limit of the survey page
  'busy.title': 'Troppe richieste',
  'busy.body':
    'Nell’ultimo minuto questo questionario ha ricevuto troppe richieste dalla tua rete. Attendi un minuto, poi ricarica la pagina.',
  // Question types: yes/no, dates, searchable lists, several fields
  'question.yes': 'Sì',
  'question.no': 'No',
  'question.search': 'Cerca nell’elenco',
  'validation.date': 'Scegli una data.',
  'validation.dateRange': 'Scegli una data dal {min} al {max}.',
  'validation.dateMin': 'Scegli una data a partire dal {min}.',
  'validation.dateMax': 'Scegli una data non successiva al {max}.',
  'validation.requiredEveryField': 'Compila tutti i campi.',
};

export default it;
