/**
 * The yardstick for the engine's speed: the Jackson network of bench/scenarios.ts
 * written by hand as the smallest event loop that simulates it (a typed-array
 * binary heap of events, per-lead state in typed arrays, one inline sfc32 stream,
 * first come first served). It keeps only what the model needs to be right: the
 * same leads, station entries and waits (checked against Erlang C by the bench).
 */
import { JACKSON } from './scenarios.ts';

/** What one run of the minimal loop counts: events, leads, and per station the starts and mean wait. */
export interface MinimalRun {
  events: number;
  leads: number;
  starts: number[];
  meanWait: number[];
}

// Event kinds.
const ARRIVAL = 0, MQL = 1, DONE = 2;

/** Runs the Jackson network once with stream seed `seed`. */
export function minimalJackson(seed: number): MinimalRun {
  const J = JACKSON;
  const end = J.horizonDays;
  const servers = [J.insideSales.servers, J.fieldSales.servers, J.customerSuccess.servers];
  const mean = [J.insideSales.meanDays, J.fieldSales.meanDays, J.customerSuccess.meanDays];
  const pass = [J.insideSales.pass, J.fieldSales.pass, 0];

  // sfc32, inline.
  let a = seed | 0, b = 0x9e3779b9 | 0, c = 0x85ebca6b | 0, d = 1;
  const u = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) u();
  const exp = (m: number) => -m * Math.log(1 - u());

  // Event heap: time, then insertion sequence for ties.
  let cap = 1024, n = 0, seq = 0;
  let hTime = new Float64Array(cap), hSeq = new Float64Array(cap), hKind = new Int32Array(cap), hArg = new Int32Array(cap);
  const push = (time: number, kind: number, arg: number) => {
    if (n === cap) {
      cap *= 2;
      const t2 = new Float64Array(cap); t2.set(hTime); hTime = t2;
      const s2 = new Float64Array(cap); s2.set(hSeq); hSeq = s2;
      const k2 = new Int32Array(cap); k2.set(hKind); hKind = k2;
      const a2 = new Int32Array(cap); a2.set(hArg); hArg = a2;
    }
    const sq = seq++;
    let i = n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (hTime[p] < time || (hTime[p] === time && hSeq[p] < sq)) break;
      hTime[i] = hTime[p]; hSeq[i] = hSeq[p]; hKind[i] = hKind[p]; hArg[i] = hArg[p];
      i = p;
    }
    hTime[i] = time; hSeq[i] = sq; hKind[i] = kind; hArg[i] = arg;
  };
  let popTime = 0, popKind = 0, popArg = 0;
  const pop = () => {
    popTime = hTime[0]; popKind = hKind[0]; popArg = hArg[0];
    const last = --n;
    if (last === 0) return;
    const t = hTime[last], s = hSeq[last], k = hKind[last], x = hArg[last];
    let i = 0;
    for (;;) {
      let ch = 2 * i + 1;
      if (ch >= last) break;
      const r = ch + 1;
      if (r < last && (hTime[r] < hTime[ch] || (hTime[r] === hTime[ch] && hSeq[r] < hSeq[ch]))) ch = r;
      if (t < hTime[ch] || (t === hTime[ch] && s < hSeq[ch])) break;
      hTime[i] = hTime[ch]; hSeq[i] = hSeq[ch]; hKind[i] = hKind[ch]; hArg[i] = hArg[ch];
      i = ch;
    }
    hTime[i] = t; hSeq[i] = s; hKind[i] = k; hArg[i] = x;
  };

  // Per lead: station and time it joined the queue. Per station: busy servers and a FIFO ring of waiting leads.
  let leadCap = 4096;
  let station = new Int32Array(leadCap), joined = new Float64Array(leadCap);
  const busy = [0, 0, 0];
  const lines = [new Int32Array(1 << 16), new Int32Array(1 << 16), new Int32Array(1 << 16)];
  const head = [0, 0, 0], tail = [0, 0, 0];
  const starts = [0, 0, 0], waitSum = [0, 0, 0];
  let leads = 0, events = 0;

  const start = (k: number, id: number, t: number) => {
    busy[k]++;
    starts[k]++;
    waitSum[k] += t - joined[id];
    push(t + exp(mean[k]), DONE, id);
  };
  const enter = (k: number, id: number, t: number) => {
    station[id] = k;
    joined[id] = t;
    if (busy[k] < servers[k]) return start(k, id, t);
    const line = lines[k];
    if (tail[k] - head[k] === line.length) throw new Error('minimal loop: a queue overflowed its ring');
    line[tail[k]++ & (line.length - 1)] = id;
  };

  push(exp(1 / J.leadsPerDay), ARRIVAL, -1);
  while (n > 0 && hTime[0] <= end) {
    pop();
    events++;
    const t = popTime, id = popArg;
    if (popKind === ARRIVAL) {
      const lead = leads++;
      if (lead === leadCap) {
        leadCap *= 2;
        const s2 = new Int32Array(leadCap); s2.set(station); station = s2;
        const j2 = new Float64Array(leadCap); j2.set(joined); joined = j2;
      }
      push(t + exp(J.qualificationMeanDays), MQL, lead);
      push(t + exp(1 / J.leadsPerDay), ARRIVAL, -1);
    } else if (popKind === MQL) {
      enter(0, id, t);
    } else {
      const k = station[id];
      busy[k]--;
      if (head[k] < tail[k]) {
        const line = lines[k];
        start(k, line[head[k]++ & (line.length - 1)], t);
      }
      if (k < 2 && u() < pass[k]) enter(k + 1, id, t);
    }
  }
  return { events, leads, starts, meanWait: waitSum.map((w, k) => w / starts[k]) };
}
