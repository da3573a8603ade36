// The search page: runs the page's GET form with Pagefind's JS API (https://pagefind.app/docs/api/),
// keeping the query, filters and sort in the URL so a result list can be linked and reloaded.
// A classic deferred script, not a module: Chromium refuses module scripts from file://, and a
// copy opened from disk must still say why search is unavailable there.
(() => {
  "use strict";
  const PAGE_SIZE = 10;
  const form = document.getElementById("search");
  const input = form.elements.namedItem("q");
  const list = document.getElementById("search-results");
  const notice = document.getElementById("search-notice");
  const fallback = notice.closest(".search-fallback");
  const text = form.dataset;
  const { options, sortSelect, filterSelects, more } = makeControls(JSON.parse(text.controls));
  const status = document.getElementById("search-status");

  /**
   * The sort and filter menus and the "more results" button exist only where this script runs:
   * without it they would do nothing, and text browsers show even hidden controls.
   */
  function makeControls(words) {
    const menu = (name, label, choices) => {
      const p = document.createElement("p");
      const labelEl = document.createElement("label");
      labelEl.htmlFor = `search-${name}`;
      labelEl.textContent = label;
      const select = document.createElement("select");
      select.id = `search-${name}`;
      select.name = name;
      select.setAttribute("form", form.id);
      select.append(...choices.map(([value, text]) => new Option(text, value)));
      p.append(labelEl, select);
      return { p, select };
    };
    // Below the status line, so that it moves nothing above the results. A disclosure, closed
    // at first: the filter menus' counts need Pagefind's filter files, which list every page of
    // the language (about 1 kB here, 130 kB in an archive of 10,000 events), so they are fetched
    // only when a reader opens it. `form` ties the menus to the search form.
    const details = document.createElement("details");
    details.className = "search-options";
    const summary = document.createElement("summary");
    summary.textContent = words.refine;
    const menus = document.createElement("div");
    menus.className = "search-menus";
    const sort = menu("sort", words.sort, words.sorts);
    const filters = words.filters.map(([name, label]) => menu(name, label, [["", words.all]]));
    menus.append(sort.p, ...filters.map((f) => f.p));
    details.append(summary, menus);
    const button = document.createElement("button");
    button.type = "button";
    button.id = "search-more";
    button.hidden = true;
    button.textContent = words.more;
    return { options: details, sortSelect: sort.select, filterSelects: filters.map((f) => f.select), more: button };
  }

  let pagefind;
  let shown = [];
  let latest = 0;
  /** Pagefind's filter files, once the menus are open or the URL chose a filter. */
  let allFilters;

  /** The search a URL asks for: `?q=…&sort=date&campaign=…`. */
  function stateFromUrl() {
    const params = new URLSearchParams(location.search);
    const filters = {};
    for (const select of filterSelects) {
      const value = params.get(select.name);
      if (value) filters[select.name] = value;
    }
    return { q: (params.get("q") ?? "").trim(), sort: params.get("sort") ?? "", filters };
  }

  function stateFromForm() {
    const filters = {};
    for (const select of filterSelects) if (select.value) filters[select.name] = select.value;
    return { q: input.value.trim(), sort: sortSelect.value, filters };
  }

  function urlOf(state) {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    if (state.sort) params.set("sort", state.sort);
    for (const [name, value] of Object.entries(state.filters)) params.set(name, value);
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ""}`;
  }

  function showState(state) {
    input.value = state.q;
    sortSelect.value = [...sortSelect.options].some((o) => o.value === state.sort) ? state.sort : "";
    for (const select of filterSelects) setOptions(select, state.filters[select.name] ?? "", {});
  }

  /** Fills a filter's options with their result counts, keeping the reader's choice. */
  function setOptions(select, chosen, counts) {
    const all = select.options[0];
    const values = Object.keys(counts).sort((a, b) => a.localeCompare(b, document.documentElement.lang, { numeric: true }));
    if (chosen && !values.includes(chosen)) values.push(chosen);
    select.replaceChildren(
      all,
      ...values.map((value) => {
        const count = counts[value] ?? 0;
        const option = new Option(`${value} (${count})`, value, false, value === chosen);
        option.disabled = count === 0 && value !== chosen;
        return option;
      }),
    );
    select.value = chosen;
  }

  function sortOf(state) {
    if (state.sort === "date") return { date: "asc" };
    if (state.sort === "newest") return { newest: "desc" };
    return {};
  }

  async function run(state) {
    const id = ++latest;
    const empty = !state.q && Object.keys(state.filters).length === 0;
    if (empty) {
      list.replaceChildren();
      more.hidden = true;
      fallback.hidden = false;
      status.textContent = "";
      return;
    }
    status.textContent = text.searching;
    // Pagefind counts only the filters it has loaded; filters() loads them all.
    if (state.sort || Object.keys(state.filters).length > 0) options.open = true;
    if (options.open) allFilters ??= pagefind.filters();
    await allFilters;
    const search = await pagefind.search(state.q || null, { filters: state.filters, sort: sortOf(state) });
    // A filter's counts leave out its own choice, so the other values show what choosing them would give.
    const counts = { ...search.filters };
    for (const name of allFilters ? Object.keys(state.filters) : []) {
      const { [name]: _, ...others } = state.filters;
      counts[name] = (await pagefind.search(state.q || null, { filters: others })).filters[name] ?? {};
    }
    const first = await Promise.all(search.results.slice(0, PAGE_SIZE).map((result) => result.data()));
    if (id !== latest) return;
    // One step, so the page changes once: menus and results in, the list of ways in out where
    // there are results (it stood where they go). Nothing above them moves (layout shift).
    for (const select of filterSelects) setOptions(select, state.filters[select.name] ?? "", counts[select.name] ?? {});
    if (!options.isConnected) status.after(options);
    shown = search.results;
    list.replaceChildren(...first.map(resultItem));
    more.hidden = list.children.length >= shown.length;
    fallback.hidden = shown.length > 0;
    const count = shown.length;
    status.textContent =
      count === 0 ? text.resultsNone : count === 1 ? text.resultsOne : text.resultsMany.replace("{count}", String(count));
  }

  async function showMore() {
    const id = latest;
    const next = shown.slice(list.children.length, list.children.length + PAGE_SIZE);
    const items = await Promise.all(next.map((result) => result.data()));
    if (id !== latest) return;
    list.append(...items.map(resultItem));
    more.hidden = list.children.length >= shown.length;
  }

  function resultItem(data) {
    const item = document.createElement("li");
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title ?? data.url;
    heading.append(link);
    const facts = document.createElement("p");
    facts.className = "result-facts";
    facts.textContent = [data.meta.type, data.meta.date, data.meta.campaign].filter(Boolean).join(" · ");
    const excerpt = document.createElement("p");
    excerpt.className = "result-excerpt";
    excerpt.append(...excerptNodes(withoutHiddenWords(data.excerpt, data.meta.hidden)));
    item.append(heading, facts, excerpt);
    return item;
  }

  /**
   * The excerpt less the search-only words (other spellings, initials) that the page indexes
   * before its text but never shows: they may make a page match, never appear in its excerpt.
   */
  function withoutHiddenWords(html, hidden) {
    if (!hidden) return html;
    const bare = (token) => token.replace(/<[^>]*>/g, "").replace(/[^\p{L}\p{N}]/gu, "");
    const words = new Set(hidden.split(" ").map(bare));
    const tokens = html.split(" ");
    let start = 0;
    while (start < tokens.length && words.has(bare(tokens[start]))) start += 1;
    return tokens.slice(start).join(" ");
  }

  /** Pagefind's excerpt is escaped text with <mark> around matches; only those marks are kept. */
  function excerptNodes(html) {
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
    return [...parsed.childNodes].map((node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent ?? "");
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  }

  function debounce(fn, ms) {
    let timer;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function go(push) {
    const state = stateFromForm();
    const url = urlOf(state);
    if (url !== `${location.pathname}${location.search}`) history[push ? "pushState" : "replaceState"](null, "", url);
    return run(state);
  }

  async function start() {
    if (location.protocol === "file:") {
      notice.textContent = text.offline;
      return;
    }
    list.after(more);
    try {
      pagefind = await import(new URL(text.pagefind, location.href).href);
      // The main thread is enough for an archive this size, and saves the worker's download.
      await pagefind.options({ noWorker: true, excerptLength: 24 });
    } catch {
      notice.textContent = text.failed;
      return;
    }
    notice.textContent = text.browse;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      go(true);
    });
    input.addEventListener(
      "input",
      debounce(() => go(false), 300),
    );
    for (const select of [sortSelect, ...filterSelects]) select.addEventListener("change", () => go(true));
    // Opening the menus fills them with the current results' counts.
    options.addEventListener("toggle", () => {
      if (options.open && !allFilters) run(stateFromForm());
    });
    more.addEventListener("click", async () => {
      const first = list.children.length;
      await showMore();
      // Keyboard readers continue at the first new result rather than at the end of the page.
      list.children[first]?.querySelector("a")?.focus();
    });
    window.addEventListener("popstate", () => {
      const state = stateFromUrl();
      showState(state);
      run(state);
    });
    const state = stateFromUrl();
    showState(state);
    await run(state);
  }

  start();
})();
