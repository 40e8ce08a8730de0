// Irreversible decisions ask first: a form with data-confirm (or data-confirm-reject for its REJECT button)
// asks before it is sent. An external script, so a Content-Security-Policy without 'unsafe-inline' allows it.
document.addEventListener('submit', function (e) {
  var form = e.target;
  if (!(form instanceof HTMLFormElement)) return;
  var text = form.getAttribute('data-confirm');
  if (e.submitter && e.submitter.value === 'REJECT' && form.hasAttribute('data-confirm-reject')) {
    text = form.getAttribute('data-confirm-reject');
  }
  if (text && !window.confirm(text)) e.preventDefault();
});
