using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Screening;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Screening;

/// <summary>
/// A child's screening history between the database rows and Core's <see cref="ScreeningHistory"/>: rows are
/// appended, and the chronology is told in the same save.
/// </summary>
public static class ScreeningRows
{
    /// <summary>One entry as the pages show it: the row, Core's result, and who recorded it.</summary>
    public sealed record Entry(ChildScreening Row, ScreeningResult Result, string By, string Agency);

    /// <summary>A child's entries, oldest first.</summary>
    public static async Task<List<Entry>> ForChildAsync(SafeguardDbContext db, Id<Person> personId, CancellationToken cancellationToken)
    {
        var rows = await db.Screenings.AsNoTracking().Where(s => s.PersonId == personId)
            .Join(db.Users, s => s.RecordedByUserId, u => u.Id, (s, u) => new { s, u.DisplayName })
            .Join(db.Agencies, x => x.s.AgencyId, a => a.Id, (x, a) => new { x.s, x.DisplayName, Agency = a.Name })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(x => x.s.RecordedAt).Select(x => new Entry(x.s, ReadResult(x.s.ResultJson), x.DisplayName, x.Agency))];
    }

    /// <summary>Core's history of these entries (each override's band found in the instrument it was scored with).</summary>
    public static ScreeningHistory History(IReadOnlyList<Entry> entries, ScreeningInstrument? instrumentOfLatest) =>
        new([.. entries.Select(e => new ScreeningEntry(e.Row.RecordedAt, e.By, e.Result,
            instrumentOfLatest?.FindBand(e.Row.BandId) ?? e.Result.Band, e.Row.OverrideRationale))]);

    public static ScreeningResult ReadResult(string json) =>
        JsonSerializer.Deserialize<ScreeningResult>(json, ScreeningJson.Options) ?? throw new InvalidOperationException("A stored screening result is empty.");

    /// <summary>The band's place among the instrument's bands: 0 for the lowest.</summary>
    public static int RankOf(ScreeningInstrument instrument, string bandId) =>
        instrument.BandsInOrder.Select((b, i) => (b, i)).First(x => x.b.Id == bandId).i;

    /// <summary>Appends a scored screening and its chronology entry; the caller saves.</summary>
    public static ChildScreening AddScreening(SafeguardDbContext db, Id<Person> personId, ScreeningInstrument instrument, ScreeningResult result,
        IReadOnlyCollection<ScreeningAnswer> answers, string? notes, UserContext user, DateTimeOffset? at = null)
    {
        var row = new ChildScreening
        {
            PersonId = personId,
            Kind = ScreeningEntryKind.Screening,
            InstrumentId = result.InstrumentId,
            InstrumentVersion = result.InstrumentVersion,
            ScreenedOn = result.ScreenedOn,
            Score = result.Score,
            EvidenceScore = result.EvidenceScore,
            ProfessionalConcernScore = result.ProfessionalConcernScore,
            BandId = result.Band.Id,
            BandName = result.Band.Name,
            BandRank = RankOf(instrument, result.Band.Id),
            PotentialSign = result.PotentialSign,
            RescreenDue = result.RescreenDue,
            ResultJson = ScreeningJson.Write(result),
            AnswersJson = ScreeningJson.Write(answers),
            Notes = notes,
            AgencyId = user.AgencyId,
            RecordedByUserId = user.UserId,
            RecordedAt = at ?? db.Now,
        };
        db.Screenings.Add(row);
        var rules = result.AutomaticRules.Count == 0 ? "" : $" Raised by an automatic rule: {string.Join(" ", result.AutomaticRules.Select(r => r.Description))}";
        var sign = result.PotentialSign ? " A potential sign of exploitation for a child of this age." : "";
        Chronicle(db, row, user, $"CSE screening: {result.Band.Name} (score {result.Score}: {result.EvidenceScore} on evidence, {result.ProfessionalConcernScore} on professional concern).{rules}{sign}");
        return row;
    }

    /// <summary>Appends an override of the band in force and its chronology entry; the caller saves.</summary>
    public static ChildScreening AddOverride(SafeguardDbContext db, Entry current, ScreeningInstrument instrument, ScreeningBand band, string rationale, UserContext user)
    {
        var from = current.Row;
        var row = new ChildScreening
        {
            PersonId = from.PersonId,
            Kind = ScreeningEntryKind.Override,
            InstrumentId = from.InstrumentId,
            InstrumentVersion = from.InstrumentVersion,
            ScreenedOn = from.ScreenedOn,
            Score = from.Score,
            EvidenceScore = from.EvidenceScore,
            ProfessionalConcernScore = from.ProfessionalConcernScore,
            BandId = band.Id,
            BandName = band.Name,
            BandRank = RankOf(instrument, band.Id),
            PotentialSign = from.PotentialSign,
            RescreenDue = from.RescreenDue,
            ResultJson = from.ResultJson,
            AnswersJson = from.AnswersJson,
            OverrideRationale = rationale,
            AgencyId = user.AgencyId,
            RecordedByUserId = user.UserId,
            RecordedAt = db.Now,
        };
        db.Screenings.Add(row);
        Chronicle(db, row, user, $"CSE screening band changed by professional judgement from {from.BandName} to {band.Name}: {rationale}");
        return row;
    }

    private static void Chronicle(SafeguardDbContext db, ChildScreening row, UserContext user, string summary) =>
        db.Chronology.Add(new ChronologyEntry
        {
            PersonId = row.PersonId,
            AgencyId = user.AgencyId,
            RecordedByUserId = user.UserId,
            Kind = ChronologyKinds.Screening,
            OccurredAt = row.RecordedAt,
            RecordedAt = row.RecordedAt,
            Summary = summary.Length > 8000 ? summary[..8000] : summary,
            Source = $"screening/{row.Id}",
        });
}
