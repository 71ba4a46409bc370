// A "Copy citation" button after every element with data-copy (progressive: without
// JavaScript there is no button, and the citation can still be selected by hand).
document.querySelectorAll("[data-copy]").forEach((el) => {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy-button";
  button.textContent = el.dataset.copy;
  button.addEventListener("click", async () => {
    const text = el.innerText.trim();
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const range = document.createRange();
      range.selectNodeContents(el);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      document.execCommand("copy");
    }
    button.textContent = el.dataset.copied;
    setTimeout(() => { button.textContent = el.dataset.copy; }, 2000);
  });
  el.after(button);
});
