using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Account;

/// <summary>
/// What the sign-in pages do around each check of a password or code (docs/adr/0013): the back-off that slows
/// guessing without locking anyone out, the security event every attempt leaves for the administrator, the same
/// password-hashing work whether or not the account exists, and the known-device cookie that exempts a person's own
/// browser from back-off caused by others.
/// </summary>
public sealed class SignInAttempts(SafeguardDbContext db, UserManager<AppUser> users, IDataProtectionProvider protection, IConfiguration configuration)
{
    private const string KnownDeviceCookie = "safeguard-device";
    private const int MostAccountsPerDevice = 5;
    private static readonly TimeSpan s_knownDeviceLifetime = TimeSpan.FromDays(90);

    private static string? s_standInHash;

    private IDataProtector KnownDevices => protection.CreateProtector("Safeguard.SignIn.KnownDevice.v1");

    public static string ClientAddressOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <summary>
    /// The account an email address names, as the back-off and the events key it: the same whether or not the account
    /// exists, and not the address itself (a mistyped address is nobody's business but the person who typed it).
    /// </summary>
    public string AccountKeyOf(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(users.NormalizeEmail(email) ?? "")));

    /// <summary>The back-off this attempt is held by, if any. Called before the password or code is checked.</summary>
    public async Task<BackOff?> HeldBackAsync(HttpContext http, string accountKey, Guid? userId, CancellationToken cancellationToken)
    {
        var client = ClientAddressOf(http);
        var now = db.Now;
        var since = now - SignInBackOffRules.Default.LongestWindow;
        var attempts = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.At > since && (e.AccountKey == accountKey || e.ClientAddress == client)
                && (e.Kind == SecurityEventKind.SignedIn || SecurityEvent.Failures.Contains(e.Kind)))
            .Select(e => new PastAttempt(e.At, e.AccountKey ?? "", e.ClientAddress, e.Kind != SecurityEventKind.SignedIn))
            .ToListAsync(cancellationToken);
        var knownDevice = userId is { } id && KnownDeviceUsers(http).ContainsKey(id);
        return SignInBackOffRules.Default.Check(accountKey, client, knownDevice, attempts, now);
    }

    public static SecurityEventReason ReasonFor(BackOff backOff)
    {
        ArgumentNullException.ThrowIfNull(backOff);
        return backOff.Scope switch
        {
            BackOffScope.AccountFromClient => SecurityEventReason.TooManyFailuresForAccountFromAddress,
            BackOffScope.Account => SecurityEventReason.TooManyFailuresForAccount,
            _ => SecurityEventReason.TooManyFailuresFromAddress,
        };
    }

    /// <summary>
    /// Hashes the password typed against a stand-in hash: the work a real account's check costs, for an attempt whose
    /// answer is already "no" (no such account, switched off, held back). Without it, how long the page takes to say
    /// no tells anyone which email addresses have accounts.
    /// </summary>
    public void SpendPasswordCheckWork(string password)
    {
        var standIn = new AppUser { DisplayName = "" };
        s_standInHash ??= users.PasswordHasher.HashPassword(standIn, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        users.PasswordHasher.VerifyHashedPassword(standIn, s_standInHash, password);
    }

    public async Task RecordAsync(HttpContext http, SecurityEventKind kind, SecurityEventReason reason, string? accountKey, Guid? userId, CancellationToken cancellationToken)
    {
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = db.Now,
            Kind = kind,
            Reason = reason,
            UserId = userId,
            AccountKey = accountKey,
            ClientAddress = ClientAddressOf(http),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Marks this browser as one <paramref name="userId"/> has signed in on (after both steps): the account-wide and
    /// address-wide back-offs then never hold that person back here, whatever others try against the account.
    /// </summary>
    public void RememberDevice(HttpContext http, Guid userId)
    {
        var now = db.Now;
        var known = KnownDeviceUsers(http);
        known[userId] = now;
        var kept = known.OrderByDescending(k => k.Value).Take(MostAccountsPerDevice);
        var payload = string.Join(';', kept.Select(k => $"{k.Key:N}:{k.Value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}"));
        http.Response.Cookies.Append(KnownDeviceCookie, KnownDevices.Protect(payload), new CookieOptions
        {
            HttpOnly = true,
            // As every Safeguard cookie: Secure, except the demo on plain HTTP on loopback (docs/adr/0004).
            Secure = http.Request.IsHttps || !SafeguardApp.IsDemo(configuration),
            SameSite = SameSiteMode.Strict,
            Path = "/account",
            MaxAge = s_knownDeviceLifetime,
            IsEssential = true,
        });
    }

    /// <summary>The users this browser's known-device cookie vouches for, with when each last signed in on it.</summary>
    private Dictionary<Guid, DateTimeOffset> KnownDeviceUsers(HttpContext http)
    {
        var known = new Dictionary<Guid, DateTimeOffset>();
        if (http.Request.Cookies[KnownDeviceCookie] is not { Length: > 0 } cookie)
        {
            return known;
        }
        string payload;
        try
        {
            payload = KnownDevices.Unprotect(cookie);
        }
        catch (CryptographicException)
        {
            return known; // forged, damaged or from keys no longer held: no device is known
        }
        var now = db.Now;
        foreach (var part in payload.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = part.Split(':');
            if (fields.Length == 2 && Guid.TryParseExact(fields[0], "N", out var user)
                && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && DateTimeOffset.FromUnixTimeSeconds(seconds) is var at && at + s_knownDeviceLifetime > now)
            {
                known[user] = at;
            }
        }
        return known;
    }
}
