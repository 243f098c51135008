// Small progressive touches only; every page works without JavaScript.
document.addEventListener('click', e => {
  const b = e.target.closest('[data-confirm]');
  if (b && !confirm(b.getAttribute('data-confirm'))) e.preventDefault();
  const p = e.target.closest('[data-print]');
  if (p) { e.preventDefault(); window.print(); }
});
