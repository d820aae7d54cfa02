using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Casework;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.ChronologyReview;

/// <summary>One line of the review chronology: something recorded, or something that did not happen.</summary>
public sealed record ReviewRow(DateTimeOffset At, string Agency, string Kind, string Text, string RecordedBy, bool DidNotHappen);

/// <summary>
/// The multi-agency chronology of one child for a period, for a practice review: every agency's entries (on the
/// records linked as the child that the reader may see), and interleaved with them what did not happen (Core's <see cref="ReviewShortfalls"/>), oldest first. The same
/// document is the printable page, the PDF and the CSV.
/// </summary>
public sealed record ReviewDocument(
    string ChildName,
    DateOnly? DateOfBirth,
    string? NhsNumber,
    DateOnly From,
    DateOnly To,
    DateTimeOffset ProducedAt,
    string ProducedBy,
    IReadOnlyList<ReviewRow> Rows)
{
    public int Shortfalls => Rows.Count(r => r.DidNotHappen);

    /// <param name="records">The child's records whose entries the document holds: the linked records the reader may see.</param>
    public static async Task<ReviewDocument> BuildAsync(SafeguardDbContext db, CaseworkSchedule schedule, Person child, IReadOnlyCollection<Core.Id<Person>> records, DateOnly from, DateOnly to, string producedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(records);
        var start = schedule.Calendar.StartOfDay(from);
        var end = schedule.Calendar.StartOfDay(to.AddDays(1));
        var now = db.Now;
        var entries = await db.Chronology.AsNoTracking()
            .Where(e => records.Contains(e.PersonId) && e.SupersededById == null && e.OccurredAt >= start && e.OccurredAt < end)
            .Join(db.Agencies, e => e.AgencyId, a => a.Id, (e, a) => new { e, Agency = a.Name })
            .GroupJoin(db.Users, x => x.e.RecordedByUserId, u => u.Id, (x, u) => new { x.e, x.Agency, Users = u })
            .SelectMany(x => x.Users.DefaultIfEmpty(), (x, u) => new { x.e, x.Agency, RecordedBy = u == null ? "" : u.DisplayName })
            .ToListAsync(cancellationToken);
        var casework = await ChildCasework.LoadAsync(db, child.Id, cancellationToken);
        var shortfalls = ReviewShortfalls.Find(schedule, casework.ReviewFacts(), now).Where(s => s.At >= start && s.At < end);
        List<ReviewRow> rows =
        [
            .. entries.Select(x => new ReviewRow(x.e.OccurredAt, x.Agency, x.e.Kind, x.e.Summary, x.RecordedBy, false)),
            .. shortfalls.Select(s => new ReviewRow(s.At, "", CaseworkText.Describe(s.Kind), s.Text, "Safeguard", true)),
        ];
        return new ReviewDocument(child.FullName, child.DateOfBirth, child.NhsNumber, from, to, now, producedBy,
            [.. rows.OrderBy(r => r.At).ThenBy(r => r.DidNotHappen)]);
    }

    /// <summary>
    /// The document as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheets read the accents). A cell that a
    /// spreadsheet would run as a formula is prefixed with an apostrophe (<see cref="Cell"/>): a chronology must never
    /// execute what someone typed into a record.
    /// </summary>
    public byte[] ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append("When (UK time),Agency,Kind,What happened,Recorded by,Did not happen\r\n");
        foreach (var row in Rows)
        {
            var when = Features.Shared.UkTime.ToLocal(row.At).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            csv.AppendJoin(',', new[] { when, row.Agency, row.Kind, row.Text, row.RecordedBy, row.DidNotHappen ? "yes" : "no" }.Select(Cell)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// One CSV cell. A value a spreadsheet could run as a formula gets a leading apostrophe (OWASP's advice on CSV
    /// injection): one that starts with a tab or carriage return, or whose first character after white space is
    /// = + - @ or their full-width forms, which some spreadsheets (and input methods) read as the same.
    /// </summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (MayRunAsFormula(value))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value.StartsWith('\'') ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static bool MayRunAsFormula(string value)
    {
        if (value.Length > 0 && value[0] is '\t' or '\r')
        {
            return true;
        }
        var start = value.AsSpan().TrimStart();
        return start.Length > 0 && start[0] is '=' or '+' or '-' or '@' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
    }

    public string FileName(string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"chronology-review-{From:yyyy-MM-dd}-to-{To:yyyy-MM-dd}.{extension}");
}
