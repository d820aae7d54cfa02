using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core;
using Safeguard.Core.Casework;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Children;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.ChronologyReview;

/// <summary>
/// The chronology for a review: a child and a period, as a printable page, a CSV and a PDF printed by headless
/// Chromium. Each production is written to the access log.
/// </summary>
public sealed class ReviewModel(SafeguardDbContext db, ChildAccessService access, CaseworkSchedule schedule, ChromiumPdf pdf, PartialRenderer renderer, IWebHostEnvironment environment) : PageModel
{
    public const string DocumentPartial = "/Features/ChronologyReview/_ReviewDocument.cshtml";

    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    public ChildHeader Header { get; private set; } = null!;
    public ReviewDocument Document { get; private set; } = null!;
    public string Query { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken) =>
        await BuildAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await BuildAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        return ModelState.IsValid ? File(Document.ToCsv(), "text/csv; charset=utf-8", Document.FileName("csv")) : Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await BuildAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var body = await renderer.RenderAsync(PageContext, DocumentPartial, Document);
        var css = await ReadStylesheetAsync(cancellationToken);
        var html = $"<!DOCTYPE html><html lang=\"en\" class=\"govuk-template\"><head><meta charset=\"utf-8\"><title>Chronology for review</title><style>{css}@page{{size:A4 landscape;margin:12mm}}</style></head>" +
                   $"<body class=\"govuk-template__body sg-print\">{body}</body></html>";
        return File(await pdf.PrintAsync(html, cancellationToken), "application/pdf", Document.FileName("pdf"));
    }

    private async Task<string> ReadStylesheetAsync(CancellationToken cancellationToken)
    {
        var file = environment.WebRootFileProvider.GetFileInfo("lib/safeguard.css");
        if (!file.Exists)
        {
            return "";
        }
        await using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        // The stylesheet's font and image URLs are site paths a file:// page cannot reach; the document needs neither.
        return (await reader.ReadToEndAsync(cancellationToken)).Replace("</style", "<\\/style", StringComparison.OrdinalIgnoreCase);
    }

    private async Task<IActionResult?> BuildAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await access.OpenAsync(id, AccessActions.ReviewChronology, cancellationToken) is not { } opened)
        {
            return NotFound();
        }
        var now = db.Now;
        Header = ChildHeader.For(opened.Person, opened.Basis, "review", now, User);
        var today = schedule.Calendar.LocalDate(now);
        var to = ModelState.OptionalPastDate(To, nameof(To), "The end of the period", today) ?? today;
        var from = ModelState.OptionalPastDate(From, nameof(From), "The start of the period", today) ?? to.AddYears(-1);
        if (ModelState.IsValid && from > to)
        {
            ModelState.AddModelError(nameof(From), "The start of the period must be on or before its end");
        }
        if (!ModelState.IsValid)
        {
            (from, to) = (today.AddYears(-1), today);
        }
        From = DateInput.From(from);
        To = DateInput.From(to);
        Query = $"From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}&To.Day={to.Day}&To.Month={to.Month}&To.Year={to.Year}";
        Document = await ReviewDocument.BuildAsync(db, schedule, opened.Person, opened.Cluster.Visible, from, to, access.User.DisplayName, cancellationToken);
        return null;
    }
}
