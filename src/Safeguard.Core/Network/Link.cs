namespace Safeguard.Core.Network;

/// <summary>One recorded link between two nodes (by index). Undirected for analysis; <see cref="From"/> is as recorded.</summary>
public readonly record struct Link(int From, int To, LinkKind Kind, DateOnly? Date, LinkConfidence Confidence)
{
    /// <summary>The end of this link that is not <paramref name="node"/>.</summary>
    public int Other(int node) => node == From ? To : From;
}

/// <summary>
/// Which links a graph is built from: a date window, a set of kinds and a minimum confidence. The web chart
/// filters this way; analysis then runs on exactly the links the analyst is looking at.
/// </summary>
public sealed record LinkFilter
{
    /// <summary>First day of the window, inclusive; null for no lower bound.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day of the window, inclusive; null for no upper bound.</summary>
    public DateOnly? To { get; init; }

    /// <summary>
    /// Whether undated links (ownership, addresses, acquaintance) stay in a date window. They do by default:
    /// most standing links have no date, and dropping them would take the network apart.
    /// </summary>
    public bool KeepUndated { get; init; } = true;

    /// <summary>The link kinds to keep; null keeps every kind.</summary>
    public IReadOnlySet<LinkKind>? Kinds { get; init; }

    public LinkConfidence MinimumConfidence { get; init; } = LinkConfidence.Unconfirmed;

    public bool Keeps(in Link link)
    {
        if (link.Confidence < MinimumConfidence || (Kinds is not null && !Kinds.Contains(link.Kind)))
        {
            return false;
        }
        if (link.Date is not { } date)
        {
            return KeepUndated || (From is null && To is null);
        }
        return (From is null || date >= From.Value) && (To is null || date <= To.Value);
    }
}
