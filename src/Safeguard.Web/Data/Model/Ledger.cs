namespace Safeguard.Web.Data.Model;

/// <summary>An entity whose changes are written to the ledger under a stream: the child, case or person concerned.</summary>
public interface ILedgerStream
{
    string LedgerStream { get; }
}

/// <summary>
/// One entry of the append-only, hash-chained ledger. Written only by <see cref="SafeguardDbContext"/> in the same
/// transaction as the change it records; the database refuses UPDATE, DELETE and TRUNCATE on its table.
/// </summary>
public sealed class LedgerEntry
{
    public long Sequence { get; init; }
    public required string Stream { get; init; }
    public required string Type { get; init; }
    /// <summary>JSON: the entity, its key, and each changed property's value before and after.</summary>
    public required string Payload { get; init; }
    public required string Actor { get; init; }
    public required string Agency { get; init; }
    public DateTimeOffset At { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }

    /// <summary>The fields in the order the chain hashes them.</summary>
    public IReadOnlyList<string?> ChainFields() => LedgerChainFields(Stream, Type, Payload, Actor, Agency, At);

    public static IReadOnlyList<string?> LedgerChainFields(string stream, string type, string payload, string actor, string agency, DateTimeOffset at) =>
        [stream, type, payload, actor, agency, Safeguard.Core.Ledger.ChainHash.FormatInstant(at)];
}

/// <summary>
/// One read of a child's record (or a search that showed it), chained like the ledger so that no one can quietly
/// remove the evidence that they looked. Break-glass reads carry the reason given.
/// </summary>
public sealed class AccessLogEntry
{
    public long Sequence { get; init; }
    public required string Stream { get; init; }
    public required string Action { get; init; }
    public required string Actor { get; init; }
    public required string Agency { get; init; }
    public DateTimeOffset At { get; init; }
    public string? Basis { get; init; }
    public string? Reason { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }

    public IReadOnlyList<string?> ChainFields() => AccessChainFields(Stream, Action, Actor, Agency, At, Basis, Reason);

    public static IReadOnlyList<string?> AccessChainFields(string stream, string action, string actor, string agency, DateTimeOffset at, string? basis, string? reason) =>
        [stream, action, actor, agency, Safeguard.Core.Ledger.ChainHash.FormatInstant(at), basis, reason];
}
