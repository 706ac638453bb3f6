// Liaison pages, progressive enhancement only (every page works without script; nothing inline: the CSP).

// The release composer: the release checks are run again whenever the product, the partners or the TLP change,
// through the console's check endpoint (the liaison API's dry run, nothing is written), and the panel is replaced.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('release-form');
  if (!form) {
    return;
  }
  let asked = 0;
  const recheck = () => {
    const query = new URLSearchParams();
    query.set('productId', form.elements.productId.value);
    query.set('tlp', form.elements.tlp.value);
    for (const box of form.querySelectorAll('input[name=partners]:checked')) {
      query.append('partners', box.value);
    }
    const mine = ++asked;
    fetch(form.dataset.checkUrl + '?' + query.toString(), { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then((r) => (r.ok ? r.text() : null))
      .then((html) => {
        const panel = document.getElementById('release-checks');
        if (html === null || mine !== asked || !panel) {
          return; // a later check is on its way, or the console refused: the Check button still works
        }
        const holder = document.createElement('div');
        holder.innerHTML = html;
        const fresh = holder.querySelector('#release-checks');
        if (fresh) {
          panel.replaceWith(fresh);
        }
      })
      .catch(() => {});
  };
  form.addEventListener('change', (event) => {
    if (['productId', 'tlp', 'partners'].includes(event.target.name)) {
      recheck();
    }
  });
});

// Threat warnings: a live countdown to each acknowledgement deadline.
document.addEventListener('DOMContentLoaded', () => {
  const counters = document.querySelectorAll('.countdown[data-deadline]');
  if (counters.length === 0) {
    return;
  }
  const lang = document.documentElement.lang || 'en';
  const digits = new Intl.NumberFormat(lang === 'ar' ? 'ar-MA' : lang, { minimumIntegerDigits: 2 });
  const tick = () => {
    const now = Date.now();
    for (const counter of counters) {
      const left = Math.floor((new Date(counter.dataset.deadline).getTime() - now) / 1000);
      if (left <= 0) {
        counter.textContent = counter.dataset.past;
        counter.classList.add('past');
        continue;
      }
      const h = Math.floor(left / 3600);
      const m = Math.floor((left % 3600) / 60);
      const s = left % 60;
      counter.textContent = digits.format(h) + ':' + digits.format(m) + ':' + digits.format(s);
    }
  };
  tick();
  setInterval(tick, 1000);
});
