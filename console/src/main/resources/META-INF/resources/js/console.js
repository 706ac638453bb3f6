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
