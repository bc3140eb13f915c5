/*
 * One study: summary, best trial or Pareto set, charts, architecture drawing and a
 * sortable trials table, refreshed by polling /api/study and /api/trials. Charts use
 * ECharts with the SVG renderer and no animation, so each point is an element of the
 * page as soon as it is drawn. The address keeps the table's sort order as
 * #sort=KEY:asc or #sort=KEY:desc, KEY being number, state, architecture, duration or
 * metric:NAME.
 */
'use strict';

(function () {
  const studyName = document.body.dataset.study;
  const pollMs = Number(document.body.dataset.pollMs) || 0;
  const query = encodeURIComponent(studyName);
  const COLORS = {
    point: '#4e79a7', best: '#e15759', other: '#9c9c9c', front: '#e15759', bar: '#59a14f'
  };
  const LINE_COLORS = ['#4e79a7', '#f28e2b', '#76b7b2', '#59a14f', '#edc948', '#b07aa1',
    '#ff9da7', '#9c755f', '#bab0ac', '#e15759'];
  const charts = {};
  const view = {
    study: null, trials: [], lastText: '', sortKey: 'number', sortAscending: true,
    selected: null, drawn: null, historyMetric: null, intermediateMetric: null
  };

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'svg' });
    }
    return charts[id];
  }

  function baseOption(xName, yName) {
    return {
      animation: false,
      grid: { left: 64, right: 18, top: 14, bottom: 42 },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', name: xName, nameLocation: 'middle', nameGap: 26, scale: true },
      yAxis: { type: 'value', name: yName, nameLocation: 'middle', nameGap: 48, scale: true }
    };
  }

  function objectiveNames() {
    return view.study.config.objectives.map(o => o.slice(0, o.lastIndexOf(':')));
  }

  function trialByNumber(number) {
    return view.trials.find(t => t.number === number);
  }

  // ---- Summary and best trial ----

  function renderSummary() {
    const config = view.study.config;
    const items = [
      ['space', config.space],
      ['evaluator', config.evaluator + optionsText(config.evaluator_options)],
      ['strategy', config.strategy + optionsText(config.strategy_options)],
      ['objectives', config.objectives.join(' ')],
      ['seed', String(config.seed)]
    ];
    if (config.scheduler) {
      items.push(['scheduler', config.scheduler + optionsText(config.scheduler_options)]);
    }
    if (config.constraints.length > 0) {
      items.push(['constraints', config.constraints.join(' ')]);
    }
    const elements = items.map(([name, value]) =>
      Dash.el('div', { class: 'item' }, [Dash.el('span', {}, [name]), value]));
    const counts = Object.entries(view.study.counts)
      .filter(([state, count]) => state !== 'total' && count > 0)
      .map(([state, count]) => Dash.el('span', { class: 'badge ' + state },
        [state.toLowerCase() + ' ' + count]));
    elements.push(Dash.el('div', { class: 'item', id: 'counts' },
      [Dash.el('span', {}, ['trials']), String(view.study.counts.total), ' ', ...counts]));
    document.getElementById('summary').replaceChildren(...elements);
  }

  function optionsText(options) {
    const entries = Object.entries(options || {});
    return entries.length === 0 ? ''
      : ' (' + entries.map(([key, value]) => key + '=' + value).join(', ') + ')';
  }

  function metricsText(trial) {
    return objectiveNames().map(m => m + ' ' + Dash.number(trial.metrics[m])).join(', ');
  }

  function renderBest() {
    const best = document.getElementById('best');
    if (view.study.pareto.length > 0) {
      const links = view.study.pareto.map(n => {
        const trial = trialByNumber(n);
        return Dash.el('a', { href: '#', 'data-trial': n, title: trial ? metricsText(trial) : '' },
          ['#' + n]);
      });
      const parts = [Dash.el('strong', {}, ['Pareto set: ' + links.length + ' trials '])];
      links.forEach(link => parts.push(link, ' '));
      best.replaceChildren(...parts);
    } else if (view.study.best !== null) {
      const trial = trialByNumber(view.study.best);
      best.replaceChildren(Dash.el('strong', {}, ['Best trial #' + view.study.best + ': ']),
        trial ? metricsText(trial) : '',
        Dash.el('span', { class: 'mono' }, [trial ? trial.architecture : '']));
    } else {
      best.replaceChildren('No complete trial yet.');
    }
    best.querySelectorAll('a[data-trial]').forEach(link => link.addEventListener('click',
      event => {
        event.preventDefault();
        select(Number(link.dataset.trial));
      }));
  }

  // ---- Charts ----

  function fillSelect(id, values, current, onChange) {
    const select = document.getElementById(id);
    select.hidden = values.length < 2;
    const chosen = values.includes(current) ? current : values[0];
    if (select.dataset.values !== values.join('\n')) {
      select.dataset.values = values.join('\n');
      select.replaceChildren(...values.map(v => Dash.el('option', { value: v }, [v])));
      select.onchange = () => onChange(select.value);
    }
    select.value = chosen;
    return chosen;
  }

  function renderHistory() {
    const metrics = objectiveNames();
    view.historyMetric = fillSelect('history-objective', metrics, view.historyMetric, metric => {
      view.historyMetric = metric;
      renderHistory();
    });
    const points = view.study.history[view.historyMetric] || [];
    const option = baseOption('trial', view.historyMetric);
    option.xAxis.minInterval = 1;
    option.series = [
      {
        name: 'complete trial', type: 'scatter', symbol: 'circle', symbolSize: 7,
        itemStyle: { color: COLORS.point },
        data: points.map(p => [p.trial, p.value])
      },
      {
        name: 'best so far', type: 'line', step: 'end', showSymbol: false,
        lineStyle: { color: COLORS.best, width: 2 }, itemStyle: { color: COLORS.best },
        data: points.map(p => [p.trial, p.best])
      }
    ];
    chart('history-chart').setOption(option, true);
  }

  function renderPareto() {
    const panel = document.getElementById('pareto-panel');
    const names = objectiveNames();
    panel.hidden = names.length < 2;
    if (panel.hidden) {
      return;
    }
    const [yName, xName] = names;

    const front = new Set(view.study.pareto);
    // Complete full-fidelity trials with both values, the ones the server's Pareto set uses.
    const complete = view.trials.filter(t => t.state === 'COMPLETE'
      && t.metrics[xName] !== null && t.metrics[xName] !== undefined
      && t.metrics[yName] !== null && t.metrics[yName] !== undefined
      && t.attributes.fidelity_full !== 'false');
    const point = t => ({ value: [t.metrics[xName], t.metrics[yName]], name: '#' + t.number });
    const frontTrials = complete.filter(t => front.has(t.number))
      .sort((a, b) => a.metrics[xName] - b.metrics[xName]);

    const option = baseOption(names[1], names[0]);
    option.series = [
      {
        name: 'dominated trial', type: 'scatter', symbol: 'circle', symbolSize: 7,
        itemStyle: { color: COLORS.other },
        data: complete.filter(t => !front.has(t.number)).map(point)
      },
      {
        name: 'Pareto set', type: 'scatter', symbol: 'circle', symbolSize: 10,
        itemStyle: { color: COLORS.front }, z: 3,
        data: frontTrials.map(point)
      },
      {
        name: 'Pareto front', type: 'line', showSymbol: false, silent: true,
        lineStyle: { color: COLORS.front, width: 1.5, type: 'dashed' },
        data: names.length === 2 ? frontTrials.map(t => point(t).value) : []
      }
    ];
    chart('pareto-chart').setOption(option, true);
  }

  function renderIntermediate() {
    const intermediate = view.study.intermediate;
    const note = document.getElementById('intermediate-note');
    const metrics = intermediate.metrics;
    if (metrics.length === 0) {
      note.hidden = false;
      note.textContent = 'No trial has reported intermediate values. Evaluators report them '
        + 'while a trial runs, such as accuracy after each epoch under a scheduler.';
      document.getElementById('intermediate-metric').hidden = true;
      document.getElementById('intermediate-chart').hidden = true;
      return;
    }
    note.hidden = true;
    document.getElementById('intermediate-chart').hidden = false;
    view.intermediateMetric = fillSelect('intermediate-metric', metrics, view.intermediateMetric,
      metric => {
        view.intermediateMetric = metric;
        renderIntermediate();
      });
    const curves = intermediate.curves[view.intermediateMetric] || [];
    const option = baseOption('step', view.intermediateMetric);
    option.tooltip = { trigger: 'item', formatter: p => p.seriesName + ': ' + p.value[1] };
    option.series = curves.map(curve => ({
      name: 'trial ' + curve.trial, type: 'line', symbol: 'circle', symbolSize: 4,
      lineStyle: { width: 1.2, type: curve.state === 'PRUNED' ? 'dashed' : 'solid' },
      itemStyle: { color: LINE_COLORS[curve.trial % LINE_COLORS.length] },
      data: curve.points
    }));
    chart('intermediate-chart').setOption(option, true);
    charts['intermediate-chart'].resize();
  }

  function renderImportance() {
    const importance = view.study.importance;
    const note = document.getElementById('importance-note');
    const container = document.getElementById('importance-chart');
    if (!importance.available) {
      container.hidden = true;
      note.textContent = importance.reason;
      return;
    }
    container.hidden = false;
    // One bar row of about 22 px per decision, so spaces with many decisions stay legible.
    container.style.height = Math.max(250, 22 * importance.decisions.length + 50) + 'px';
    note.textContent = importance.method + ' Computed from ' + importance.trials
      + ' complete trials, for ' + importance.objective + '.';
    const decisions = importance.decisions.slice().reverse();
    chart('importance-chart').setOption({
      animation: false,
      grid: { left: 110, right: 24, top: 10, bottom: 36 },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', name: 'share of variance', nameLocation: 'middle', nameGap: 24,
        min: 0, max: v => Math.min(1, Math.max(0.1, Math.ceil(v.max * 10 + 0.5) / 10)) },
      yAxis: { type: 'category', data: decisions.map(d => d.decision) },
      series: [{
        type: 'bar', itemStyle: { color: COLORS.bar },
        data: decisions.map(d => Number(d.share.toFixed(4)))
      }]
    }, true);
    charts['importance-chart'].resize();
  }

  // ---- Trials table ----

  function columns() {
    const metrics = view.study.metrics.map(m => ({
      key: 'metric:' + m, title: m, numeric: true, value: t => t.metrics[m]
    }));
    return [
      { key: 'number', title: '#', numeric: true, value: t => t.number },
      { key: 'state', title: 'state', value: t => t.state },
      { key: 'architecture', title: 'architecture', value: t => t.architecture },
      ...metrics,
      { key: 'duration', title: 'duration (s)', numeric: true, value: t => t.duration_s }
    ];
  }

  function compare(column, ascending) {
    return (a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      if (x === null || x === undefined) {
        return (y === null || y === undefined) ? a.number - b.number : 1;
      }
      if (y === null || y === undefined) {
        return -1;
      }
      const order = column.numeric ? x - y : String(x).localeCompare(String(y));
      return (ascending ? order : -order) || a.number - b.number;
    };
  }

  function renderTable() {
    const cols = columns();
    const sortColumn = cols.find(c => c.key === view.sortKey) || cols[0];
    const header = document.querySelector('#trials thead tr');
    header.replaceChildren(...cols.map(c => {
      const sorted = c.key === sortColumn.key
        ? (view.sortAscending ? 'sorted-asc' : 'sorted-desc') : '';
      const th = Dash.el('th', { class: (c.numeric ? 'num ' : '') + sorted,
        'data-key': c.key }, [c.title]);
      th.addEventListener('click', () => {
        view.sortAscending = view.sortKey === c.key ? !view.sortAscending : true;
        view.sortKey = c.key;
        history.replaceState(null, '', '#sort=' + encodeURIComponent(c.key)
          + (view.sortAscending ? ':asc' : ':desc'));
        renderTable();
      });
      return th;
    }));
    const front = new Set(view.study.pareto);
    const rows = view.trials.slice().sort(compare(sortColumn, view.sortAscending)).map(t => {
      const cells = cols.map(c => {
        if (c.key === 'state') {
          return Dash.el('td', {}, [Dash.el('span', { class: 'badge ' + t.state }, [t.state])]);
        }
        if (c.key === 'architecture') {
          return Dash.el('td', { class: 'mono' }, Dash.breakable(t.architecture));
        }
        const value = c.value(t);
        const td = Dash.el('td', { class: c.numeric ? 'num' : '' },
          [c.numeric ? Dash.number(value) : String(value)]);
        if (c.key === 'number' && view.study.best === t.number && front.size === 0) {
          td.append(Dash.el('span', { class: 'tag best' }, ['best']));
        }
        if (c.key === 'number' && front.has(t.number)) {
          td.append(Dash.el('span', { class: 'tag' }, ['Pareto']));
        }
        return td;
      });
      const row = Dash.el('tr', { 'data-trial': t.number,
        class: t.number === view.selected ? 'selected' : null }, cells);
      row.addEventListener('click', () => select(t.number));
      return row;
    });
    document.querySelector('#trials tbody').replaceChildren(...rows);
  }

  // ---- Architecture drawing ----

  function defaultTrial() {
    if (view.study.best !== null) {
      return view.study.best;
    }
    return view.trials.length > 0 ? view.trials[view.trials.length - 1].number : null;
  }

  async function select(number) {
    view.selected = number;
    document.querySelectorAll('#trials tbody tr').forEach(row =>
      row.classList.toggle('selected', Number(row.dataset.trial) === number));
    await drawSelected();
  }

  async function drawSelected() {
    if (view.selected === null || view.selected === view.drawn || !view.study.drawable) {
      return;
    }
    const number = view.selected;
    document.getElementById('drawing-trial').textContent = '#' + number;
    try {
      const drawing = JSON.parse(await Dash.fetchText('/api/graph?study=' + query
        + '&trial=' + number));
      view.drawn = number;
      document.getElementById('drawing-architecture').textContent = drawing.architecture;
      ArchDrawing.render(document.getElementById('drawing'), drawing);
    } catch (error) {
      document.getElementById('drawing').replaceChildren(
        Dash.el('p', { class: 'note' }, [error.message]));
    }
  }

  // ---- Refresh ----

  function render() {
    renderSummary();
    renderBest();
    renderHistory();
    renderPareto();
    renderIntermediate();
    renderImportance();
    if (view.selected === null) {
      view.selected = defaultTrial();
    }
    renderTable();
    return drawSelected();
  }

  async function refresh() {
    try {
      const [studyText, trialsText] = await Promise.all([
        Dash.fetchText('/api/study?name=' + query),
        Dash.fetchText('/api/trials?study=' + query)
      ]);
      if (studyText + trialsText !== view.lastText) {
        view.lastText = studyText + trialsText;
        view.study = JSON.parse(studyText);
        view.trials = JSON.parse(trialsText).trials;
        await render();
      }
      Dash.status('updated ' + Dash.clock());
    } catch (error) {
      Dash.status(error.message, true);
    }
  }

  /** Reads a sort order such as #sort=metric%3Aparams:desc from the address. */
  function readSortFromAddress() {
    const match = /^#sort=(.+):(asc|desc)$/.exec(location.hash);
    if (match) {
      view.sortKey = decodeURIComponent(match[1]);
      view.sortAscending = match[2] === 'asc';
    }
  }

  readSortFromAddress();
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  Dash.poll(refresh, pollMs);
})();
