// Language check for free-text fields, as progressive enhancement.
//
// Every <textarea data-language-check> gets a live region beneath it listing the phrases to reconsider, why, and
// the better words. The text is POSTed (debounced) to /api/language/check, which runs the same Core check the
// server runs on submit, so the two can never disagree; the answer is Core's LanguageCheckResponse serialised:
//   { "flags": [ { "ruleId", "phrase", "text", "line", "column", "offset", "length", "reason", "suggestion" } ] }
// (offset and length in UTF-16 code units, as JavaScript indexes strings; line and column 1-based).
// The advice never blocks anything: a failed request shows nothing, and the page's own submit check still runs.
// CSP-safe: no inline script or style, no eval, no innerHTML. Give data-language-check a URL to use another endpoint.

const DEFAULT_ENDPOINT = '/api/language/check';
const DEBOUNCE_MS = 600;

/** Attaches the check to every matching textarea under root not yet enhanced. Safe to call again for new fields. */
export function enhance(root = document) {
  for (const field of root.querySelectorAll('textarea[data-language-check]')) {
    if (!field.dataset.languageCheckReady) {
      attach(field);
    }
  }
}

function attach(field) {
  field.dataset.languageCheckReady = 'true';
  const region = document.createElement('div');
  region.id = `${field.id || field.name || 'field'}-language-check`;
  region.className = 'sg-language-check';
  region.setAttribute('aria-live', 'polite');
  field.insertAdjacentElement('afterend', region);
  const describedBy = field.getAttribute('aria-describedby');
  field.setAttribute('aria-describedby', describedBy ? `${describedBy} ${region.id}` : region.id);

  const endpoint = field.dataset.languageCheck || DEFAULT_ENDPOINT;
  let timer;
  let inFlight;
  let lastChecked;

  const check = async () => {
    const text = field.value;
    if (text === lastChecked) {
      return;
    }
    lastChecked = text;
    inFlight?.abort();
    inFlight = new AbortController();
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...antiforgeryHeader(field) },
        body: JSON.stringify({ text }),
        signal: inFlight.signal,
      });
      if (!response.ok) {
        return;
      }
      const { flags } = await response.json();
      if (field.value === text) {
        render(region, Array.isArray(flags) ? flags : []);
      }
    } catch (error) {
      if (error.name !== 'AbortError') {
        lastChecked = undefined; // try again on the next change
      }
    }
  };

  field.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  });
  field.addEventListener('blur', () => {
    clearTimeout(timer);
    check();
  });
  if (field.value) {
    check();
  }
}

// ASP.NET Core antiforgery: the form's hidden token, sent in the header the server expects.
function antiforgeryHeader(field) {
  const token = field.form?.querySelector('input[name="__RequestVerificationToken"]')?.value;
  return token ? { RequestVerificationToken: token } : {};
}

function render(region, flags) {
  region.replaceChildren();
  if (flags.length === 0) {
    return;
  }
  const intro = element('p', 'govuk-body govuk-!-font-weight-bold',
    flags.length === 1 ? 'Check 1 phrase in your wording' : `Check ${flags.length} phrases in your wording`);
  const list = element('ul', 'govuk-list sg-language-check__list');
  for (const flag of flags) {
    const item = element('li', 'sg-language-check__item');
    const phrase = element('strong', 'sg-language-check__phrase', `“${flag.text.replace(/\s+/g, ' ')}”`);
    const where = element('span', 'govuk-visually-hidden', ` (line ${flag.line}, character ${flag.column})`);
    item.append(phrase, where, `: ${flag.reason}. Instead: ${flag.suggestion}.`);
    list.append(item);
  }
  const note = element('p', 'govuk-hint', 'This is advice. You can keep your words; your choice is recorded when you save.');
  region.append(intro, list, note);
}

function element(name, className, text) {
  const node = document.createElement(name);
  node.className = className;
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

enhance();
