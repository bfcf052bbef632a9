import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import {
  ageingDataset,
  cadRoundsDataset,
  cumulativeFlowDataset,
  intakeDataset,
  qcDataset,
  turnaroundDataset,
  weeklyBreachDataset,
  weeklyFlowDataset,
} from './datasets';
import { emptyReport, makeReport } from './report-fixture';

describe('chart datasets', () => {
  it('summarises turnaround per stage against its target band, and end to end', () => {
    const d = turnaroundDataset(makeReport());
    expect(d.summary).toBe(
      'CAD: median 30 h, 90th percentile 52.8 h against a 24–48 hours target; 1 of 4 stays over. ' +
        'Paid to delivered: median 21 days, 90th percentile 22.6 days over 2 delivered orders.',
    );
    expect(d.empty).toBe(false);
    expect(toCsv(d.columns, d.table).split('\r\n').slice(0, 3)).toEqual([
      'Stage,Unit,Target from,Target to,Stays,Median,90th percentile,Over target',
      'CAD,hours,24,48,4,30,52.8,1',
      'Production,business days,10,14,0,,,0',
    ]);
  });

  it('pivots weekly breach rates into percent per stage, with gaps where nothing ended', () => {
    const d = weeklyBreachDataset(makeReport());
    expect(d.rows).toEqual([
      { week: '2024-04-01', label: 'Apr 1', cad: 33.3, qc: null },
      { week: '2024-04-08', label: 'Apr 8', cad: 100, qc: 0 },
    ]);
    expect(d.summary).toBe(
      'Over the range, CAD 50% (2 of 4), QC 0% (0 of 2) of stays went over target. Worst week: CAD in the week of Apr 8, 100%.',
    );
  });

  it('totals throughput and reports WIP from first to last week', () => {
    const d = weeklyFlowDataset(makeReport());
    expect(d.summary).toBe(
      '3 orders delivered over 2 weeks (1.5 a week). Work in progress in CAD, production, QC and shipping went from 3 to 5.',
    );
    expect(d.rows[1]).toEqual({ week: '2024-04-08', delivered: 3, wip: 5, label: 'Apr 8' });
  });

  it('pivots the cumulative flow by day and states where orders stand at the end', () => {
    const d = cumulativeFlowDataset(makeReport());
    expect(d.rows).toEqual([
      { day: '2024-04-01', label: 'Apr 1', cad: 2, delivered: 0 },
      { day: '2024-04-02', label: 'Apr 2', cad: 1, delivered: 1 },
    ]);
    expect(d.summary).toBe('At the end of Apr 2: 1 in CAD, 1 delivered since Apr 1.');
  });

  it('states the 2 h share and median, by stylist with requests due', () => {
    const d = intakeDataset(makeReport());
    expect(d.summary).toBe(
      '50% of 4 requests due were confirmed within 2 hours (2); median time to confirm 60 minutes. By stylist: Amara Osei 50% of 2.',
    );
    expect(d.rows.map((r) => r.sharePercent)).toEqual([50, null]);
  });

  it('describes CAD rounds, QC yield and ageing', () => {
    expect(cadRoundsDataset(makeReport()).summary).toBe(
      'Of 4 designs approved, 2 used 0 rounds, 1 used 1 round, 1 used 2 rounds. 1 major change recorded on 1 order.',
    );
    expect(qcDataset(makeReport()).summary).toBe(
      'First-pass yield 67%: 2 of 3 pieces passed QC at the first attempt. 1 failed run sent pieces back for rework. Most failed item: Stones secure (2).',
    );
    const ageing = ageingDataset(makeReport({ ageing: [...makeReport().ageing].reverse() }));
    expect(ageing.rows.map((r) => r.code)).toEqual(['LP-2026-0001', 'LP-2026-0002']);
    expect(ageing.summary).toBe('1 order late and 1 at risk: 1 in Production, 1 in QC.');
    // A capped list says so; the counts still cover every order.
    const capped = ageingDataset(
      makeReport({ ageing_counts: [{ stage: 'production', late: 250, at_risk: 40 }] }),
    );
    expect(capped.summary).toBe(
      '250 orders late and 40 at risk: 290 in Production. Listed: the 2 most overdue.',
    );
    expect(toCsv(ageing.columns, ageing.table).split('\r\n')[1]).toBe(
      'LP-2026-0001,Production,Late,20,business days,2026-11-01,Maya R.,Oval solitaire',
    );
  });

  it('marks every chart empty, with a sentence saying so, when nothing happened', () => {
    const r = emptyReport();
    const all = [
      turnaroundDataset(r),
      weeklyBreachDataset(r),
      weeklyFlowDataset(r),
      cumulativeFlowDataset(r),
      intakeDataset(r),
      cadRoundsDataset(r),
      qcDataset(r),
      ageingDataset(r),
    ];
    expect(all.map((d) => d.empty)).toEqual([true, true, true, true, true, true, true, true]);
    expect(intakeDataset(r).summary).toBe('No intake requests arrived in this range.');
    expect(ageingDataset(r).summary).toBe('No open order is late or at risk.');
  });
});
