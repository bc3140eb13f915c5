/* Helpers shared by the dashboard pages. */
'use strict';

const Dash = {
  /** Fetches url and returns its body as text; rejects with the API's error message. */
  async fetchText(url) {
    const response = await fetch(url, { cache: 'no-store' });
    const text = await response.text();
    if (!response.ok) {
      let message = 'HTTP ' + response.status;
      try {
        message = JSON.parse(text).error || message;
      } catch (ignored) {
        // The body is not JSON; keep the status line.
      }
      throw new Error(message);
    }
    return text;
  },

  /** Creates an element with attributes and children (strings become text nodes). */
  el(tag, attributes, children) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value !== null && value !== undefined && value !== false) {
        element.setAttribute(name, value === true ? '' : String(value));
      }
    });
    (children || []).forEach(child => element.append(child));
    return element;
  },

  /**
   * Returns an architecture string as text nodes with a line break opportunity after
   * each '+' and ',', so a table cell wraps between the groups of a cell string or the
   * pairs of a choice string.
   */
  breakable(text) {
    const parts = [];
    text.split(/(?<=[+,])/).forEach((part, i) => {
      if (i > 0) {
        parts.push(document.createElement('wbr'));
      }
      parts.push(part);
    });
    return parts;
  },

  /** Formats a metric value: four significant digits, integers as they are. */
  number(value) {
    if (value === null || value === undefined) {
      return '';
    }
    if (Number.isInteger(value)) {
      return String(value);
    }
    const size = Math.abs(value);
    if (size >= 1000) {
      return value.toFixed(0);
    }
    if (size >= 1) {
      return value.toFixed(Math.max(0, 3 - Math.floor(Math.log10(size))));
    }
    return value.toPrecision(3);
  },

  /** Shows the time of the last update, or an error, in the header. */
  status(text, isError) {
    const status = document.getElementById('status');
    status.textContent = text;
    status.classList.toggle('error', Boolean(isError));
  },

  /** Calls refresh now and then every pollMs milliseconds; 0 turns polling off. */
  poll(refresh, pollMs) {
    refresh();
    if (pollMs > 0) {
      setInterval(refresh, pollMs);
    }
  },

  /** Returns the current time as HH:MM:SS. */
  clock() {
    return new Date().toTimeString().slice(0, 8);
  }
};
