using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Safeguard.Core.Calendar;
using Safeguard.Core.Casework;
using Safeguard.Web.Features.ChronologyReview;

namespace Safeguard.Bench.Casework;

/// <summary>
/// The casework rules at the sizes a busy partnership reaches, and the chronology PDF:
/// what did not happen for a child with a long history (Core), who is told for every overdue action across a
/// partnership's staff (Core, as "my work" and the monitor ask it), and printing a 300-row chronology with headless
/// Chromium (a whole process per document).
/// dotnet run -c Release --project bench/Safeguard.Bench -- --filter '*CaseworkBench*'
/// </summary>
[MemoryDiagnoser]
public class CaseworkBench
{
    private static readonly DateTimeOffset s_start = new(2024, 1, 8, 10, 0, 0, TimeSpan.Zero);
    private readonly CaseworkSchedule _schedule = new(new WorkingCalendar(UkTime.ByRule), CaseworkTimescales.NationalDefaults);
    private ReviewFacts _history = null!;
    private List<StaffMember> _staff = null!;
    private List<(Guid Owner, EscalationLevel Level)> _overdue = null!;
    private string _html = "";
    private ChromiumPdf _pdf = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Three years of one child's casework: 60 concerns, 400 actions, 120 meetings of 6 agencies, 90 missing episodes.
        var agencies = new[] { "Police", "Health", "School", "Youth project", "Housing", "Children's social care" };
        _history = new ReviewFacts(
            [.. Enumerable.Range(0, 60).Select(i => new ConcernFact($"REF-2024-{i:D6}", s_start.AddDays(i * 18),
                i % 3 == 0 ? null : new ConcernDecisionFacts(ConcernOutcome.StrategyDiscussion, s_start.AddDays((i * 18) + (i % 4)), null, false)))],
            [.. Enumerable.Range(0, 400).Select(i => new ActionFact($"Action {i}", "Owner", _schedule.Calendar.EndOf(DateOnly.FromDateTime(s_start.AddDays(i * 2.7).UtcDateTime)),
                i % 5 == 0 ? null : s_start.AddDays((i * 2.7) + (i % 7))))],
            [.. Enumerable.Range(0, 120).Select(i => new HeldMeetingFact((MeetingKind)(i % 4), s_start.AddDays(i * 9),
                [.. agencies.Select((a, j) => new AgencyAttendance<string>(a, (i + j) % 5 == 0 ? AttendanceStatus.NoResponse : AttendanceStatus.Attended))]))],
            [.. Enumerable.Range(0, 90).Select(i => new MissingEpisode(s_start.AddDays(i * 12), s_start.AddDays((i * 12) + 1), i % 2 == 0 ? s_start.AddDays((i * 12) + 4) : null))],
            PlanStartedAt: s_start.AddDays(40));

        // 5,000 staff in 40 agencies (5 teams of 24 with a manager, a head of service), 2,000 overdue actions.
        var random = new Random(42);
        _staff = [];
        for (var agency = 0; agency < 40; agency++)
        {
            var agencyId = Guid.NewGuid();
            var head = new StaffMember(Guid.NewGuid(), agencyId, null, false, true, false);
            _staff.Add(head);
            for (var team = 0; team < 5; team++)
            {
                var manager = new StaffMember(Guid.NewGuid(), agencyId, head.Id, true, false, false);
                _staff.Add(manager);
                _staff.AddRange(Enumerable.Range(0, 24).Select(_ => new StaffMember(Guid.NewGuid(), agencyId, manager.Id, false, false, false, random.Next(20) != 0)));
            }
        }
        _staff.AddRange(Enumerable.Range(0, 4).Select(_ => new StaffMember(Guid.NewGuid(), Guid.NewGuid(), null, false, false, true)));
        _overdue = [.. Enumerable.Range(0, 2000).Select(i => (_staff[random.Next(_staff.Count)].Id, (EscalationLevel)(i % 4)))];

        var rows = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"<tr><td>{i} March 2026 10:00</td><td>Northbridge Police</td><td><strong>Police incident</strong><br>Found at 02:10 at a flat above a takeaway on Mill Road with adult males; returned home. Entry {i}.</td><td>DC Laura Briggs</td></tr>");
        }
        _html = $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{{font-family:arial}}td{{border-bottom:1px solid #ccc}}</style></head><body><h1>Chronology</h1><table>{rows}</table></body></html>";
        _pdf = new ChromiumPdf(new ConfigurationBuilder().Build());
    }

    [GlobalCleanup]
    public void Cleanup() => _pdf.Dispose();

    [Benchmark]
    public int ShortfallsForALongHistory() => ReviewShortfalls.Find(_schedule, _history, s_start.AddYears(3)).Count;

    [Benchmark]
    public int RecipientsForEveryOverdueAction()
    {
        var recipients = new EscalationRecipients(_staff);
        var told = 0;
        foreach (var (owner, level) in _overdue)
        {
            told += recipients.For(level, owner).Count;
        }
        return told;
    }

    [Benchmark]
    [IterationCount(5)]
    [WarmupCount(1)]
    public async Task<int> PrintA300RowChronologyToPdf() => (await _pdf.PrintAsync(_html, CancellationToken.None)).Length;
}
