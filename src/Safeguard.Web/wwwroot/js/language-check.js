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
  const regionId = `${field.id || field.name || 'field'}-language-check`;
  // After a submit the server may already show its advice beside the field: keep that region up to date.
  let region = document.getElementById(regionId);
  if (!region) {
    region = document.createElement('div');
    region.id = regionId;
    region.className = 'sg-language-check';
    region.setAttribute('aria-live', 'polite');
    field.insertAdjacentElement('afterend', region);
  }
  const describedBy = (field.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
  if (!describedBy.includes(region.id)) {
    field.setAttribute('aria-describedby', [...describedBy, region.id].join(' '));
  }
  const seen = seenField(field);

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
        const shown = Array.isArray(flags) ? flags : [];
        render(region, shown);
        remember(seen, shown);
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

// The rules shown while typing go back with the form (language-seen.<field name>), so that a phrase changed
// before saving is counted as changed (Features/Language/LanguageReview.cs).
function seenField(field) {
  if (!field.form || !field.name) {
    return null;
  }
  const name = `language-seen.${field.name}`;
  let input = [...field.form.querySelectorAll('input[type="hidden"]')].find((i) => i.name === name);
  if (!input) {
    input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    field.form.append(input);
  }
  return input;
}

function remember(input, flags) {
  if (!input) {
    return;
  }
  const ids = new Set(input.value.split(' ').filter(Boolean));
  for (const flag of flags) {
    ids.add(flag.ruleId);
  }
  input.value = [...ids].join(' ');
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
