using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Casework;
using Safeguard.Core.Intelligence;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>
/// Intelligence and disruption configuration, read once at start-up and refused if it cannot work:
/// <c>Intelligence:ActionWithin</c> and <c>Intelligence:HighPriorityActionWithin</c> (working days),
/// <c>Disruption:PlanWithin</c> and <c>Disruption:InactiveAfter</c> (working days), <c>Disruption:Tactics</c>
/// (a list of <c>{ "Code": ..., "Name": ... }</c> replacing the default catalogue), and
/// <c>Intelligence:ExpandLimit</c> (a node with more links than this is drawn on a chart but not expanded).
/// </summary>
public sealed record IntelligenceSettings(IntelligenceTimescales Timescales, IReadOnlyList<DisruptionTactic> Tactics, int ExpandLimit)
{
    public const int DefaultExpandLimit = 100;

    public string TacticName(string code) => Tactics.FirstOrDefault(t => t.Code == code)?.Name ?? code;

    public static IntelligenceSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new IntelligenceTimescales();
        var timescales = new IntelligenceTimescales
        {
            ActionWithin = WorkingDays(configuration, "Intelligence:ActionWithin", defaults.ActionWithin),
            HighPriorityActionWithin = WorkingDays(configuration, "Intelligence:HighPriorityActionWithin", defaults.HighPriorityActionWithin),
            PlanWithin = WorkingDays(configuration, "Disruption:PlanWithin", defaults.PlanWithin),
            InactiveAfter = WorkingDays(configuration, "Disruption:InactiveAfter", defaults.InactiveAfter),
        };
        var configured = configuration.GetSection("Disruption:Tactics").GetChildren()
            .Select(t => new DisruptionTactic(t["Code"] ?? "", t["Name"] ?? "")).ToList();
        IReadOnlyList<DisruptionTactic> tactics = configured.Count > 0 ? configured : DisruptionTactics.Defaults;
        var expandLimit = configuration.GetValue("Intelligence:ExpandLimit", DefaultExpandLimit);
        var problems = timescales.Validate().Concat(DisruptionTactics.Validate(tactics)).ToList();
        if (expandLimit < 1)
        {
            problems.Add($"Intelligence:ExpandLimit is {expandLimit}: it must be at least 1.");
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Intelligence configuration cannot be used: " + string.Join(" ", problems));
        }
        return new IntelligenceSettings(timescales, tactics, expandLimit);
    }

    private static Timescale WorkingDays(IConfiguration configuration, string key, Timescale fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days)
            ? Timescale.WorkingDays(days)
            : throw new InvalidOperationException($"{key} must be a whole number of working days, not '{text}'.");
    }
}

public static class IntelligenceSetup
{
    public static void AddIntelligence(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = IntelligenceSettings.From(configuration);
        services.AddSingleton(settings);
        // The casework branch registers the partnership's configured calendar and timescales; these are the
        // national defaults for when it has not (TryAdd: whichever is registered first wins).
        services.TryAddSingleton(_ => new WorkingCalendar(Shared.UkTime.Zone));
        services.TryAddSingleton(CaseworkTimescales.NationalDefaults);
        services.TryAddSingleton(sp => new CaseworkSchedule(sp.GetRequiredService<WorkingCalendar>(), sp.GetRequiredService<CaseworkTimescales>()));
        services.AddSingleton(sp => new IntelligenceSchedule(sp.GetRequiredService<CaseworkSchedule>(), settings.Timescales));
    }
}
