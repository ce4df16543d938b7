// The staff queue without a mouse or a submit button: everything here also works as plain links and a GET form.
(() => {
  "use strict";
  const queue = document.getElementById("queue");
  const form = document.querySelector("form[data-queue-search]");
  if (!queue || !form) {
    return;
  }

  const status = document.getElementById("queue-status");
  const shortcuts = document.getElementById("queue-shortcuts");
  if (shortcuts) {
    shortcuts.hidden = false;
  }

  queue.dataset.rowsOpen = "";
  const rows = () => Array.from(queue.querySelectorAll("table.queue tbody tr"));
  const linkOf = (row) => row.querySelector("th[scope=row] a");

  // The whole row opens the request; the reference stays the real link (for keyboards, screen readers, new tabs).
  queue.addEventListener("click", (event) => {
    const row = event.target.closest("table.queue tbody tr");
    if (!row || event.target.closest("a, button, input, select, textarea, label")) {
      return;
    }
    const link = linkOf(row);
    if (link && !window.getSelection().toString()) {
      if (event.ctrlKey || event.metaKey) {
        window.open(link.href, "_blank", "noopener");
      } else {
        window.location.assign(link.href);
      }
    }
  });

  const inTextField = (target) =>
    target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select"));

  // j/k move the focus to the next/previous request's link, so Enter opens it as any focused link does.
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || inTextField(event.target)) {
      return;
    }
    if (event.key !== "j" && event.key !== "k") {
      return;
    }
    const all = rows();
    if (all.length === 0) {
      return;
    }
    const current = all.findIndex((row) => row.contains(document.activeElement));
    const next = current < 0 ? 0 : Math.min(all.length - 1, Math.max(0, current + (event.key === "j" ? 1 : -1)));
    all.forEach((row, i) => row.classList.toggle("is-current", i === next));
    const link = linkOf(all[next]);
    if (link) {
      event.preventDefault();
      link.focus();
    }
  });

  // Search as you type: the list is fetched as the form would submit it, and only the list is replaced, so the
  // field keeps its focus and what was typed.
  const field = form.querySelector("input[type=search]");
  let timer = 0;
  let latest = 0;
  const refresh = async () => {
    const url = `${form.action}?${new URLSearchParams(new FormData(form))}`;
    const ticket = ++latest;
    const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (!response.ok || ticket !== latest) {
      return;
    }
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.getElementById("queue");
    if (!fresh || ticket !== latest) {
      return;
    }
    queue.replaceChildren(...fresh.childNodes);
    window.history.replaceState(null, "", url);
    const caption = queue.querySelector("caption");
    if (status && caption) {
      status.textContent = caption.textContent.replace(/\s+/g, " ").trim();
    }
  };
  if (field) {
    field.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => { refresh().catch(() => {}); }, 250);
    });
  }
})();
