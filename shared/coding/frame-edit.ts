/**
 * A change to a codeframe as stored for undo: what the codes and assignments were before it, enough
 * to put them back exactly. Assignments are [codeId, responseId, coderId, frameId, at] rows.
 */
export type AssignmentRow = [string, number, string, string, number];

export interface CodeSnapshot {
  id: string;
  frameId: string;
  label: Record<string, string>;
  words: string[];
  isNet: boolean;
  netId: string | null;
  position: number;
  createdAt: number;
}

export type FrameEditKind = 'rename' | 'move' | 'words' | 'delete' | 'merge' | 'split';

export type FrameEditUndo =
  /** A code's fields before an edit of its label, net, words or position. */
  | { kind: 'rename' | 'move' | 'words'; before: CodeSnapshot }
  /** The deleted code, its assignments, and the codes that were in it when it was a net. */
  | { kind: 'delete'; code: CodeSnapshot; assignments: AssignmentRow[]; members: string[] }
  /**
   * The merged codes with their assignments and members, and the assignments of `into` the merge
   * made (those it did not have before), removed again on undo.
   */
  | {
      kind: 'merge';
      into: string;
      codes: CodeSnapshot[];
      assignments: AssignmentRow[];
      members: [string, string][];
      added: AssignmentRow[];
    }
  /** The code split off: its assignments go back to `source`, and it goes. */
  | { kind: 'split'; source: string; code: string };
