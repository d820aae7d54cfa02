// Safeguard's page behaviour, loaded as a module (no inline script: the Content-Security-Policy forbids it).
// Every page works without this file; it only adds GOV.UK Frontend's enhancements.
import { initAll } from "/lib/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
