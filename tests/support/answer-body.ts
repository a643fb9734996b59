/** An answer's body as a test reads it: JSON when it parses, else the text, else undefined. */
// biome-ignore lint/suspicious/noExplicitAny: test bodies are checked field by field
export function answerBody(text: string): any {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}
