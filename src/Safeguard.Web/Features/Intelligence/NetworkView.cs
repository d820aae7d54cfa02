using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.Network;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>
/// The chart filters, read from the query string so that filtering works without JavaScript: a date window,
/// link kinds, and the least confidence shown.
/// </summary>
public sealed class NetworkFilterInput
{
    public DateInput From { get; set; } = new();
    public DateInput To { get; set; } = new();
    public List<string> Kind { get; set; } = [];
    public string? Confidence { get; set; }

    /// <summary>The Core filter, or null with errors added by field when the input cannot make one.</summary>
    public LinkFilter? ToFilter(ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        DateOnly? Date(DateInput input, string name, string what)
        {
            if (input.IsEmpty)
            {
                return null;
            }
            if (input.TryParse(what, out var date, out var error))
            {
                return date;
            }
            modelState.AddModelError($"{prefix}.{name}", error);
            return null;
        }
        var from = Date(From, nameof(From), "The first date");
        var to = Date(To, nameof(To), "The last date");
        if (from is { } f && to is { } t && t < f)
        {
            modelState.AddModelError($"{prefix}.{nameof(To)}", "The last date must be the same as or after the first date");
        }
        var kinds = new HashSet<LinkKind>();
        foreach (var name in Kind)
        {
            if (Vocabulary.TryParse(name, out LinkKind kind))
            {
                kinds.Add(kind);
            }
            else
            {
                modelState.AddModelError($"{prefix}.{nameof(Kind)}", $"There is no kind of link called '{name}'");
            }
        }
        var confidence = LinkConfidence.Unconfirmed;
        if (!string.IsNullOrEmpty(Confidence) && !Vocabulary.TryParse(Confidence, out confidence))
        {
            modelState.AddModelError($"{prefix}.{nameof(Confidence)}", "Choose confirmed, tentative or unconfirmed");
        }
        return modelState.IsValid
            ? new LinkFilter { From = from, To = to, Kinds = kinds.Count == 0 ? null : kinds, MinimumConfidence = confidence }
            : null;
    }

    public static IReadOnlyList<(string Value, string Text)> KindOptions { get; } =
        [.. Enum.GetValues<LinkKind>().Select(k => (Vocabulary.Name(k), PoleText.Describe(k)))];

    public static IReadOnlyList<(string Value, string Text)> ConfidenceOptions { get; } =
        [("unconfirmed", "All links"), ("tentative", "Tentative and confirmed"), ("confirmed", "Confirmed only")];
}

/// <summary>One node as the tables and the chart show it.</summary>
public sealed record NetworkNodeRow(string Id, string Label, NodeKind Kind, PersonRole Role, string? Detail, int? Hops, int Degree, bool IsCentre, int? BusyOver);

public sealed record NetworkLinkRow(string From, string FromLabel, LinkKind Kind, string To, string ToLabel, DateOnly? Date, LinkConfidence Confidence);

public sealed record TimelineRow(DateOnly Date, string What);

/// <summary>
/// A set of nodes and the links among them, ready for the page: the accessible tables (what axe checks and
/// what a screen reader reads), the timeline, and the same graph as JSON for the chart's data island.
/// </summary>
public sealed record NetworkView(IReadOnlyList<NetworkNodeRow> Nodes, IReadOnlyList<NetworkLinkRow> Links, IReadOnlyList<TimelineRow> Timeline, string Json, string Caption)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static NetworkView From(PoleNetwork network, NetworkGraph graph, IReadOnlyList<int> nodes, IReadOnlyList<int>? hops, IReadOnlyList<int> links,
        int? centre, string caption)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(links);
        var rows = nodes.Select((n, i) =>
        {
            var node = network.Node(n);
            int? busy = network.NotExpanded.Contains(node.Id) ? network.ExpandLimit : null;
            return new NetworkNodeRow(graph.Id(n), node.Label, node.Kind, node.Role, node.Detail, hops?[i], graph.Degree(n), n == centre, busy);
        }).ToList();
        var linkRows = links.Select(graph.GetLink)
            .Select(l => new NetworkLinkRow(graph.Id(l.From), graph.Label(l.From), l.Kind, graph.Id(l.To), graph.Label(l.To), l.Date, l.Confidence))
            .OrderBy(l => l.Date ?? DateOnly.MaxValue).ThenBy(l => l.FromLabel, StringComparer.Ordinal).ToList();
        var timeline = linkRows.Where(l => l.Date is not null)
            .Select(l => new TimelineRow(l.Date!.Value, $"{l.FromLabel} {PoleText.Describe(l.Kind)} {l.ToLabel} ({l.Confidence.ToString().ToLowerInvariant()})"))
            .OrderBy(t => t.Date).ThenBy(t => t.What, StringComparer.Ordinal).ToList();
        var json = JsonSerializer.Serialize(new
        {
            nodes = rows.Select(r => new { id = r.Id, label = r.Label, kind = Vocabulary.Name(r.Kind), role = Vocabulary.Name(r.Role), hop = r.Hops, centre = r.IsCentre, busy = r.BusyOver is not null }),
            links = linkRows.Select((l, i) => new { id = $"l{i}", source = l.From, target = l.To, kind = Vocabulary.Name(l.Kind), confidence = Vocabulary.Name(l.Confidence), date = l.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }),
        }, s_json);
        return new NetworkView(rows, linkRows, timeline, json, caption);
    }
}

/// <summary>What the shared network partial shows: the view (null when the filters are wrong or nothing is left) and the filters.</summary>
public sealed record NetworkSection(NetworkView? View, NetworkFilterInput Filter);
