using System.Globalization;
using Safeguard.Core.Calendar;
using Safeguard.Core.Casework;

namespace Safeguard.Web.Casework;

/// <summary>
/// The partnership's working calendar and casework timescales, read from configuration once at start-up and shared
/// by every page, job and API call:
/// <code>
/// "Calendar": { "Closures": [ { "Date": "2026-12-24", "Name": "Christmas Eve closure" } ] },
/// "Timescales": { "ReferralDecision": "1 working day", "FirstReview": "3 months", "ReturnHomeInterview": "72 hours",
///                 "BreakGlassReview": "1 working day", "RepeatMissingEpisodes": 3, "Escalation": { "Owner": 0, "TeamManager": 1, "SeniorManager": 3, "Partnership": 5 } }
/// </code>
/// Anything not set keeps the national default (<see cref="CaseworkTimescales.NationalDefaults"/>). A setting that
/// cannot be read stops the application starting, with every problem named: a deadline computed from a mistyped
/// timescale would be wrong on every page.
/// </summary>
public static class CaseworkConfiguration
{
    public static void AddCasework(this IServiceCollection services, IConfiguration configuration)
    {
        var problems = new List<string>();
        var calendar = Calendar(configuration.GetSection("Calendar"), problems);
        var timescales = Timescales(configuration.GetSection("Timescales"), problems);
        problems.AddRange(timescales.Validate().Select(p => $"Timescales: {p}"));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The casework configuration cannot be used:\n" + string.Join("\n", problems));
        }
        services.AddSingleton(calendar);
        services.AddSingleton(timescales);
        services.AddSingleton(new CaseworkSchedule(calendar, timescales));
    }

    public static WorkingCalendar Calendar(IConfigurationSection section, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(problems);
        var closures = new List<BankHoliday>();
        foreach (var closure in section.GetSection("Closures").GetChildren())
        {
            var text = closure["Date"];
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                closures.Add(new BankHoliday(date, string.IsNullOrWhiteSpace(closure["Name"]) ? "Local closure" : closure["Name"]!));
            }
            else
            {
                problems.Add($"{closure.Path}:Date is '{text}': write a date as yyyy-MM-dd.");
            }
        }
        return new WorkingCalendar(Features.Shared.UkTime.Zone, closures: closures);
    }

    public static CaseworkTimescales Timescales(IConfigurationSection section, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(problems);
        var defaults = CaseworkTimescales.NationalDefaults;
        Timescale Read(string name, Timescale fallback)
        {
            var text = section[name];
            if (text is null)
            {
                return fallback;
            }
            if (Timescale.TryParse(text, out var timescale))
            {
                return timescale;
            }
            problems.Add($"{section.Path}:{name} is '{text}': write a timescale such as '15 working days', '3 months' or '72 hours'.");
            return fallback;
        }
        int Count(string name, int fallback)
        {
            var text = section[name];
            if (text is null)
            {
                return fallback;
            }
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            problems.Add($"{section.Path}:{name} is '{text}': write a whole number.");
            return fallback;
        }

        var escalation = defaults.Escalation;
        var steps = section.GetSection("Escalation").GetChildren().ToList();
        if (steps.Count > 0)
        {
            var configured = new List<EscalationStep>();
            // A step left blank is not on the ladder (a later configuration source can remove a default step).
            foreach (var step in steps.Where(s => !string.IsNullOrEmpty(s.Value)))
            {
                if (!Enum.TryParse<EscalationLevel>(step.Key, ignoreCase: false, out var level) || !Enum.IsDefined(level))
                {
                    problems.Add($"{step.Path} is not a step of the ladder: use {string.Join(", ", Enum.GetNames<EscalationLevel>())}.");
                }
                else if (!int.TryParse(step.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days))
                {
                    problems.Add($"{step.Path} is '{step.Value}': write the number of working days after the due date.");
                }
                else
                {
                    configured.Add(new EscalationStep(level, days));
                }
            }
            escalation = [.. configured.OrderBy(s => s.Level)];
        }

        return new CaseworkTimescales
        {
            ReferralDecision = Read(nameof(CaseworkTimescales.ReferralDecision), defaults.ReferralDecision),
            Assessment = Read(nameof(CaseworkTimescales.Assessment), defaults.Assessment),
            StrategyDiscussion = Read(nameof(CaseworkTimescales.StrategyDiscussion), defaults.StrategyDiscussion),
            InitialConference = Read(nameof(CaseworkTimescales.InitialConference), defaults.InitialConference),
            FirstReview = Read(nameof(CaseworkTimescales.FirstReview), defaults.FirstReview),
            LaterReviews = Read(nameof(CaseworkTimescales.LaterReviews), defaults.LaterReviews),
            FirstCoreGroup = Read(nameof(CaseworkTimescales.FirstCoreGroup), defaults.FirstCoreGroup),
            LaterCoreGroups = Read(nameof(CaseworkTimescales.LaterCoreGroups), defaults.LaterCoreGroups),
            ReturnHomeInterview = Read(nameof(CaseworkTimescales.ReturnHomeInterview), defaults.ReturnHomeInterview),
            BreakGlassReview = Read(nameof(CaseworkTimescales.BreakGlassReview), defaults.BreakGlassReview),
            RepeatMissingEpisodes = Count(nameof(CaseworkTimescales.RepeatMissingEpisodes), defaults.RepeatMissingEpisodes),
            RepeatMissingWindowDays = Count(nameof(CaseworkTimescales.RepeatMissingWindowDays), defaults.RepeatMissingWindowDays),
            ConsecutiveAbsencesForAlert = Count(nameof(CaseworkTimescales.ConsecutiveAbsencesForAlert), defaults.ConsecutiveAbsencesForAlert),
            Escalation = escalation,
        };
    }
}
