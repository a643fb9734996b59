/** Which codeframe a coding screen works on: the route parameters of `/api/surveys/:id/coding/:questionId`. */
export interface FrameRef {
  id: string;
  questionId: string;
}
