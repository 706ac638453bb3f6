// Progressive enhancement only: every page works without script. Nothing inline (the CSP forbids it).
document.addEventListener('DOMContentLoaded', () => {
  // Dates are sent as ISO instants; show them in the reader's language and time zone.
  const lang = document.documentElement.lang || 'en';
  for (const time of document.querySelectorAll('time[datetime]')) {
    const when = new Date(time.getAttribute('datetime'));
    if (!Number.isNaN(when.getTime())) {
      time.textContent = when.toLocaleString(lang === 'ar' ? 'ar-MA' : lang);
    }
  }
});

// The unread-alert counter in the header, kept live by the alert stream (EventSource reconnects by itself and
// resumes with Last-Event-ID, so no alert is missed across a reconnect). On the alerts page, new alerts are
// added at the top of the list as they arrive. The stream is closed when the page is left: a browser may keep a
// left page (and its open stream) in its back-forward cache, and a browser allows only six connections to one
// host, so six pages opened within the gateway's idle timeout would leave the seventh waiting for a connection.
// A page shown again from that cache reads the count afresh and opens a new stream.
document.addEventListener('DOMContentLoaded', () => {
  const counter = document.getElementById('unread-count');
  if (!counter || typeof EventSource !== 'function') {
    return;
  }
  const template = counter.dataset.label || '{count}';
  let unread = 0;
  let source = null;
  let shown = true;
  const show = () => {
    counter.textContent = template.replace(/[0-9٠-٩]+/, String(unread));
    counter.dataset.unread = String(unread);
  };
  const listen = () => {
    fetch(counter.dataset.countUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : { count: 0 }))
      .then((body) => {
        if (!shown) {
          return;
        }
        unread = body.count;
        show();
        const list = document.getElementById('alerts-list');
        source = new EventSource(counter.dataset.stream);
        source.addEventListener('connected', () => {
          counter.dataset.live = 'true';
        });
        source.addEventListener('alert', (event) => {
          const alert = JSON.parse(event.data);
          unread += 1;
          show();
          if (list && !list.querySelector(`[data-alert="${CSS.escape(alert.id)}"]`)) {
            const item = document.createElement('li');
            item.className = 'alert unread live';
            item.dataset.alert = alert.id;
            const text = document.createElement('p');
            text.dir = 'auto';
            text.textContent = alert.message;
            item.appendChild(text);
            list.insertBefore(item, list.firstChild);
            const empty = document.getElementById('no-alerts');
            if (empty) {
              empty.remove();
            }
          }
        });
      });
  };
  window.addEventListener('pagehide', () => {
    shown = false;
    if (source) {
      source.close();
      source = null;
      delete counter.dataset.live;
    }
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && !shown) {
      shown = true;
      listen();
    }
  });
  listen();
});
