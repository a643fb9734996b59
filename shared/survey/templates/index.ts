/** Ready-made questionnaires, complete and usable as they are; the builder copies one into a new survey. */
import type { SurveyDefinitionInput, Text } from '../schema';
import { benchmark } from './benchmark';
import { csat } from './csat';
import { dealer } from './dealer';
import { hotel } from './hotel';
import { nps } from './nps';
import { price } from './price';
import { retail } from './retail';
import { servqual } from './servqual';

export interface SurveyTemplate {
  id: string;
  name: Text;
  definition: SurveyDefinitionInput;
}

export const TEMPLATES: readonly SurveyTemplate[] = [csat, nps, servqual, hotel, retail, dealer, price, benchmark];
