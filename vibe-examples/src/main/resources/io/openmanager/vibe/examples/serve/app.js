// vibe serve's dashboard: /api/fleet and /api/servers/<host>/series once, then /events (Server-Sent Events).
(function () {
  'use strict';
  var TEXT = {
    en: {
      title: 'Vibe live monitoring', simTime: 'Simulated time', fleetHealth: 'Fleet health', servers: 'Servers',
      memory: 'Memory', disk: 'Disk', lastHour: '(last hour)', incidents: 'Incidents', predictions: 'Predictions',
      anomalies: 'Anomalies', recommendations: 'Recommendations', none: 'none', health: 'health',
      anomalyScore: 'anomaly score', connected: 'live', reconnecting: 'reconnecting…', origin: 'origin',
      affects: 'affects', reaches: 'reaches', inTime: 'in', since: 'since', until: 'until',
      healthy: 'healthy', warning: 'warning', critical: 'critical', offline: 'offline'
    },
    ko: {
      title: 'Vibe 실시간 모니터링', simTime: '시뮬레이션 시각', fleetHealth: '전체 상태 점수', servers: '서버',
      memory: '메모리', disk: '디스크', lastHour: '(최근 1시간)', incidents: '장애', predictions: '예측',
      anomalies: '이상 징후', recommendations: '권장 조치', none: '없음', health: '상태 점수',
      anomalyScore: '이상 점수', connected: '실시간', reconnecting: '다시 연결 중…', origin: '발생 서버',
      affects: '영향', reaches: '도달', inTime: '남은 시간', since: '시작', until: '종료',
      healthy: '정상', warning: '경고', critical: '심각', offline: '오프라인'
    }
  };
  var COLORS = ['#4fc3f7', '#ba68c8', '#ffb74d'];
  var state = { lang: 'en', fleet: null, charts: {}, cards: {}, stepMillis: 5000, windowPoints: 720, dirty: {} };

  function t(key) { return (TEXT[state.lang] || TEXT.en)[key] || key; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function getJson(url) {
    return fetch(url, { cache: 'no-store' }).then(function (r) {
      if (!r.ok) { throw new Error(url + ': HTTP ' + r.status); }
      return r.json();
    });
  }
  function fmt(v, digits) { return v === null || v === undefined ? '–' : v.toFixed(digits); }
  function time(iso) { return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ''); }
  function duration(seconds) {
    var m = Math.max(1, Math.round(seconds / 60));
    return m >= 60 ? Math.floor(m / 60) + 'h' + (m % 60 ? (m % 60) + 'm' : '') : m + 'm';
  }

  function applyLanguage(lang) {
    state.lang = TEXT[lang] ? lang : 'en';
    document.documentElement.lang = state.lang;
    try { localStorage.setItem('vibe.lang', state.lang); } catch (e) { /* private mode */ }
    document.querySelectorAll('[data-i18n]').forEach(function (e) { e.textContent = t(e.getAttribute('data-i18n')); });
    document.getElementById('lang-en').classList.toggle('active', state.lang === 'en');
    document.getElementById('lang-ko').classList.toggle('active', state.lang === 'ko');
    if (state.fleet) { renderPanels(state.fleet); }
  }

  function buildCard(server) {
    var card = el('div', 'card ' + server.status);
    card.setAttribute('data-server', server.server);
    var top = el('div', 'top');
    top.appendChild(el('span', 'dot'));
    top.appendChild(el('span', 'name', server.server));
    var score = el('span', 'score');
    top.appendChild(score);
    card.appendChild(top);
    card.appendChild(el('div', 'meta', server.role + ' · ' + server.environment));
    var bars = el('div', 'bars');
    var cells = [];
    ['CPU', 'MEM', 'DISK'].forEach(function (label, i) {
      bars.appendChild(el('span', null, label));
      var bar = el('div', 'bar');
      var fill = el('span');
      fill.style.background = COLORS[i];
      bar.appendChild(fill);
      bars.appendChild(bar);
      var value = el('span');
      bars.appendChild(value);
      cells.push({ fill: fill, value: value });
    });
    card.appendChild(bars);
    var anomaly = el('div', 'anomaly');
    card.appendChild(anomaly);
    var chart = el('div', 'chart');
    card.appendChild(chart);
    document.getElementById('cards').appendChild(card);
    state.cards[server.server] = { card: card, score: score, cells: cells, anomaly: anomaly, chart: chart };
  }

  function updateCard(name, status, health, values, anomaly) {
    var c = state.cards[name];
    if (!c) { return; }
    c.card.className = 'card ' + status;
    c.card.title = t(status);
    c.score.textContent = health;
    for (var i = 0; i < 3; i++) {
      var v = values[i];
      c.cells[i].fill.style.width = (v === null ? 0 : Math.max(0, Math.min(100, v))) + '%';
      c.cells[i].value.textContent = fmt(v, 1) + '%';
    }
    c.anomaly.textContent = t('anomalyScore') + ' ' + fmt(anomaly, 2);
    c.anomaly.className = 'anomaly' + (anomaly >= 0.5 ? ' high' : '');
  }

  function buildChart(name, series) {
    var c = state.cards[name];
    var data = [series.timestamps.map(function (ms) { return ms / 1000; })];
    for (var m = 0; m < 3; m++) { data.push(series.values[m].slice()); }
    var opts = {
      width: Math.max(150, c.chart.clientWidth), height: 80, legend: { show: false }, cursor: { show: false },
      scales: { x: { time: true }, y: { range: [0, 100] } },
      axes: [{ show: false }, { size: 26, stroke: '#8598a8', grid: { stroke: '#263442', width: 1 },
        ticks: { show: false }, font: '10px system-ui', values: function (u, v) { return v; }, splits: [0, 50, 100] }],
      series: [{}].concat(COLORS.map(function (color) { return { stroke: color, width: 1, points: { show: false } }; }))
    };
    state.charts[name] = { plot: new uPlot(opts, data, c.chart), data: data };
  }

  function appendPoint(name, seconds, values) {
    var chart = state.charts[name];
    if (!chart) { return; }
    var d = chart.data;
    d[0].push(seconds);
    for (var m = 0; m < 3; m++) { d[m + 1].push(values[m]); }
    while (d[0].length > state.windowPoints) { d.forEach(function (a) { a.shift(); }); }
    state.dirty[name] = true;
  }

  function redraw() {
    Object.keys(state.dirty).forEach(function (name) { state.charts[name].plot.setData(state.charts[name].data); });
    state.dirty = {};
  }

  function item(list, cls) {
    var li = el('li', cls);
    list.appendChild(li);
    return li;
  }
  function fill(id, cls, rows, render) {
    var list = document.getElementById(id);
    list.textContent = '';
    if (!rows.length) { item(list, 'empty').textContent = t('none'); }
    rows.forEach(function (row) { render(item(list, cls), row); });
  }

  function renderPanels(f) {
    fill('incidents', 'incident', f.incidents, function (li, i) {
      li.appendChild(el('div', 'sev-critical', i.title));
      li.appendChild(el('div', null, t('origin') + ': ' + i.origin + ' · ' + t('affects') + ': ' +
        Object.keys(i.affected).join(', ')));
      li.appendChild(el('div', 'when', t('since') + ' ' + time(i.start) + ' · ' + t('until') + ' ' + time(i.end)));
    });
    fill('predictions', 'prediction', f.predictions, function (li, p) {
      li.appendChild(el('div', null, p.server + ' ' + p.metric + ' ' + t('reaches') + ' ' + p.level));
      li.appendChild(el('div', 'when', t('inTime') + ' ' + duration(p.secondsToThreshold) + ' (' +
        time(p.expectedCrossing) + ', p=' + fmt(p.probability, 2) + ')'));
    });
    fill('anomalies', 'anomaly-item', f.anomalies.slice(0, 20), function (li, a) {
      li.appendChild(el('div', 'sev-' + a.severity, a.server + ' · ' + a.metric + ' · ' + fmt(a.score, 2)));
      li.appendChild(el('div', null, a.explanation));
      li.appendChild(el('div', 'when', time(a.timestamp)));
    });
    fill('recommendations', 'recommendation', f.recommendations.slice(0, 20), function (li, r) {
      li.appendChild(el('div', 'sev-' + r.severity, r.server + ': ' + r.action));
      li.appendChild(el('div', null, r.reason));
      li.appendChild(el('div', 'when', time(r.timestamp)));
    });
    document.getElementById('summary').textContent = f.healthSummary;
  }

  function renderHeader(tick) {
    document.getElementById('clock').textContent = time(tick.timestamp);
    document.getElementById('health-score').textContent = fmt(tick.health.score, 1);
    ['healthy', 'warning', 'critical', 'offline'].forEach(function (level) {
      var e = document.getElementById('count-' + level);
      e.textContent = tick.health[level] || 0;
      e.title = t(level);
    });
  }

  var refreshing = false;
  var refreshAgain = false;
  function refreshPanels() {
    if (refreshing) { refreshAgain = true; return; }
    refreshing = true;
    getJson('/api/fleet').then(function (f) {
      state.fleet = f;
      renderPanels(f);
    }).catch(function (e) { console.warn(e.message); }).then(function () {
      refreshing = false;
      if (refreshAgain) { refreshAgain = false; setTimeout(refreshPanels, 500); }
    });
  }

  function listen() {
    var source = new EventSource('/events');
    var status = document.getElementById('connection');
    var activeIncidents = '';
    source.onopen = function () { status.textContent = t('connected'); };
    source.onerror = function () { status.textContent = t('reconnecting'); };
    source.onmessage = function (message) {
      var event = JSON.parse(message.data);
      if (event.type === 'tick') {
        renderHeader(event);
        var seconds = Date.parse(event.timestamp) / 1000;
        event.servers.forEach(function (s) {
          updateCard(s.server, s.status, s.health, s.values, s.anomaly);
          appendPoint(s.server, seconds, s.values);
        });
        var incidents = event.incidents.join(',');
        if (incidents !== activeIncidents) { activeIncidents = incidents; refreshPanels(); }
      } else if (event.type === 'anomaly' || event.type === 'prediction' || event.type === 'recommendation' ||
                 event.type.indexOf('scenario_') === 0) {
        refreshPanels();
      }
    };
  }

  function start() {
    var saved = null;
    try { saved = localStorage.getItem('vibe.lang'); } catch (e) { /* private mode */ }
    document.getElementById('lang-en').onclick = function () { applyLanguage('en'); };
    document.getElementById('lang-ko').onclick = function () { applyLanguage('ko'); };
    getJson('/api/fleet').then(function (f) {
      state.fleet = f;
      state.stepMillis = f.stepMillis;
      state.windowPoints = f.historyPoints;
      document.getElementById('speed').textContent = f.speed;
      document.getElementById('server-count').textContent = f.servers.length;
      applyLanguage(saved || f.lang);
      f.servers.forEach(function (s) { buildCard(s); updateCard(s.server, s.status, s.health, s.values, 0); });
      renderHeader(f);
      renderPanels(f);
      return Promise.all(f.servers.map(function (s) {
        return getJson('/api/servers/' + encodeURIComponent(s.server) + '/series').then(function (series) {
          buildChart(s.server, series);
        });
      }));
    }).then(function () {
      listen();
      setInterval(redraw, 1000);
      setInterval(refreshPanels, 10000);
    }).catch(function (e) {
      document.getElementById('connection').textContent = e.message;
    });
  }

  window.addEventListener('load', start);
}());
