// The review page: "show in the original" marks the passages a fact was read from and
// scrolls the original to the first of them (without moving the form).
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.rv-show");
  if (!link) return;
  event.preventDefault();
  const fact = link.dataset.fact;
  const pane = document.getElementById("rv-text");
  if (!pane) return;
  pane.querySelectorAll("mark.current").forEach((m) => m.classList.remove("current"));
  const marks = pane.querySelectorAll(`mark[data-facts~="${CSS.escape(fact)}"]`);
  marks.forEach((m) => m.classList.add("current"));
  if (marks.length) {
    pane.scrollTop = marks[0].offsetTop - pane.offsetTop - pane.clientHeight / 3;
    history.replaceState(null, "", `#ev-${fact}`);
  }
});
