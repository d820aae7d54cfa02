using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Data;

/// <summary>One change about to be saved, as the ledger will record it.</summary>
public sealed record PendingLedgerEntry(string Stream, string Type, string Payload);

/// <summary>
/// Turns the change tracker's pending changes into ledger entries: what changed, with the value before and after.
/// This is where "nothing is deleted" is enforced for every entity at once: a deletion of a record throws before
/// anything reaches the database. Only Identity's bookkeeping rows (role memberships, login tokens) may be removed,
/// and those removals are ledgered too.
/// </summary>
public static class LedgerChanges
{
    private const string Redacted = "[redacted]";

    // Secrets never enter the ledger: a change to them is recorded, the value is not.
    private static readonly HashSet<string> s_secretProperties =
    [
        nameof(IdentityUser<Guid>.PasswordHash),
        nameof(IdentityUser<Guid>.SecurityStamp),
        nameof(IdentityUser<Guid>.ConcurrencyStamp),
        nameof(IdentityUserToken<Guid>.Value),
        nameof(DataProtectionKey.Xml),
        nameof(PartnerToken.TokenHash),
    ];

    private static readonly HashSet<Type> s_removable =
    [
        typeof(IdentityUserRole<Guid>),
        typeof(IdentityUserToken<Guid>),
        typeof(IdentityUserLogin<Guid>),
        typeof(IdentityUserClaim<Guid>),
        typeof(IdentityRoleClaim<Guid>),
    ];

    public static List<PendingLedgerEntry> Collect(ChangeTracker tracker)
    {
        var pending = new List<PendingLedgerEntry>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is LedgerEntry or AccessLogEntry || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            if (entry.State == EntityState.Deleted && !s_removable.Contains(entry.Metadata.ClrType))
            {
                throw new InvalidOperationException(
                    $"Safeguard never deletes a {entry.Metadata.ClrType.Name}: record a correction that supersedes it instead.");
            }
            if (entry.Entity is PersonMatchKey or PersonMatchRecord)
            {
                continue; // derived from ledgered fields and recomputable: not ledgered (docs/adr/0008)
            }
            if (entry.State == EntityState.Modified && !entry.Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
            {
                continue;
            }
            pending.Add(new PendingLedgerEntry(StreamOf(entry), TypeOf(entry), PayloadOf(entry)));
        }
        return pending;
    }

    private static string StreamOf(EntityEntry entry) => entry.Entity switch
    {
        ILedgerStream streamed => streamed.LedgerStream,
        IdentityUserRole<Guid> role => $"user/{role.UserId}",
        IdentityUserToken<Guid> token => $"user/{token.UserId}",
        IdentityUserLogin<Guid> login => $"user/{login.UserId}",
        IdentityUserClaim<Guid> claim => $"user/{claim.UserId}",
        _ => $"system/{entry.Metadata.ClrType.Name.Split('`')[0].ToLowerInvariant()}",
    };

    private static string TypeOf(EntityEntry entry)
    {
        var name = entry.Metadata.ClrType.Name.Split('`')[0];
        var verb = entry.State switch
        {
            EntityState.Added => "added",
            EntityState.Deleted => "removed",
            _ => "changed",
        };
        return $"{name}.{verb}";
    }

    private static string PayloadOf(EntityEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("entity", entry.Metadata.ClrType.Name.Split('`')[0]);
            json.WriteString("key", KeyOf(entry));
            json.WriteStartObject("changes");
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                var secret = s_secretProperties.Contains(name);
                switch (entry.State)
                {
                    case EntityState.Added:
                        json.WriteStartObject(name);
                        json.WriteNull("before");
                        WriteValue(json, "after", secret ? Redacted : property.CurrentValue);
                        json.WriteEndObject();
                        break;
                    case EntityState.Deleted:
                        json.WriteStartObject(name);
                        WriteValue(json, "before", secret ? Redacted : property.OriginalValue);
                        json.WriteNull("after");
                        json.WriteEndObject();
                        break;
                    default:
                        if (!property.IsModified || Equals(property.OriginalValue, property.CurrentValue))
                        {
                            continue;
                        }
                        json.WriteStartObject(name);
                        WriteValue(json, "before", secret ? Redacted : property.OriginalValue);
                        WriteValue(json, "after", secret ? Redacted : property.CurrentValue);
                        json.WriteEndObject();
                        break;
                }
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? ""
            : string.Join("|", key.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteString(name, Format(value));
    }

    /// <summary>One invariant text form per value, so a payload reads the same on every machine and provider.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset instant => Core.Ledger.ChainHash.FormatInstant(instant),
        DateTime dateTime => dateTime.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
