"""One tap on a chart's point opens its card on a phone: a workaround for plotly.js, kept to this module.

Plotly reads a click from the point its last hover found. A mouse hovers before it clicks; a finger does not, so on
a touch screen the first tap only computes the hover (a tooltip shows) and a second tap is needed to select. The
script below sends plotly the hover a mouse would have sent, at the finger's position, as the finger lands, so the
tap that follows selects at once. It listens on the document (one listener per browser tab, whatever reruns) and
acts only on touches that start on a plotly chart; it changes no Streamlit code and reads no Streamlit internals.

Guarded by tests/browser/test_timeline_charter.py (the phone test taps a point once and expects the card): an
upgrade of plotly.js or Streamlit that changes this behaviour fails there. Listed in README, "Workarounds"."""

TAP_SCRIPT = """<script>
if (!window.__liptakoOneTap) {
  window.__liptakoOneTap = true;
  document.addEventListener('touchstart', (event) => {
    const target = event.target;
    if (event.touches.length !== 1 || !(target instanceof Element) || !target.closest('.js-plotly-plot')) return;
    const touch = event.touches[0];
    target.dispatchEvent(new MouseEvent('mousemove', {
      clientX: touch.clientX, clientY: touch.clientY, bubbles: true, view: window,
    }));
  }, {capture: true, passive: true});
}
</script>"""
"""A constant (no reader input): safe to hand to `st.html(..., unsafe_allow_javascript=True)`."""
