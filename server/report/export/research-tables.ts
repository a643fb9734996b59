import type { ReportSections } from '../../../shared/api/report-sections';

type Add = (section: string, key: string, measure: string, value: number | string | null | undefined) => void;

/** The research sections' figures as rows of the tables export (SERVQUAL, price, competition). */
export function addResearchTables(s: ReportSections, add: Add) {
  if (s.servqual) {
    add('servqual', '', 'n', s.servqual.n);
    for (const i of s.servqual.items) {
      add('servqual', i.key, 'expectation', i.expectation);
      add('servqual', i.key, 'perception', i.perception);
      add('servqual', i.key, 'gap', i.gap);
    }
    for (const d of s.servqual.dimensions) {
      add('servqual', '', `${d.dimension}_gap`, d.gap);
      if (d.importance !== null) add('servqual', '', `${d.dimension}_importance`, d.importance);
    }
    add('servqual', '', 'gap_unweighted', s.servqual.unweighted);
    add('servqual', '', 'gap_weighted', s.servqual.weighted);
  }
  for (const r of s.price?.vanWestendorp ?? []) {
    add('price', r.questionId, 'valid_n', r.valid);
    for (const point of ['pmc', 'opp', 'ipp', 'pme'] as const) add('price', r.questionId, point, r[point]);
    if (r.nms) {
      add('price', r.questionId, 'nms_reach_optimal', r.nms.reachOptimal);
      add('price', r.questionId, 'nms_revenue_optimal', r.nms.revenueOptimal);
    }
  }
  for (const r of s.price?.gaborGranger ?? []) {
    for (const p of r.points) {
      add('price', r.questionId, `demand_at_${p.price}`, p.demand);
      add('price', r.questionId, `revenue_at_${p.price}`, p.revenue);
    }
    add('price', r.questionId, 'revenue_maximising_price', r.optimalPrice);
  }
  for (const q of s.competition?.questions ?? []) {
    for (const a of q.attributes) {
      add('competition', q.questionId, `${a.attribute}_${q.ownBrand}_mean`, a.own.mean);
      for (const c of a.competitors) {
        add('competition', q.questionId, `${a.attribute}_${c.brand}_mean`, c.mean);
        add('competition', q.questionId, `${a.attribute}_vs_${c.brand}_difference`, c.difference);
        add('competition', q.questionId, `${a.attribute}_vs_${c.brand}_p`, c.p);
        add('competition', q.questionId, `${a.attribute}_vs_${c.brand}_pairs`, c.pairs);
      }
    }
  }
}
