/* The list of studies: one row per study, refreshed by polling /api/studies. */
'use strict';

(function () {
  const pollMs = Number(document.body.dataset.pollMs) || 0;
  const STATES = ['COMPLETE', 'RUNNING', 'PRUNED', 'FAILED', 'STALE', 'SKIPPED'];
  let lastText = '';

  function row(study) {
    const link = Dash.el('a', { href: '/study?name=' + encodeURIComponent(study.name) },
      [study.name]);
    const cells = [
      Dash.el('td', {}, [link]),
      Dash.el('td', {}, [study.space]),
      Dash.el('td', {}, [study.dataset || '']),
      Dash.el('td', {}, [study.strategy]),
      Dash.el('td', { class: 'mono' }, [study.objectives.join(' ')])
    ];
    STATES.forEach(state => cells.push(
      Dash.el('td', { class: 'num' }, [String(study.counts[state])])));
    cells.push(Dash.el('td', { class: 'num' }, [String(study.counts.total)]));
    cells.push(Dash.el('td', {}, [study.created.replace('T', ' ').slice(0, 19)]));
    return Dash.el('tr', { 'data-study': study.name }, cells);
  }

  function render(view) {
    const body = document.querySelector('#studies tbody');
    body.replaceChildren(...view.studies.map(row));
    document.getElementById('empty').hidden = view.studies.length > 0;
  }

  async function refresh() {
    try {
      const text = await Dash.fetchText('/api/studies');
      if (text !== lastText) {
        lastText = text;
        render(JSON.parse(text));
      }
      Dash.status('updated ' + Dash.clock());
    } catch (error) {
      Dash.status(error.message, true);
    }
  }

  Dash.poll(refresh, pollMs);
})();
