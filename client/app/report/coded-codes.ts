/** A coded open question's codes as the report offers them: each net followed by its codes, then the codes in no net. */
export interface CodeLike {
  id: string;
  isNet: boolean;
  netId: string | null;
}

/** Codes in reading order, each with the net it sits under (null for a net itself and for codes in none). */
export function groupedCodes<C extends CodeLike>(codes: readonly C[]): { code: C; net: C | null }[] {
  const nets = codes.filter((c) => c.isNet);
  const netIds = new Set(nets.map((n) => n.id));
  return [
    ...nets.flatMap((net) => [
      { code: net, net: null },
      ...codes.filter((c) => c.netId === net.id).map((code) => ({ code, net })),
    ]),
    ...codes.filter((c) => !c.isNet && (c.netId === null || !netIds.has(c.netId))).map((code) => ({ code, net: null })),
  ];
}
