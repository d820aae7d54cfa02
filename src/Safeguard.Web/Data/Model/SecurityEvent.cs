using Safeguard.Core;

namespace Safeguard.Web.Data.Model;

/// <summary>What happened at sign-in, as the partnership administrator reads it.</summary>
public enum SecurityEventKind
{
    SignedIn,
    SignInFailed,
    SecondFactorFailed,
    /// <summary>An attempt held back by the back-off, not checked (docs/adr/0013).</summary>
    HeldBack,
}

/// <summary>Why: typed, so the page describes it and the back-off counts it without reading words.</summary>
public enum SecurityEventReason
{
    // SignedIn
    PasswordAndCode,
    PasswordOnlyAuthenticatorNotSetUp,
    AuthenticatorSetUp,
    OrganisationAccount,

    // SignInFailed
    WrongPassword,
    NoSuchAccount,
    AccountSwitchedOff,
    OrganisationGaveNoKnownAccount,
    OrganisationGaveNoSecondFactor,

    // SecondFactorFailed
    WrongCode,
    CodeAlreadyUsed,

    // HeldBack
    TooManyFailuresForAccountFromAddress,
    TooManyFailuresForAccount,
    TooManyFailuresFromAddress,
}

/// <summary>
/// One sign-in event: every failed attempt (either step), every attempt held back, every success. Append-only and
/// ledgered like every other row. It never holds a password, a code, or the email address typed: the account tried
/// is the user's id when the account exists, and always <see cref="AccountKey"/>, a SHA-256 of the normalised email,
/// which lets the back-off treat accounts that exist and accounts that do not alike.
/// </summary>
public sealed class SecurityEvent : ILedgerStream
{
    public Id<SecurityEvent> Id { get; init; } = Id<SecurityEvent>.New();
    public DateTimeOffset At { get; init; }
    public SecurityEventKind Kind { get; init; }
    public SecurityEventReason Reason { get; init; }
    /// <summary>The account, when the email given belongs to one.</summary>
    public Guid? UserId { get; init; }
    public string? AccountKey { get; init; }
    /// <summary>The client's IP address as Safeguard saw it (the proxy's forwarded address when behind one).</summary>
    public required string ClientAddress { get; init; }
    public string LedgerStream => UserId is { } id ? $"user/{id}" : "security/sign-in";

    /// <summary>Kinds the back-off counts as failures. Held-back attempts were never checked, so they are not.</summary>
    public static readonly IReadOnlyList<SecurityEventKind> Failures = [SecurityEventKind.SignInFailed, SecurityEventKind.SecondFactorFailed];
}
