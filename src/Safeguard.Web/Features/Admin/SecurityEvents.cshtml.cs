using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Admin;

/// <summary>
/// Sign-in events for the partnership administrator: failed passwords and codes, attempts held back, sign-ins, with
/// the account (when it exists) and the client address, newest first. A run of failures against one account, or from
/// one address against many, is what the administrator looks for; nothing here holds a password, a code or an email
/// address that has no account.
/// </summary>
[Authorize(Policy = Policies.PartnershipAdmin)]
public sealed class SecurityEventsModel(SafeguardDbContext db) : PageModel
{
    public const int Shown = 300;

    [BindProperty(SupportsGet = true)]
    public string? Only { get; set; } = "problems";

    public List<SelectListItem> Filters { get; } = [new("Failures and held-back attempts", "problems"), new("Everything, with sign-ins", "all")];

    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(DateTimeOffset At, SecurityEventKind Kind, SecurityEventReason Reason, string? Name, string? Email, string? AccountKey, string ClientAddress);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var events = db.SecurityEvents.AsNoTracking();
        if (Only != "all")
        {
            events = events.Where(e => e.Kind != SecurityEventKind.SignedIn);
        }
        var latest = await events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(Shown).ToListAsync(cancellationToken);
        var ids = latest.Where(e => e.UserId is not null).Select(e => e.UserId!.Value).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.DisplayName, u.Email), cancellationToken);
        Rows = latest.Select(e => e.UserId is { } id && accounts.TryGetValue(id, out var account)
            ? new Row(e.At, e.Kind, e.Reason, account.DisplayName, account.Email, e.AccountKey, e.ClientAddress)
            : new Row(e.At, e.Kind, e.Reason, null, null, e.AccountKey, e.ClientAddress)).ToList();
    }

    public static string Describe(SecurityEventKind kind) => kind switch
    {
        SecurityEventKind.SignedIn => "Signed in",
        SecurityEventKind.SignInFailed => "Sign-in failed",
        SecurityEventKind.SecondFactorFailed => "Code failed",
        SecurityEventKind.HeldBack => "Held back",
        _ => kind.ToString(),
    };

    public static string Describe(SecurityEventReason reason) => reason switch
    {
        SecurityEventReason.PasswordAndCode => "Password and authenticator code",
        SecurityEventReason.PasswordOnlyAuthenticatorNotSetUp => "Password only: authenticator not yet set up",
        SecurityEventReason.AuthenticatorSetUp => "Set up their authenticator",
        SecurityEventReason.OrganisationAccount => "Through their organisation's sign-in",
        SecurityEventReason.WrongPassword => "Wrong password",
        SecurityEventReason.NoSuchAccount => "No account has this email address",
        SecurityEventReason.AccountSwitchedOff => "The account is switched off",
        SecurityEventReason.OrganisationGaveNoKnownAccount => "Their organisation's sign-in named no active account",
        SecurityEventReason.OrganisationGaveNoSecondFactor => "Their organisation's sign-in confirmed no second factor",
        SecurityEventReason.WrongCode => "Wrong authenticator code",
        SecurityEventReason.CodeAlreadyUsed => "An authenticator code already used (possibly seen or captured)",
        SecurityEventReason.TooManyFailuresForAccountFromAddress => "Too many failures for this account from this address",
        SecurityEventReason.TooManyFailuresForAccount => "Too many failures for this account",
        SecurityEventReason.TooManyFailuresFromAddress => "Too many failures from this address",
        _ => reason.ToString(),
    };
}
