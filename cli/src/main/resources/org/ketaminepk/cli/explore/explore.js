// ketamine-pk explorer: reads the form, asks the server to simulate, draws with uPlot. The scenario lives in the
// address (after #), so a link opens the same picture. No inline scripts: the page's CSP is default-src 'self'.
'use strict';
(function () {
  const COLOURS = { ketamine: '#0072B2', norketamine: '#D55E00', hydroxynorketamine: '#009E73' };
  const DASHES = { ketamine: [], norketamine: [10, 6], hydroxynorketamine: [2, 5] };
  const BAND_FILL = ['rgba(86,180,233,0.16)', 'rgba(204,121,167,0.14)', 'rgba(230,159,0,0.12)']; // analgesic, dissociative, anaesthetic, as the PNG charts
  const BAND_TEXT = ['#2f7fa8', '#9c4f7a', '#9a6a00'];
  // a log axis reaches down to the power of ten at or below half the lowest concentration of interest: each curve from
  // where it first reaches 1 % of its own peak, but no deeper than 1/10,000 of that peak, as the PNG charts fit theirs
  const LOG_OWN_FRACTION = 0.01;
  const LOG_DEEPEST_FRACTION = 1e-4;
  const MIN_CHART_PX = 240; // narrower than a phone's screen, so that a chart never widens the page
  const EFFECT_COLOUR = '#CC79A7'; // the effect-site curve of the PNG target charts
  const EFFECT_MEDIAN = '#8a3d6b'; // a population's median effect: darker than the typical patient's curve
  // time ticks in hours, days and weeks, shared by the concentration and effect charts so that their ticks line up
  const TIME_INCRS = [0.25, 0.5, 1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720];
  const FIELDS = ['protocol', 'dose', 'model', 'age', 'weight', 'height', 'sex', 'child-pugh', 'comed', 'duration',
    'step', 'log', 'population', 'seed', 'endpoint', 'target', 'manual', 'tolerance', 'site', 'syringe'];
  // what /api/target reads; the other fields describe the regimen of /api/simulate
  const TARGET_KEYS = ['target', 'manual', 'tolerance', 'model', 'endpoint', 'site', 'syringe', 'duration', 'age',
    'weight', 'height', 'sex', 'child-pugh', 'comed', 'egfr', 'creatinine', 'population', 'seed'];
  const TARGET_ONLY = ['target', 'manual', 'tolerance', 'site', 'syringe'];
  const DEFAULTS = { age: '40', weight: '70', height: '175', sex: 'male' };
  const WARNINGS_PER_KIND = 2; // listed before the rest of a kind is folded, as the command line's summary
  const $ = (id) => document.getElementById(id);

  const state = {
    plot: null, plotKey: '', logFloor: 1, effectPlot: null, effectKey: '', effectBands: null, current: null, pinned: null, pinnedParams: null,
    inFlight: false, pending: false, startedAt: 0, drawStart: null, given: new Set(),
    timings: [], requests: 0
  };
  window.explorer = state;

  // ---------- scenario <-> form <-> address ----------
  function readForm() {
    const p = new URLSearchParams();
    for (const f of FIELDS) {
      // a seed draws no one without a population (the server refuses it alone); the box keeps it for later
      if (f === 'seed' && !$('population').value) continue;
      // a tolerance belongs to a manual scheme (the server refuses it alone); the box keeps it likewise
      if (f === 'tolerance' && !$('manual').value) continue;
      // the number box, not the slider, holds the weight: a slider would clamp a typed 300 kg to its end silently
      const el = f === 'weight' ? $('weight-num') : $(f);
      const v = el.value.trim();
      // a default is left out of the address unless the user set it: a child's 70 kg must reach the server, which
      // refuses the adult defaults under 18 years
      if (v !== '' && (DEFAULTS[f] !== v || state.given.has(f))) p.set(f, v);
    }
    const kind = $('kidney-kind').value;
    const kv = $('kidney-value').value.trim();
    if (kind && kv) p.set(kind, kv);
    return p;
  }

  function writeForm(p) {
    state.given = new Set(Object.keys(DEFAULTS).filter((f) => p.get(f) !== null));
    for (const f of FIELDS) {
      const el = $(f);
      const v = p.get(f);
      // a value from the address that the list does not hold would leave the list blank without a word: it is
      // added, marked, and sent, so that the server says what is wrong with it
      if (el.tagName === 'SELECT' && v !== null && ![...el.options].some((o) => o.value === v)) {
        const o = document.createElement('option');
        o.value = v;
        o.textContent = v + ' (not in the list)';
        el.appendChild(o);
      }
      el.value = v !== null ? v : (DEFAULTS[f] || '');
    }
    $('weight-num').value = p.get('weight') !== null ? p.get('weight') : DEFAULTS.weight;
    $('kidney-kind').value = '';
    $('kidney-value').value = '';
    for (const k of ['egfr', 'creatinine']) {
      if (p.get(k)) { $('kidney-kind').value = k; $('kidney-value').value = p.get(k); }
    }
    syncOutputs();
  }

  function syncOutputs() {
    $('age-out').textContent = $('age').value;
    $('height-out').textContent = $('height').value;
    $('kidney-value').hidden = !$('kidney-kind').value;
    const creatinine = $('kidney-kind').value === 'creatinine';
    $('kidney-value').placeholder = creatinine ? 'e.g. 1.4mg/dL' : 'e.g. 45';
    // the box's name says what it holds and in which unit, which its placeholder alone would not tell a screen reader
    $('kidney-value').setAttribute('aria-label', creatinine ? 'serum creatinine, with its unit (mg/dL or µmol/L)'
      : 'eGFR, mL/min/1.73 m²');
    $('tolerance-row').hidden = !$('manual').value;
  }

  function addressParams() {
    const all = new URLSearchParams(location.hash.replace(/^#/, ''));
    const cur = new URLSearchParams();
    const pin = new URLSearchParams();
    let pinned = false;
    for (const [k, v] of all) {
      if (k === 'pinned') { pinned = true; } else if (k.startsWith('pin.')) { pin.append(k.substring(4), v); } else { cur.append(k, v); }
    }
    return { cur, pin: pinned ? pin : null };
  }

  function writeAddress(cur) {
    const all = new URLSearchParams(cur);
    if (state.pinnedParams) {
      all.set('pinned', '1');
      for (const [k, v] of state.pinnedParams) all.append('pin.' + k, v);
    }
    history.replaceState(null, '', '#' + all.toString());
    updateExports(cur);
  }

  // regimen mode: the files of simulate (compare with a pinned curve) from /api/export; target mode: the files of
  // target from /api/target with a format (a pinned regimen is not part of a target's files)
  // a regimen's export holds the typical patient's curves; the server refuses a population or an effect there
  const EXPORT_LEAVES_OUT = ['population', 'seed', 'endpoint'];
  // with a pinned curve the files are compare's: one grid and one scale for both, this scenario's window, step and
  // scale (the server refuses the pinned curve's own), so the links leave those out and the page says so when they differ
  const PIN_SHARES = ['duration', 'step', 'log'];

  // a manual scheme, as target --manual: the chart, the CSV, the JSON and the protocol file of that command
  function updateExports(cur) {
    const target = !!cur.get('target');
    const manual = target && !!cur.get('manual');
    const left = target ? [] : EXPORT_LEAVES_OUT.filter((k) => cur.get(k));
    $('export-note').hidden = left.length === 0;
    // a curve pinned in target mode is a pump schedule, which a regimen's export (compare's files) cannot hold
    const pinnedTarget = !!(state.pinnedParams && state.pinnedParams.get('target'));
    $('export-pin-target-note').hidden = target || !pinnedTarget;
    $('export-pin-note').hidden = target || !state.pinnedParams || pinnedTarget
      || PIN_SHARES.every((k) => (state.pinnedParams.get(k) || '') === (cur.get(k) || ''));
    $('export-manual-note').hidden = !manual;
    $('export-protocol').hidden = !target;
    for (const f of ['png', 'svg', 'csv', 'json', 'protocol']) {
      const p = new URLSearchParams();
      for (const [k, v] of cur) {
        if (target ? TARGET_KEYS.includes(k) : !TARGET_ONLY.includes(k) && !EXPORT_LEAVES_OUT.includes(k)) p.append(k, v);
      }
      if (!target && state.pinnedParams && !pinnedTarget) {
        for (const [k, v] of state.pinnedParams) if (!EXPORT_LEAVES_OUT.includes(k) && !PIN_SHARES.includes(k)) p.append('pin.' + k, v);
      }
      p.set('format', f);
      const a = $('export-' + f);
      a.href = (target ? 'api/target?' : 'api/export?') + p.toString();
      a.download = f === 'protocol' ? 'ketamine-pk-target-protocol.txt' : (target ? 'ketamine-pk-target.' : 'ketamine-pk.') + f;
    }
  }

  // ---------- requests ----------
  function changed() {
    syncOutputs();
    state.startedAt = performance.now();
    const p = readForm();
    writeAddress(p);
    if (state.inFlight) { state.pending = true; return; }
    request(p);
  }

  async function simulate(p) {
    const target = !!p.get('target');
    const q = new URLSearchParams();
    for (const [k, v] of p) if (target ? TARGET_KEYS.includes(k) : !TARGET_ONLY.includes(k)) q.append(k, v);
    q.set('px', String(Math.max(200, Math.min(2000, Math.round($('chart').clientWidth || 1000)))));
    const r = await fetch((target ? 'api/target?' : 'api/simulate?') + q.toString(), { cache: 'no-store' });
    const body = await r.json();
    return { ok: r.ok, body };
  }

  // an answer slower than a moment (virtual patients, a long course) marks the picture still shown as the scenario
  // before; a quick one changes nothing, so that dragging a slider does not flicker
  const BUSY_AFTER_MS = 250;
  let busyTimer = null;
  function busy(p) {
    clearTimeout(busyTimer);
    $('results').setAttribute('aria-busy', String(!!p));
    if (!p) {
      $('results').classList.remove('busy');
      $('busy').textContent = '';
      return;
    }
    const what = p.get('population') ? ' ' + p.get('population') + ' virtual patients'
      : (p.get('target') ? ' the pump schedule' : '');
    busyTimer = setTimeout(() => {
      $('results').classList.add('busy');
      $('busy').textContent = 'Computing' + what + '…' + (state.current ? ' the picture below is still the one before.' : '');
    }, BUSY_AFTER_MS);
  }

  async function request(p) {
    state.inFlight = true;
    busy(p);
    const started = state.startedAt;
    try {
      const { ok, body } = await simulate(p);
      state.requests++;
      if (state.pending) { return; } // a newer change is waiting; draw that one
      if (ok) {
        showError(null);
        state.current = body;
        state.drawStart = started;
        draw();
      } else {
        showError(body.error);
      }
    } catch (e) {
      showError({ field: null, message: 'the explorer server does not answer (' + e.message + '); is it still running?' });
    } finally {
      state.inFlight = false;
      if (state.pending) { state.pending = false; request(readForm()); } else { busy(null); }
    }
  }

  const FIELD_BOX = { dose: 'dose-error', protocol: 'dose-error', model: 'dose-error', duration: 'view-error',
    step: 'view-error', log: 'view-error', population: 'population-error', seed: 'population-error',
    endpoint: 'effect-error', ke0: 'effect-error', target: 'target-error', manual: 'target-error', tolerance: 'target-error',
    site: 'target-error', syringe: 'target-error',
    update: 'target-error', 'max-rate': 'target-error', 'rate-step': 'target-error', 'plasma-limit': 'target-error' };

  function showError(err) {
    for (const id of ['dose-error', 'patient-error', 'view-error', 'population-error', 'effect-error', 'target-error', 'error']) { $(id).hidden = true; $(id).textContent = ''; }
    document.querySelectorAll('.invalid').forEach((el) => {
      el.classList.remove('invalid');
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-describedby');
    });
    $('results').classList.toggle('stale', !!err);
    if (!err) return;
    const box = err.field ? (FIELD_BOX[err.field] || 'patient-error') : 'error';
    $(box).textContent = err.message;
    $(box).hidden = false;
    if (!state.current) {
      // nothing has been drawn yet: say why, rather than leave the page loading for ever
      $('title').textContent = 'Nothing to draw';
      $('subtitle').textContent = err.field ? 'The field marked in red has an error: ' + err.message : err.message;
    }
    // the weight is typed in its number box (the slider stops at its ends); a kidney value in the box after the list
    // an endpoint's missing ke0 is the endpoint's: the page has no ke0 of its own to mark
    const el = err.field && (err.field === 'weight' ? $('weight-num') : err.field === 'ke0' ? $('endpoint')
      : document.getElementById(err.field)
      || (['egfr', 'creatinine'].includes(err.field) ? $('kidney-value') : null));
    if (el) {
      // in red for the eye; invalid, and described by the error, for a screen reader that moves to the field
      el.classList.add('invalid');
      el.setAttribute('aria-invalid', 'true');
      el.setAttribute('aria-describedby', box);
    }
  }

  // ---------- drawing ----------
  function analytesOf(doc) {
    return Object.keys(doc.display).filter((k) => k.endsWith('_ng_per_mL')).map((k) => k.replace('_ng_per_mL', ''));
  }

  // on a log axis, values below its floor are left out (drawn as gaps), as the PNG charts leave them out
  function forAxis(values, log) {
    return log ? values.map((y) => (y >= state.logFloor ? y : null)) : values;
  }

  // the floor of the log axis for the curves of these answers (ng/mL): see LOG_OWN_FRACTION
  function logFloorOf(docs) {
    let lowest = Infinity;
    let top = 0;
    for (const doc of docs) {
      for (const a of analytesOf(doc)) {
        const y = doc.display[a + '_ng_per_mL'];
        const peak = Math.max(...y);
        if (!(peak > 0)) continue;
        top = Math.max(top, peak);
        let min = peak;
        let started = false;
        for (const v of y) {
          started = started || v >= LOG_OWN_FRACTION * peak;
          if (started && v < min) min = v;
        }
        lowest = Math.min(lowest, Math.max(min, LOG_DEEPEST_FRACTION * peak));
      }
    }
    if (!isFinite(lowest)) return 1;
    return Math.min(Math.pow(10, Math.floor(Math.log10(lowest / 2) + 1e-9)), Math.pow(10, Math.floor(Math.log10(top / 100))));
  }

  function table(doc, log) {
    const xs = doc.display.time_h;
    const ys = analytesOf(doc).map((a) => forAxis(doc.display[a + '_ng_per_mL'], log));
    return [xs, ...ys];
  }

  // curves drawn beside the analytes: the effect site of an endpoint and, in target mode, the target
  function extrasOf(doc) {
    const out = [];
    const eff = doc.effect ? doc.effect.display : doc.target_display;
    if (eff && eff.effect_site_ng_per_mL) {
      const site = { stroke: EFFECT_COLOUR, dash: [12, 4, 2, 4] };
      // a dense course: the lines through its peaks and its troughs, unfilled as in the PNG charts
      if (eff.troughs) {
        out.push({ ...site, name: 'ketamine effect site peaks', values: eff.effect_site_ng_per_mL });
        out.push({ ...site, name: 'ketamine effect site troughs', values: eff.troughs.effect_site_ng_per_mL });
      } else {
        out.push({ ...site, name: 'ketamine effect site', values: eff.effect_site_ng_per_mL });
      }
    }
    if (doc.target_display) out.push({ name: 'target', values: doc.target_display.target_ng_per_mL, stroke: '#000', dash: [3, 4] });
    return out;
  }

  // a course too dense to draw cycle by cycle comes as the line through each curve's peaks and, here, through its troughs
  function troughsOf(doc) {
    const t = doc.display.troughs;
    if (!t) return [];
    return analytesOf(doc).map((a) => ({ name: a + ' troughs', values: t[a + '_ng_per_mL'], stroke: COLOURS[a], dash: DASHES[a] }));
  }

  function draw() {
    const cur = state.current;
    const log = $('log').value === 'true';
    const curAnalytes = analytesOf(cur);
    state.logFloor = log ? logFloorOf(state.pinned ? [cur, state.pinned] : [cur]) : 1;
    const extras = extrasOf(cur).concat(troughsOf(cur));
    const pin = state.pinned;
    const pinAnalytes = pin ? analytesOf(pin) : [];
    let data = table(cur, log);
    for (const e of extras) data.push(forAxis(e.values, log));
    // a pinned dense course: its peaks and, after them, its troughs, as the current course draws them
    const pinDense = !!(pin && pin.display.troughs);
    if (pin) {
      const pinned = table(pin, log);
      if (pinDense) {
        for (const a of pinAnalytes) pinned.push(forAxis(pin.display.troughs[a + '_ng_per_mL'], log));
      }
      data = uPlot.join([data, pinned]);
    }
    const key = [log, curAnalytes.join(), extras.map((e) => e.name).join(), pinAnalytes.join(), pinDense].join('|');
    $('title').textContent = cur.title;
    $('subtitle').textContent = cur.subtitle + (pin ? ' — dashed grey: pinned, ' + pin.subtitle : '');
    if (!state.plot || state.plotKey !== key) {
      if (state.plot) state.plot.destroy();
      state.plot = new uPlot(options(curAnalytes, extras, pinAnalytes, log, !!cur.display.troughs, pinDense), data,
        $('chart'));
      state.plotKey = key;
    } else {
      state.plot.setData(data);
    }
    metrics(cur, pin);
    notes(cur);
    effectPanel(cur);
    schedulePanel(cur);
    manualPanel(cur);
  }

  // the effect over time in its own panel, with the metrics of 'ketamine-pk effects'; with virtual patients, their
  // median and middle 50 % and 90 % around the typical patient's curve, as 'simulate --population N --effect' draws them
  function effectPanel(cur) {
    const e = cur.effect;
    $('effect-panel').hidden = !e;
    if (!e) {
      if (state.effectPlot) { state.effectPlot.destroy(); state.effectPlot = null; state.effectKey = ''; }
      state.effectBands = null;
      return;
    }
    const field = e.has_effect ? 'effect' : 'effect_site_ng_per_mL';
    const y = e.display[field];
    // a dense course, as on the concentration chart: the line through the peaks, the one through the troughs and
    // the band between them
    const troughs = e.display.troughs ? e.display.troughs[field] : null;
    // the panel's title names the endpoint and the legend its measure: the axis takes the unit alone
    const label = e.has_effect ? e.endpoint.unit : 'effect-site concentration (ng/mL)';
    // the population's bands, unless no between-patient variability reaches the analyte that drives the endpoint:
    // then every patient's curve is the typical one, and one line says so instead of bands without width
    const pop = e.population || null;
    const b = pop && !pop.no_spread ? pop[field] : null;
    state.effectBands = b ? (troughs
      ? { t: pop.time_h, lo90: b.p5_troughs, hi90: b.p95_peaks, lo50: b.p25_troughs, hi50: b.p75_peaks }
      : { t: pop.time_h, lo90: b.p5, hi90: b.p95, lo50: b.p25, hi50: b.p75 }) : null;
    $('effect-title').textContent = e.endpoint.name + (pop ? ' — the typical patient and ' + pop.size + ' virtual patients' : '');
    let data = troughs ? [cur.display.time_h, y, troughs] : [cur.display.time_h, y];
    if (b) data = uPlot.join([data, troughs ? [pop.time_h, b.p50_peaks, b.p50_troughs] : [pop.time_h, b.p50]]);
    const key = e.endpoint.id + '|' + e.has_effect + '|' + !!troughs + '|' + (b ? pop.size : '');
    if (!state.effectPlot || state.effectKey !== key) {
      if (state.effectPlot) state.effectPlot.destroy();
      const el = $('effect-chart');
      const name = e.has_effect ? e.endpoint.measure : 'ketamine effect site';
      const value = (u, v) => (v === null || v === undefined ? '—' : fmt(v, 3) + ' ' + e.endpoint.unit);
      const curve = { stroke: EFFECT_COLOUR, width: 2, spanGaps: true, value };
      const median = { stroke: EFFECT_MEDIAN, width: 2, dash: [7, 4], spanGaps: true, value };
      // with bands the title and the axis name the measure; the legend tells the curves apart
      const typical = b ? 'typical patient' : name;
      const series = [{ label: 'time (h)', value: (u, v) => (v === null ? '—' : fmt(v, 4) + ' h') }];
      const parts = troughs ? [' peaks', ' troughs'] : [''];
      for (const part of parts) series.push({ ...curve, label: typical + part });
      if (b) for (const part of parts) series.push({ ...median, label: 'median of ' + pop.size + ' virtual patients' + part });
      state.effectPlot = new uPlot({
        width: Math.max(MIN_CHART_PX, $('chart').clientWidth), height: 260,
        series,
        scales: { x: { time: false }, y: { range: effectRange } },
        axes: [{ label: 'time (h)', incrs: TIME_INCRS, values: (u, vs) => vs.map((v) => fmt(v, 4)) },
          { label, size: 60, values: (u, vs) => vs.map((v) => fmt(v, 3)) }],
        hooks: { drawClear: [effectShade] }
      }, data, el);
      state.effectKey = key;
    } else {
      state.effectPlot.setData(data);
    }
    $('effect-dense-note').hidden = !troughs;
    $('effect-dense-note').textContent = !troughs ? '' : 'The doses are too close together to draw one by one: the '
      + (e.has_effect ? 'effect' : 'effect-site concentration') + (b ? ' of the typical patient and the median are each'
        + ' drawn as the lines through their peaks and their troughs, and each band from the troughs of its lower'
        + ' percentile to the peaks of its upper one.' : ' is drawn as the band between its peaks and its troughs.');
    effectLegend(pop, b);
    const body = $('effect-metrics').tBodies[0];
    body.textContent = '';
    const tr = body.insertRow();
    const m = e.metrics;
    for (const [name, v, unit] of [['peak-effect', m.peak_effect, e.endpoint.unit], ['peak-time', m.peak_time_h, ''],
      ['onset', m.onset_h, ''], ['offset', m.offset_h, ''], ['peak-effect-site', m.peak_effect_site_ng_per_mL, ''],
      ['peak-effect-site-time', m.peak_effect_site_time_h, '']]) {
      const td = tr.insertCell();
      td.textContent = fmt(v, 3) + (unit && v !== null ? ' ' + unit : '');
      td.dataset.metric = name;
      if (typeof v === 'number') td.dataset.value = String(v);
    }
    $('effect-note').textContent = (pop ? 'The metrics are the typical patient\'s. ' : '')
      + (pop && pop.no_spread ? 'Assumption: ' + pop.assumptions.join('; ') + '. ' : '')
      + 'Effect site: ' + e.link.describe + ', ' + e.link.basis + ' (' + e.link.how + '); driven by ' + e.driver
      + '. Source: ' + e.endpoint.citation + '. Not for: ' + e.endpoint.not_for;
  }

  // what the bands of the effect panel are: how many patients, whose variability, and the link's assumption; or,
  // when no variability reaches the endpoint's driver, the one line that says so
  function effectLegend(pop, bands) {
    const el = $('effect-bands-legend');
    el.textContent = '';
    el.hidden = !pop;
    if (!pop) return;
    if (!bands) {
      el.textContent = pop.no_spread.charAt(0).toUpperCase() + pop.no_spread.slice(1) + '.';
      return;
    }
    const swatch = (cls, text) => {
      const s = document.createElement('span');
      s.className = 'key';
      const mark = document.createElement('span');
      mark.className = 'swatch ' + cls;
      s.append(mark, text);
      el.append(s, ' ');
    };
    swatch('effect-50', 'middle 50 %');
    swatch('effect-90', 'middle 90 %');
    swatch('effect-median', 'median');
    el.append('of ' + pop.size + ' virtual patients like this one (seed ' + pop.seed + '; ' + pop.variability
      + '); solid: the typical patient. Assumption: ' + pop.assumptions.join('; ') + '.');
  }

  // the effect axis holds the bands as well as the curves
  function effectRange(u, min, max) {
    const b = state.effectBands;
    if (min === null) return [null, null];
    if (b) {
      for (const v of b.lo90) if (v < min) min = v;
      for (const v of b.hi90) if (v > max) max = v;
    }
    return uPlot.rangeNum(min, max, 0.1, true);
  }

  // behind the effect curves: a population's middle 90 % and 50 %, or a dense course's band between its peaks
  // (series 1) and its troughs (series 2)
  function effectShade(u) {
    const b = state.effectBands;
    if (!b && u.series.length < 3) return;
    const { left, top, width, height } = u.bbox;
    u.ctx.save();
    u.ctx.beginPath();
    u.ctx.rect(left, top, width, height);
    u.ctx.clip();
    if (b) {
      fillBetween(u, b.t, b.hi90, b.lo90, EFFECT_COLOUR + '2e');
      fillBetween(u, b.t, b.hi50, b.lo50, EFFECT_COLOUR + '4d');
    } else {
      fillBetween(u, u.data[0], u.data[1], u.data[2], EFFECT_COLOUR + '2e');
    }
    u.ctx.restore();
  }

  function clock(h) {
    const s = Math.round(h * 3600);
    return Math.floor(s / 3600) + ':' + String(Math.floor(s / 60) % 60).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
  }

  // target mode: the pump schedule, one row per rate
  function schedulePanel(cur) {
    const rows = cur.pump_schedule;
    $('schedule-panel').hidden = !rows;
    if (!rows) return;
    const body = $('schedule').tBodies[0];
    body.textContent = '';
    for (const r of rows) {
      const tr = body.insertRow();
      for (const v of [clock(r.start_h), clock(r.end_h), fmt(r.rate_ml_per_h, 4), fmt(r.rate_mg_per_h, 4), fmt(r.cumulative_mg, 4)]) {
        tr.insertCell().textContent = v;
      }
      tr.dataset.rateMlPerH = String(r.rate_ml_per_h);
    }
    const reached = cur.targets_reached.map((o) => o.target_ng_per_ml + ' ng/mL ' + (o.reached_h === null
      ? 'not reached' : 'reached at ' + clock(o.reached_h))).join('; ');
    $('schedule-note').textContent = cur.mode + ' target ' + cur.targets + ': ' + reached + '. Total ' + fmt(cur.total_mg, 4)
      + ' mg (' + fmt(cur.total_ml, 4) + ' mL of ' + cur.pump.syringe_mg_per_ml + ' mg/mL), a new rate every '
      + cur.pump.update_interval_s + ' s.';
    // with a population: the distance from the target as 'target --population' prints it
    $('attainment').hidden = !cur.attainment;
    $('attainment').textContent = cur.attainment ? [cur.attainment.headline].concat(cur.attainment.lines).join('\n') : '';
  }

  // a manual scheme: the bolus and the rates, and the lines of target --manual (the server's own words)
  function manualPanel(cur) {
    const m = cur.manual;
    $('manual-panel').hidden = !m;
    if (!m) return;
    $('manual-form').textContent = m.form + '/h';
    const body = $('manual-scheme').tBodies[0];
    body.textContent = '';
    m.table.forEach((cells, i) => {
      const tr = body.insertRow();
      for (const c of cells) tr.insertCell().textContent = c;
      if (i === 0) { tr.dataset.bolusMl = String(m.bolus_ml); tr.dataset.bolusMg = String(m.bolus_mg); } else {
        const r = m.rates[i - 1];
        tr.dataset.rateMlPerH = String(r.rate_ml_per_h);
        tr.dataset.rateMgPerH = String(r.rate_mg_per_h);
      }
    });
    const lines = $('manual-lines').tBodies[0];
    lines.textContent = '';
    for (const k of ['target', 'syringe', 'achieved', 'total', 'norketamine']) {
      if (!m.lines[k]) continue;
      const tr = lines.insertRow();
      tr.dataset.line = k;
      if (k === 'achieved' && !m.within_tolerance) tr.className = 'missed';
      const th = document.createElement('th');
      th.textContent = k;
      tr.appendChild(th);
      tr.insertCell().textContent = m.lines[k];
    }
  }

  function fmt(v, digits) {
    if (v === null || v === undefined || !isFinite(v)) return '—';
    if (v === 0) return '0';
    const a = Math.abs(v);
    if (a >= 1000) return Math.round(v).toLocaleString('en-US');
    return Number(v.toPrecision(digits || 3)).toString();
  }

  function options(curAnalytes, extras, pinAnalytes, log, dense, pinDense) {
    const series = [{ label: 'time (h)', value: (u, v) => (v === null ? '—' : fmt(v, 4) + ' h') }];
    for (const a of curAnalytes) {
      series.push({ label: dense ? a + ' peaks' : a, stroke: COLOURS[a], width: 2, dash: DASHES[a], spanGaps: true,
        value: (u, v) => (v === null ? '—' : fmt(v, 3) + ' ng/mL') });
    }
    for (const e of extras) {
      series.push({ label: e.name, stroke: e.stroke, width: e.name === 'target' ? 1.5 : 2, dash: e.dash, spanGaps: true,
        value: (u, v) => (v === null ? '—' : fmt(v, 3) + ' ng/mL') });
    }
    for (const part of pinDense ? [' peaks', ' troughs'] : ['']) {
      for (const a of pinAnalytes) {
        series.push({ label: 'pinned ' + a + part, stroke: '#777', width: 1.5, dash: a === 'ketamine' ? [6, 4] : [2, 4],
          spanGaps: true, value: (u, v) => (v === null ? '—' : fmt(v, 3) + ' ng/mL') });
      }
    }
    const el = $('chart');
    return {
      width: Math.max(MIN_CHART_PX, el.clientWidth), height: Math.max(320, Math.round(el.clientWidth * 0.48)),
      series,
      scales: { x: { time: false }, y: log ? { distr: 3, range: (u, min, max) => [state.logFloor,
        uPlot.rangeLog(state.logFloor, Math.max(max || 1, state.logFloor * 10), 10, true)[1]] } : { range: (u, min, max) => [0, niceMax(Math.max(max, populationMax()))] } },
      axes: [
        { label: 'time (h)', incrs: TIME_INCRS, values: (u, vs) => vs.map((v) => fmt(v, 4)) },
        { label: 'plasma concentration (ng/mL)', size: 60, values: (u, vs) => vs.map((v) => fmt(v, 3)) }
      ],
      cursor: { drag: { x: true, y: false } },
      hooks: { drawClear: [shade], draw: [drawn] }
    };
  }

  function populationMax() {
    const pop = state.current && state.current.population;
    if (!pop) return 0;
    let m = 0;
    for (const [k, b] of Object.entries(pop)) if (k.endsWith('_ng_per_mL')) for (const v of b.p95) if (v > m) m = v;
    return m;
  }

  function niceMax(max) {
    const m = Math.max(max || 1, 1) * 1.08;
    const p = Math.pow(10, Math.floor(Math.log10(m)));
    for (const f of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (f * p >= m) return f * p;
    return 10 * p;
  }

  // bands behind the curves and infusions as grey columns, as in the PNG charts
  function shade(u) {
    const cur = state.current;
    if (!cur) return;
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    const [ymin, ymax] = [u.scales.y.min, u.scales.y.max];
    // labels of bands cut off at the same top edge would print over each other: each goes under the one before
    const labelled = [];
    cur.shaded_bands.forEach((b, i) => {
      if (b.high_ng_per_mL < ymin || b.low_ng_per_mL > ymax) return;
      const y1 = u.valToPos(Math.min(b.high_ng_per_mL, ymax), 'y', true);
      const y0 = u.valToPos(Math.max(b.low_ng_per_mL, ymin), 'y', true);
      ctx.fillStyle = BAND_FILL[i % BAND_FILL.length];
      ctx.fillRect(left, y1, width, y0 - y1);
      ctx.fillStyle = BAND_TEXT[i % BAND_TEXT.length];
      ctx.font = 'italic ' + Math.round(11 * devicePixelRatio) + 'px system-ui, sans-serif';
      ctx.textAlign = 'right';
      const line = 14 * devicePixelRatio;
      let at = y1 + 13 * devicePixelRatio;
      while (labelled.some((y) => Math.abs(y - at) < line)) at += line;
      labelled.push(at);
      ctx.fillText(b.name + ' ' + b.low_ng_per_mL + '–' + b.high_ng_per_mL + ' ng/mL', left + width - 6 * devicePixelRatio, at);
    });
    if (cur.population) populationBand(u, cur.population);
    if (cur.manual) toleranceBand(u, cur.manual);
    if (cur.display.troughs) {
      // the band between each curve's peaks and troughs; one mark per dose would only grey the plot over
      envelopeBand(u, cur.display);
      ctx.restore();
      return;
    }
    ctx.fillStyle = 'rgba(0,0,0,0.07)';
    ctx.strokeStyle = 'rgba(0,0,0,0.45)';
    // back-to-back rates (a pump's schedule) shaded as one period: translucent columns side by side darken where
    // they overlap by a pixel and stripe the plot
    const periods = [];
    for (const d of cur.regimen.doses) {
      if (d.end_h > d.time_h) {
        periods.push([d.time_h, d.end_h]);
      } else {
        const x0 = u.valToPos(d.time_h, 'x', true);
        ctx.beginPath();
        ctx.moveTo(x0, top);
        ctx.lineTo(x0, top + height);
        ctx.stroke();
      }
    }
    periods.sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const p of periods) {
      const last = merged[merged.length - 1];
      if (last && p[0] <= last[1] + 1e-9 * Math.max(1, Math.abs(last[1]))) last[1] = Math.max(last[1], p[1]);
      else merged.push([p[0], p[1]]);
    }
    for (const [start, end] of merged) {
      const x0 = u.valToPos(start, 'x', true);
      const x1 = u.valToPos(end, 'x', true);
      ctx.fillRect(x0, top, Math.max(1, x1 - x0), height);
    }
    ctx.restore();
  }

  // a manual scheme: the tolerance around the target while it is held, the deviation the scheme is designed to stay within
  function toleranceBand(u, m) {
    const ctx = u.ctx;
    const log = u.scales.y.distr === 3;
    const y = (v) => u.valToPos(log ? Math.max(v, state.logFloor) : v, 'y', true);
    const x0 = u.valToPos(0, 'x', true);
    const x1 = u.valToPos(m.duration_h, 'x', true);
    const lo = y(m.target_ng_per_ml * (1 - m.tolerance_percent / 100));
    const hi = y(m.target_ng_per_ml * (1 + m.tolerance_percent / 100));
    ctx.fillStyle = 'rgba(0,158,115,0.13)';
    ctx.fillRect(x0, hi, x1 - x0, lo - hi);
    ctx.fillStyle = '#00795a';
    ctx.font = 'italic ' + Math.round(11 * devicePixelRatio) + 'px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.fillText('target ±' + fmt(m.tolerance_percent, 3) + ' %', x0 + 6 * devicePixelRatio, hi - 4 * devicePixelRatio);
  }

  // a dense course: the band between each curve's peaks and troughs, filled lightly in the curve's colour
  function envelopeBand(u, display) {
    for (const [key, low] of Object.entries(display.troughs)) {
      fillBetween(u, display.time_h, display[key], low, (COLOURS[key.replace('_ng_per_mL', '')] || '#777777') + '2e');
    }
  }

  // fills the area between the lines high and low over the times t
  function fillBetween(u, t, high, low, fill) {
    const ctx = u.ctx;
    const log = u.scales.y.distr === 3;
    const y = (v) => u.valToPos(log ? Math.max(v, state.logFloor) : v, 'y', true);
    ctx.beginPath();
    for (let i = 0; i < t.length; i++) {
      const x = u.valToPos(t[i], 'x', true);
      if (i === 0) ctx.moveTo(x, y(high[i])); else ctx.lineTo(x, y(high[i]));
    }
    for (let i = t.length - 1; i >= 0; i--) ctx.lineTo(u.valToPos(t[i], 'x', true), y(low[i]));
    ctx.closePath();
    ctx.fillStyle = fill;
    ctx.fill();
  }

  // the middle 90 % (5th–95th percentile) and 50 % (25th–75th) of each analyte, filled in the analyte's colour, the
  // 50 % over the 90 % so that it reads darker, as 'simulate --population N' shades them
  function populationBand(u, pop) {
    for (const [key, band] of Object.entries(pop)) {
      if (!key.endsWith('_ng_per_mL')) continue;
      const colour = COLOURS[key.replace('_ng_per_mL', '')] || '#777777';
      // a dense course: from the troughs of the lower percentile to the peaks of the upper one
      fillBetween(u, pop.time_h, band.p95_peaks || band.p95, band.p5_troughs || band.p5, colour + '33');
      if (band.p25 && band.p75) {
        fillBetween(u, pop.time_h, band.p75_peaks || band.p75, band.p25_troughs || band.p25, colour + '33');
      }
    }
  }

  // what a population's shading is, whose variability it draws from, and which analytes it does not reach
  function populationWords(pop, dense, whom) {
    const spread = pop.variability_label ? pop.variability_label.replace(/^variability: /, '') : 'the model\'s published variability';
    return ' Shaded in each curve\'s colour: the middle 90 % and, darker, the middle 50 % '
      + (dense ? '(each from the troughs of its lower percentile to the peaks of its upper one) ' : '')
      + 'of ' + pop.size + ' virtual patients ' + whom + ' (seed ' + pop.seed + '); variability: ' + spread + '.'
      + (pop.no_spread || []).map((n) => ' ' + n.charAt(0).toUpperCase() + n.slice(1) + '.').join('');
  }

  // the time from a change in the form to the redrawn chart, read by the browser test
  function drawn() {
    if (state.drawStart !== null) {
      state.timings.push(performance.now() - state.drawStart);
      state.drawStart = null;
    }
  }

  function metrics(cur, pin) {
    const body = $('metrics').tBodies[0];
    body.textContent = '';
    // target mode: a line says why there are no metrics, without a table head over an empty body
    $('metrics').hidden = !cur.metrics;
    if (!cur.metrics) {
      $('band-note').textContent = 'Target mode: the metrics of a regimen are not computed; the '
        + (cur.manual ? 'manual scheme, with the deviation it stays within (the band around the target),' : 'pump schedule') + ' is below the chart.'
        + (cur.population ? populationWords(cur.population, false, 'given this pump schedule') : '');
      return;
    }
    const rows = [[cur, '']];
    if (pin) rows.push([pin, 'pinned ']);
    for (const [doc, prefix] of rows) {
      for (const [a, m] of Object.entries(doc.metrics)) {
        const tr = body.insertRow();
        if (prefix) tr.className = 'pinned';
        const th = document.createElement('th');
        th.textContent = prefix + a;
        if (!prefix) th.style.color = COLOURS[a] || '#222';
        tr.appendChild(th);
        const cells = [['cmax', m.cmax_ng_per_mL], ['tmax', m.tmax_h], ['auc', m.auc_ng_h_per_mL],
          ['in-band', m.time_in_band_h], ['reach', m.time_to_reach_band_h],
          ['below', m.time_to_below_band_after_last_input_h], ['half-life', m.terminal_half_life_h]];
        for (const [name, v] of cells) {
          const td = tr.insertCell();
          td.textContent = v === undefined ? '' : (name === 'below' && v === null && m.above_band_low_at_end ? 'still above' : fmt(v, 3));
          td.dataset.metric = name;
          td.dataset.analyte = a;
          td.dataset.series = prefix ? 'pinned' : 'current';
          if (typeof v === 'number') td.dataset.value = String(v);
        }
      }
    }
    const popNote = cur.population ? populationWords(cur.population, !!cur.display.troughs, 'like this one') : '';
    $('band-note').textContent = 'Band for the metrics: ketamine ' + cur.band.low_ng_per_mL + '–' + cur.band.high_ng_per_mL
      + ' ng/mL (' + cur.band.source + '). AUC from 0 to the end of the window; grid: ' + cur.grid.points.toLocaleString('en-US')
      + ' points every ' + fmt(cur.grid.step_h * 60, 3) + ' min, drawn as ' + cur.display.points.toLocaleString('en-US') + ' (every peak kept).'
      + (cur.display.troughs ? ' The doses are too close together to draw one by one: each curve is drawn as the band between its peaks and its troughs.' : '')
      + popNote;
  }

  function notes(cur) {
    const ul = $('warnings');
    ul.textContent = '';
    // every warning, grouped by kind in the order of their first: two of a kind are listed and the rest of that kind
    // open from one line, as the command line shortens them (whose "all are in --json" a page cannot follow)
    const seen = new Set(cur.warnings.map((w) => w.message));
    const all = cur.warnings.concat((cur.notes || []).map((n) => ({ code: 'NOTE', message: n })),
      cur.effect ? cur.effect.warnings.filter((w) => !seen.has(w.message)) : []);
    const kinds = new Map();
    for (const w of all) {
      if (!kinds.has(w.code)) kinds.set(w.code, []);
      kinds.get(w.code).push(w.message);
    }
    const item = (text) => { const li = document.createElement('li'); li.textContent = text; return li; };
    if (all.length === 0) ul.appendChild(item('none'));
    for (const [code, messages] of kinds) {
      const shown = messages.length <= WARNINGS_PER_KIND + 1 ? messages.length : WARNINGS_PER_KIND;
      for (const m of messages.slice(0, shown)) ul.appendChild(item(m));
      if (shown === messages.length) continue;
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = 'and ' + (messages.length - shown) + ' more of the same kind ('
        + code.toLowerCase().replace(/_/g, ' ') + ')';
      const rest = document.createElement('ul');
      for (const m of messages.slice(shown)) rest.appendChild(item(m));
      details.append(summary, rest);
      const li = document.createElement('li');
      li.className = 'more';
      li.appendChild(details);
      ul.appendChild(li);
    }
    const body = $('adjustments').tBodies[0];
    body.textContent = '';
    const adjustments = cur.adjustments || [];
    if (adjustments.length === 0) {
      const td = body.insertRow().insertCell();
      td.colSpan = 5;
      td.textContent = 'none: the typical patient of the model';
    }
    for (const a of adjustments) {
      const tr = body.insertRow();
      for (const v of [a.parameter, fmt(a.typical_value, 3) + ' ' + a.unit, fmt(a.patient_value, 3) + ' ' + a.unit,
        '×' + fmt(a.factor, 3), a.reason]) {
        tr.insertCell().textContent = v;
      }
    }
    $('sources').textContent = 'Model: ' + cur.model.citation + (cur.protocol ? ' · Protocol: ' + cur.protocol.source : '')
      + ' · Shaded bands: ' + cur.shaded_bands_source + ' · ketamine-pk ' + cur.version;
  }

  // ---------- pinning ----------
  $('pin').addEventListener('click', () => {
    if (!state.current) return;
    state.pinned = state.current;
    state.pinnedParams = readForm();
    $('unpin').disabled = false;
    writeAddress(readForm());
    draw();
  });
  $('unpin').addEventListener('click', () => {
    state.pinned = null;
    state.pinnedParams = null;
    $('unpin').disabled = true;
    writeAddress(readForm());
    draw();
  });
  $('copy-link').addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(location.href); $('copy-link').textContent = 'Link copied'; } catch (e) { $('copy-link').textContent = 'Copy the address bar'; }
    setTimeout(() => { $('copy-link').textContent = 'Copy link'; }, 2000);
  });

  // ---------- start ----------
  // the scenario and the pinned curve of the address; a pin it lacks is dropped
  async function fromAddress() {
    const { cur, pin } = addressParams();
    if (![...cur.keys()].length) cur.set('protocol', 'crps-schwartzman-2009');
    state.pinned = null;
    state.pinnedParams = null;
    $('unpin').disabled = true;
    if (pin) {
      state.pinnedParams = pin;
      const r = await simulate(pin);
      if (r.ok) { state.pinned = r.body; $('unpin').disabled = false; } else { state.pinnedParams = null; }
    }
    writeForm(cur);
  }

  async function start() {
    const [models, protocols, endpoints] = await Promise.all([fetch('api/models').then((r) => r.json()),
      fetch('api/protocols').then((r) => r.json()), fetch('api/endpoints').then((r) => r.json())]);
    for (const e of endpoints.endpoints) {
      const o = document.createElement('option');
      o.value = e.id;
      o.textContent = e.name;
      o.title = e.citation + ' · driven by ' + e.drug_forms.join(', ') + ' models';
      $('endpoint').appendChild(o);
    }
    for (const m of models.models) {
      const o = document.createElement('option');
      o.value = m.id;
      o.textContent = m.id + ' — ' + m.drug_form;
      o.title = m.citation;
      $('model').appendChild(o);
    }
    for (const p of protocols.protocols) {
      const o = document.createElement('option');
      o.value = p.id;
      o.textContent = p.name;
      o.title = p.source + ': ' + p.doses.join('; ');
      $('protocol').appendChild(o);
    }
    await fromAddress();
    $('controls').addEventListener('input', (e) => {
      const given = e.target.id === 'weight-num' ? 'weight' : e.target.id;
      if (given in DEFAULTS) state.given.add(given);
      if (e.target.id === 'weight-num') { $('weight').value = e.target.value; }
      if (e.target.id === 'weight') { $('weight-num').value = e.target.value; }
      changed();
    });
    // a select changed from script or by keyboard may fire only 'change'
    $('controls').addEventListener('change', (e) => { if (e.target.tagName === 'SELECT') changed(); });
    $('controls').addEventListener('submit', (e) => e.preventDefault());
    // a link pasted into this tab changes only the part after #, which reloads nothing
    window.addEventListener('hashchange', async () => { await fromAddress(); changed(); });
    let resize = null;
    // both charts are rebuilt at the new width (the effect chart too, which a redraw alone would leave as it was)
    window.addEventListener('resize', () => { clearTimeout(resize); resize = setTimeout(() => { state.plotKey = ''; state.effectKey = ''; if (state.current) draw(); }, 150); });
    changed();
  }
  document.addEventListener('DOMContentLoaded', start);
})();
