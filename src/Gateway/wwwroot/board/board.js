// IVIG operations board: active infusions, a live alert feed with acknowledge, and ops metrics.
// Plain JavaScript, no build step and no dependencies. Every data call goes to this page's own
// origin (the gateway's JSON routes, docs/clients.md) with the signed-in user's bearer token.
// Nothing is written with innerHTML: every value from the API reaches the page as text.
'use strict';

(() => {
  const TOKEN_KEY = 'ivig.board.token';
  const API = '/v1/monitoring';
  const LIST_REFRESH_MS = 5000;       // the infusion list is also refreshed right after each new alert
  const ALERT_REFRESH_DEBOUNCE_MS = 150;
  const RECONNECT_MIN_MS = 1000;
  const RECONNECT_MAX_MS = 15000;
  const STABLE_STREAM_MS = 10000;     // a watch that lasted this long resets the reconnect back-off
  const LISTENING_AFTER_MS = 2000;    // a watch request pending this long without a refusal is open

  const $ = id => document.getElementById(id);

  const state = {
    token: null,
    generation: 0,                    // bumped on sign-in/out: stale loops and responses stop
    streamAbort: null,
    listTimer: null,
    refreshTimer: null,
    infusions: new Map(),             // infusion id -> latest infusion seen (list or GetInfusion)
    activeIds: [],                    // ids in the last ListActiveInfusions answer, in its order
    listedAt: null,
    seenInfusions: new Set(),         // every infusion id seen since the page opened (metrics)
    alerts: new Map(),                // alert id -> latest version of the alert
    reactions: new Map(),             // reaction id -> kind, every reaction seen (metrics)
    lastRaised: null,                 // { id, key }: the latest-raised alert seen, to resume the stream after it
  };

  // ---------------------------------------------------------------- token

  function decodeToken(token) {
    const parts = token.split('.');
    if (parts.length !== 3) {
      throw new Error('That is not a JWT (three dot-separated parts).');
    }
    try {
      const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
      const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, c => c.charCodeAt(0))));
      const roles = [].concat(claims.role ?? claims.roles ?? []);
      return { subject: String(claims.sub ?? ''), roles, expires: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null };
    } catch {
      throw new Error('The token payload could not be read.');
    }
  }

  function signIn(token) {
    token = token.trim().replace(/^Bearer\s+/i, '');
    const claims = decodeToken(token); // shown to the user only; the gateway is what validates it
    if (claims.expires && claims.expires.getTime() <= Date.now()) {
      throw new Error('This token has expired: mint a new one.');
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    start(token, claims);
  }

  function signOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    stop();
    $('board').hidden = true;
    $('sign-in').hidden = false;
    $('sign-out').hidden = true;
    $('who').textContent = '';
    $('sign-in-error').textContent = message ?? '';
    setStreamStatus('off', 'not connected');
  }

  // ---------------------------------------------------------------- lifecycle

  function start(token, claims) {
    stop();
    state.token = token;
    const generation = ++state.generation;
    $('sign-in').hidden = true;
    $('board').hidden = false;
    $('sign-out').hidden = false;
    $('token-input').value = '';
    $('sign-in-error').textContent = '';
    const roles = claims.roles.length ? claims.roles.join(', ') : 'no roles';
    $('who').textContent = `${claims.subject || '(no subject)'} · ${roles}`
      + (claims.expires ? ` · until ${formatTime(claims.expires.toISOString())}` : '');
    if (!claims.roles.includes('ops')) {
      showError('This token has no ops role: the gateway may refuse the board\'s calls.');
    }
    render();
    refreshList(generation);
    state.listTimer = setInterval(() => refreshList(generation), LIST_REFRESH_MS);
    watchAlerts(generation);
  }

  function stop() {
    state.generation++;
    state.token = null;
    state.streamAbort?.abort();
    state.streamAbort = null;
    clearInterval(state.listTimer);
    clearTimeout(state.refreshTimer);
    state.infusions.clear();
    state.activeIds = [];
    state.listedAt = null;
    state.seenInfusions.clear();
    state.alerts.clear();
    state.reactions.clear();
    state.lastRaised = null;
    hideError();
  }

  // ---------------------------------------------------------------- API

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function apiError(response) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (body?.message) {
        message = `${response.status}: ${body.message}`;
      }
    } catch {
      // No JSON body (401/403 from the gateway carry none).
    }
    if (response.status === 401) {
      message = 'The gateway refused the token (expired, or not a token of this suite). Sign in again.';
    } else if (response.status === 403) {
      message = 'This token may not do that: the board needs the ops role.';
    } else if (response.status === 429) {
      message = 'Rate limited by the gateway; retrying.';
    }
    return new ApiError(response.status, message);
  }

  async function api(path, init = {}) {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${state.token}`);
    const response = await fetch(path, { ...init, headers, cache: 'no-store', credentials: 'omit' });
    if (!response.ok) {
      throw await apiError(response);
    }
    return response.json();
  }

  function handleAuthFailure(error, generation) {
    if (generation === state.generation && error instanceof ApiError && error.status === 401) {
      signOut(error.message);
      return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- infusions

  async function refreshList(generation) {
    try {
      const active = [];
      let pageToken = '';
      do {
        const query = new URLSearchParams({ pageSize: '500' });
        if (pageToken) {
          query.set('pageToken', pageToken);
        }
        const page = await api(`${API}/infusions?${query}`);
        if (generation !== state.generation) {
          return;
        }
        for (const infusion of page.infusions ?? []) {
          rememberInfusion(infusion);
          active.push(infusion.infusionId);
        }
        pageToken = page.nextPageToken ?? '';
      } while (pageToken);
      state.activeIds = active;
      state.listedAt = new Date();
      hideError('list');
      render();
    } catch (error) {
      if (generation !== state.generation || handleAuthFailure(error, generation)) {
        return;
      }
      showError(`Active infusions could not be read: ${error.message}`, 'list');
    }
  }

  async function refreshInfusion(infusionId, generation) {
    try {
      const reply = await api(`${API}/infusions/${encodeURIComponent(infusionId)}`);
      if (generation === state.generation && reply.infusion) {
        rememberInfusion(reply.infusion);
        render();
      }
    } catch (error) {
      handleAuthFailure(error, generation);
      // Otherwise the next list refresh will do.
    }
  }

  function rememberInfusion(infusion) {
    const known = state.infusions.get(infusion.infusionId);
    if (known && Number(known.version) > Number(infusion.version)) {
      return; // an older answer arriving late
    }
    state.infusions.set(infusion.infusionId, infusion);
    state.seenInfusions.add(infusion.infusionId);
    for (const reaction of infusion.reactions ?? []) {
      state.reactions.set(reaction.reactionId, reaction.kind);
    }
  }

  function scheduleRefreshAfterAlert(generation) {
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(() => refreshList(generation), ALERT_REFRESH_DEBOUNCE_MS);
  }

  // ---------------------------------------------------------------- alert stream

  // WatchAlerts over the JSON route: the body is one JSON object per message ({"alert": {...}},
  // newline-separated); an error after the stream started arrives as a status object ({"code": ...}).
  // The splitter does not rely on the newlines: it cuts complete top-level JSON values.
  function jsonValueSplitter(onValue) {
    let buffer = '';
    let position = 0;
    let depth = 0;
    let inString = false;
    let escaped = false;
    let startAt = -1;
    return text => {
      buffer += text;
      for (; position < buffer.length; position++) {
        const c = buffer[position];
        if (inString) {
          if (escaped) {
            escaped = false;
          } else if (c === '\\') {
            escaped = true;
          } else if (c === '"') {
            inString = false;
          }
        } else if (c === '"') {
          inString = true;
        } else if (c === '{' || c === '[') {
          if (depth++ === 0) {
            startAt = position;
          }
        } else if (c === '}' || c === ']') {
          if (--depth === 0) {
            const value = JSON.parse(buffer.slice(startAt, position + 1));
            buffer = buffer.slice(position + 1);
            position = -1;
            startAt = -1;
            onValue(value);
          }
        }
      }
    };
  }

  async function watchAlerts(generation) {
    let backoff = RECONNECT_MIN_MS;
    while (generation === state.generation) {
      const abort = new AbortController();
      state.streamAbort = abort;
      const requestedAt = Date.now();
      let problem = null;
      try {
        const query = new URLSearchParams();
        if (state.lastRaised) {
          query.set('afterAlertId', state.lastRaised.id);
        }
        setStreamStatus('pending', state.lastRaised ? 'resuming…' : 'connecting…');
        // The service sends the response headers with its first message: on a quiet ward the
        // request stays pending while the stream is in fact open. Refusals (401, 403, 4xx, 5xx)
        // come back at once, so a request still pending after a moment is taken as listening.
        const listening = setTimeout(() => {
          if (generation === state.generation) {
            setStreamStatus('live', 'listening');
          }
        }, LISTENING_AFTER_MS);
        let response;
        try {
          response = await fetch(`${API}/alerts/watch${query.size ? `?${query}` : ''}`, {
            headers: { authorization: `Bearer ${state.token}`, accept: 'application/json' },
            cache: 'no-store',
            credentials: 'omit',
            signal: abort.signal,
          });
        } finally {
          clearTimeout(listening);
        }
        if (!response.ok) {
          const error = await apiError(response);
          if (error.status === 404 && state.lastRaised) {
            // The alert we would resume after is gone (a wiped store): start over from the active ones.
            state.lastRaised = null;
            continue;
          }
          throw error;
        }
        setStreamStatus('live', 'live');
        hideError('stream');
        const split = jsonValueSplitter(message => onStreamMessage(message, generation));
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done || generation !== state.generation) {
            break;
          }
          split(value);
        }
        problem = 'the alert stream ended';
      } catch (error) {
        if (generation !== state.generation) {
          return;
        }
        if (handleAuthFailure(error, generation)) {
          return;
        }
        if (error instanceof ApiError && error.status === 403) {
          showError(error.message, 'stream');
          setStreamStatus('off', 'no access');
          return;
        }
        problem = error.message || String(error);
      }
      if (generation !== state.generation) {
        return;
      }
      // A watch that lasted (open, or pending on a quiet ward until a proxy timeout) was no failure to back off from.
      if (Date.now() - requestedAt >= STABLE_STREAM_MS) {
        backoff = RECONNECT_MIN_MS;
      }
      setStreamStatus('pending', `reconnecting in ${Math.round(backoff / 1000)} s`);
      console.info(`board: ${problem}; reconnecting in ${backoff} ms`);
      await new Promise(resolve => setTimeout(resolve, backoff));
      backoff = Math.min(backoff * 2, RECONNECT_MAX_MS);
    }
  }

  function onStreamMessage(message, generation) {
    if (generation !== state.generation) {
      return;
    }
    if (message && typeof message.code === 'number' && !message.alert) {
      // A gRPC status written into the stream: the stream is over; the loop reconnects.
      showError(`Alert stream: ${message.message || `status ${message.code}`}`, 'stream');
      return;
    }
    const alert = message?.alert;
    if (!alert?.alertId) {
      return;
    }
    const isNew = !state.alerts.has(alert.alertId);
    state.alerts.set(alert.alertId, alert);
    if (alert.infusionId) {
      state.seenInfusions.add(alert.infusionId);
    }
    const key = timestampKey(alert.raisedAt);
    if (!state.lastRaised || key >= state.lastRaised.key) {
      state.lastRaised = { id: alert.alertId, key };
    }
    render();
    if (isNew && alert.infusionId) {
      // A new alert usually means a changed infusion (reaction, rate, state): read it now.
      refreshInfusion(alert.infusionId, generation);
      scheduleRefreshAfterAlert(generation);
    }
  }

  async function acknowledge(alertId, button) {
    const generation = state.generation;
    button.disabled = true;
    button.textContent = 'Acknowledging…';
    try {
      const reply = await api(`${API}/alerts/${encodeURIComponent(alertId)}/acknowledge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      if (generation === state.generation && reply.alert) {
        state.alerts.set(reply.alert.alertId, reply.alert);
        hideError('ack');
        render();
      }
    } catch (error) {
      if (handleAuthFailure(error, generation)) {
        return;
      }
      showError(`Acknowledge failed: ${error.message}`, 'ack');
      button.disabled = false;
      button.textContent = 'Acknowledge';
    }
  }

  // ---------------------------------------------------------------- rendering

  function render() {
    renderMetrics();
    renderAlerts();
    renderInfusions();
  }

  function renderMetrics() {
    $('m-active').textContent = String(state.activeIds.length);
    const infusionsSeen = state.seenInfusions.size;
    const alertsSeen = state.alerts.size;
    $('m-alert-rate').textContent = infusionsSeen ? (alertsSeen / infusionsSeen * 100).toFixed(1) : '—';
    $('m-alert-rate-detail').textContent = `${alertsSeen} alert${alertsSeen === 1 ? '' : 's'} / ${infusionsSeen} infusion${infusionsSeen === 1 ? '' : 's'} seen`;
    const byGrade = new Map();
    for (const kind of state.reactions.values()) {
      const name = enumName(kind, 'REACTION_KIND_');
      byGrade.set(name, (byGrade.get(name) ?? 0) + 1);
    }
    $('m-reactions').textContent = byGrade.size
      ? [...byGrade.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([grade, n]) => `${grade} ${n}`).join(' · ')
      : 'none';
    $('m-overrides').textContent = '—';
  }

  function renderAlerts() {
    const body = $('alerts-body');
    const alerts = [...state.alerts.values()].sort((a, b) => timestampKey(b.raisedAt).localeCompare(timestampKey(a.raisedAt)));
    const rows = alerts.map(alert => {
      const row = document.createElement('tr');
      const alertState = enumName(alert.state, 'ALERT_STATE_');
      const severity = enumName(alert.severity, 'ALERT_SEVERITY_');
      row.dataset.alertId = alert.alertId;
      row.dataset.state = alertState;
      row.className = `alert sev-${severity.toLowerCase()} state-${alertState.toLowerCase()}`;
      const infusion = state.infusions.get(alert.infusionId);
      cell(row, formatTime(alert.raisedAt));
      cell(row, severity, 'sev');
      cell(row, alert.ruleId);
      cell(row, alert.message, 'message');
      cell(row, shortId(alert.infusionId), 'mono', alert.infusionId);
      cell(row, infusion?.patientReference ?? '…', 'mono');
      const stateCell = cell(row, alertState, 'alert-state');
      if (alert.acknowledgedBy?.subject) {
        const by = document.createElement('div');
        by.className = 'detail';
        by.textContent = `by ${alert.acknowledgedBy.subject}${alert.acknowledgedAt ? ` at ${formatTime(alert.acknowledgedAt)}` : ''}`;
        stateCell.append(by);
      }
      const actions = cell(row, '');
      if (alertState === 'ACTIVE') {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'ack';
        button.textContent = 'Acknowledge';
        button.addEventListener('click', () => acknowledge(alert.alertId, button));
        actions.append(button);
      }
      return row;
    });
    const pendingButtons = new Map([...body.querySelectorAll('button.ack:disabled')].map(b => [b.closest('tr').dataset.alertId, b]));
    body.replaceChildren(...rows.map(row => {
      // Keep an acknowledge that is in flight (disabled button) until its answer re-renders the row.
      const pending = pendingButtons.get(row.dataset.alertId);
      if (pending && row.dataset.state === 'ACTIVE') {
        row.lastElementChild.replaceChildren(pending);
      }
      return row;
    }));
    const active = alerts.filter(a => a.state === 'ALERT_STATE_ACTIVE').length;
    $('alerts-count').textContent = alerts.length ? `(${active} active, ${alerts.length} seen)` : '';
    $('alerts-empty').hidden = alerts.length > 0;
  }

  function renderInfusions() {
    const body = $('infusions-body');
    const rows = state.activeIds.map(id => state.infusions.get(id)).filter(Boolean).map(infusion => {
      const row = document.createElement('tr');
      const infusionState = enumName(infusion.state, 'INFUSION_STATE_');
      row.dataset.infusionId = infusion.infusionId;
      row.className = `infusion state-${infusionState.toLowerCase()}`;
      cell(row, shortId(infusion.infusionId), 'mono', infusion.infusionId);
      cell(row, infusion.patientReference, 'mono');
      cell(row, infusion.productId);
      cell(row, String(infusion.day ?? ''), 'num');
      cell(row, String(infusion.currentStep ?? 0), 'num');
      cell(row, formatRate(infusion.currentRate?.mlPerHour), 'num');
      cell(row, infusionState, 'infusion-state');
      const reactions = (infusion.reactions ?? []).filter(r => r.active)
        .map(r => `${enumName(r.kind, 'REACTION_KIND_')}${r.ruleId ? ` (${r.ruleId})` : ''}`);
      cell(row, reactions.length ? reactions.join(', ') : '—', reactions.length ? 'reaction' : '');
      cell(row, formatTime(infusion.startedAt));
      return row;
    });
    body.replaceChildren(...rows);
    $('infusions-empty').hidden = rows.length > 0;
    $('infusions-refreshed').textContent = state.listedAt ? `(refreshed ${state.listedAt.toLocaleTimeString('en-GB')})` : '';
  }

  function cell(row, text, className, title) {
    const td = document.createElement('td');
    td.textContent = text ?? '';
    if (className) {
      td.className = className;
    }
    if (title) {
      td.title = title;
    }
    row.append(td);
    return td;
  }

  // ---------------------------------------------------------------- status and errors

  function setStreamStatus(kind, text) {
    const pill = $('stream-status');
    pill.className = `pill pill-${kind}`;
    pill.textContent = `alerts: ${text}`;
  }

  const errors = new Map();

  function showError(message, source = 'general') {
    errors.set(source, message);
    renderErrors();
  }

  function hideError(source) {
    if (source === undefined) {
      errors.clear();
    } else {
      errors.delete(source);
    }
    renderErrors();
  }

  function renderErrors() {
    const banner = $('board-error');
    banner.textContent = [...errors.values()].join(' · ');
    banner.hidden = errors.size === 0;
  }

  // ---------------------------------------------------------------- formatting

  function enumName(value, prefix) {
    const text = String(value ?? '');
    return text.startsWith(prefix) ? text.slice(prefix.length) : (text || 'UNSPECIFIED');
  }

  // RFC 3339 timestamps with 0-9 fraction digits: a key that sorts in time order as a string.
  function timestampKey(value) {
    const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(value ?? '');
    return match ? match[1] + (match[2] ?? '').padEnd(9, '0') : String(value ?? '');
  }

  function formatTime(value) {
    if (!value) {
      return '';
    }
    const millis = Date.parse(String(value).replace(/(\.\d{3})\d+/, '$1'));
    return Number.isNaN(millis) ? String(value) : new Date(millis).toLocaleTimeString('en-GB');
  }

  function formatRate(value) {
    return typeof value === 'number' ? value.toFixed(1) : '—';
  }

  function shortId(id) {
    return id ? String(id).slice(0, 8) : '';
  }

  // ---------------------------------------------------------------- wiring

  function trySignIn() {
    try {
      signIn($('token-input').value);
    } catch (error) {
      $('sign-in-error').textContent = error.message;
    }
  }

  $('sign-in-button').addEventListener('click', trySignIn);
  $('token-input').addEventListener('keydown', event => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      trySignIn();
    }
  });
  $('sign-out').addEventListener('click', () => signOut());

  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) {
    try {
      signIn(saved);
    } catch (error) {
      signOut(error.message);
    }
  }
})();
