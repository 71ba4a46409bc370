// The filter panel and the country picker, progressively: without JavaScript the panel folds
// with <details> and the picker is a text box with a <datalist> whose names the server reads.
(() => {
  // Wide screens show the panel as a sidebar (site.css); a browser that cannot style
  // ::details-content gets the fold opened instead.
  const fold = document.querySelector(".filter-fold");
  const wide = window.matchMedia("(min-width: 801px)");
  if (fold && wide.matches && !CSS.supports("selector(::details-content)")) fold.open = true;

  document.querySelectorAll("[data-country-picker]").forEach((picker) => {
    const input = picker.querySelector("input[type=text]");
    const datalist = picker.querySelector("datalist");
    if (!input || !datalist) return;
    const countries = Array.from(datalist.options, (o) => ({ name: o.value, code: o.dataset.code }));
    const simplify = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();
    const keys = countries.map((c) => simplify(c.name));
    input.removeAttribute("list"); // our list replaces the browser's
    const list = document.createElement("ul");
    list.className = "picker-list";
    list.id = `${input.id}-list`;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", picker.dataset.listLabel);
    list.hidden = true;
    input.after(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    let active = -1;

    const items = () => Array.from(list.children);
    const show = (open) => {
      list.hidden = !open;
      input.setAttribute("aria-expanded", String(open));
      if (!open) input.removeAttribute("aria-activedescendant");
    };
    const mark = (i) => {
      const all = items();
      active = all.length ? (i + all.length) % all.length : -1;
      all.forEach((li, j) => li.setAttribute("aria-selected", String(j === active)));
      if (active >= 0) {
        input.setAttribute("aria-activedescendant", all[active].id);
        all[active].scrollIntoView({ block: "nearest" });
      }
    };
    const pick = (li) => {
      input.value = li.dataset.name;
      show(false);
      input.form.requestSubmit();
    };
    const update = () => {
      const typed = simplify(input.value.trim());
      list.replaceChildren();
      active = -1;
      if (!typed) return show(false);
      const code = typed.length === 2 ? typed.toUpperCase() : "";
      const found = countries.filter((c, i) => keys[i].startsWith(typed) || c.code === code);
      const inside = countries.filter((c, i) => !keys[i].startsWith(typed) && keys[i].includes(typed));
      [...found, ...inside].slice(0, 12).forEach((c, i) => {
        const li = document.createElement("li");
        li.id = `${list.id}-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.dataset.name = c.name;
        li.textContent = c.name;
        const small = document.createElement("span");
        small.className = "code";
        small.textContent = c.code;
        li.append(small);
        li.addEventListener("mousedown", (event) => { event.preventDefault(); pick(li); });
        list.append(li);
      });
      show(list.children.length > 0);
    };
    input.addEventListener("input", update);
    input.addEventListener("keydown", (event) => {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); mark(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); mark(active - 1); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); pick(items()[active]); }
      else if (event.key === "Escape") { show(false); }
    });
    input.addEventListener("blur", () => show(false));
  });
})();
