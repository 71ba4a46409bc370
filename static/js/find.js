// Find in the agreement: the server marks the words of ?q= in every language version
// (stemmed, as search does); this adds Previous / Next and "3 of 17" over those marks.
// Without JavaScript the count and the list of articles with matches still work.
(() => {
  const nav = document.querySelector(".find-nav");
  const marks = Array.from(document.querySelectorAll("mark.hit"));
  if (!nav || marks.length === 0) return;
  const pos = nav.querySelector(".find-pos");
  let current = -1;
  const show = (i) => {
    if (current >= 0) marks[current].classList.remove("current");
    current = (i + marks.length) % marks.length;
    const mark = marks[current];
    mark.classList.add("current");
    const details = mark.closest("details");
    if (details) details.open = true;
    mark.scrollIntoView({ block: "center" });
    pos.textContent = `${current + 1} ${nav.dataset.of} ${marks.length}`;
  };
  nav.hidden = false;
  pos.textContent = `0 ${nav.dataset.of} ${marks.length}`;
  nav.querySelector("[data-find=next]").addEventListener("click", () => show(current + 1));
  nav.querySelector("[data-find=prev]").addEventListener("click", () => show(current < 0 ? -1 : current - 1));
  document.addEventListener("keydown", (event) => {
    if (event.key === "F3" || (event.key === "Enter" && event.target.id === "find-q" && event.shiftKey)) {
      event.preventDefault();
      show(event.shiftKey ? current - 1 : current + 1);
    }
  });
})();

// A paragraph's ¶ link also copies the paragraph's address (the browser follows it as well).
document.querySelectorAll("a.para-link").forEach((link) => {
  link.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(link.href);
      link.classList.add("copied");
      setTimeout(() => link.classList.remove("copied"), 1500);
    } catch {
      /* the address bar shows it anyway */
    }
  });
});
