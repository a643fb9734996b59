import type { AnswerValue } from '../../../shared/survey/answers';
import type { Question } from '../../../shared/survey/schema';

/** What every renderer gets. `Extract` narrows the question to the renderer's own type. */
export interface RendererProps<T extends Question['type']> {
  q: Extract<Question, { type: T }>;
  value: AnswerValue | undefined;
  /** `undefined` clears the answer. */
  onChange: (value: AnswerValue | undefined) => void;
  /** The id the question's <label> points at (renderers that are a single control). */
  inputId: string;
  /** Help and error ids, for renderers whose control is not inside the question's fieldset. */
  describedBy: string | undefined;
  invalid: boolean;
  /** Seeds the option order of randomised questions: stable per respondent. */
  seed: string;
}
