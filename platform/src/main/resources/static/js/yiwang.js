// Send the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) e.detail.headers[header.content] = token.content;
});

// The Content-Security-Policy allows no inline script: page behaviours are declared with data attributes.
// <select data-autosubmit> submits its form on change; <a data-back> goes back; <span data-clock> shows the time.
document.addEventListener('change', function (e) {
  if (e.target.matches && e.target.matches('[data-autosubmit]') && e.target.form) e.target.form.submit();
});
document.addEventListener('click', function (e) {
  var back = e.target.closest && e.target.closest('[data-back]');
  if (back) { e.preventDefault(); history.back(); }
});
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-clock]').forEach(function (el) {
    (function tick() {
      var d = new Date(), p = function (n) { return (n < 10 ? '0' : '') + n; };
      el.textContent = d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate())
          + ' ' + p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds());
      setTimeout(tick, 1000);
    })();
  });
});
