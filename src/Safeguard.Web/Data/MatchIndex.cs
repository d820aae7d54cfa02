using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Safeguard.Core;
using Safeguard.Core.Matching;
using Safeguard.Web.Data.Model;
using CoreSex = Safeguard.Core.Matching.Sex;

namespace Safeguard.Web.Data;

/// <summary>
/// The stored side of real-time matching: each person's forms (<see cref="PersonMatchRecord"/>) and blocking keys
/// (<see cref="PersonMatchKey"/>), derived from the ledgered record. <see cref="SafeguardDbContext"/> refreshes them
/// in the same transaction as any save that changes a matching field, so every instance sees them at once;
/// `./safeguard match reindex` rebuilds them all. Keys come from <see cref="Blocking.BlockingKeys(PersonRecord)"/>
/// with the default name variants, so they are a function of the record alone, never of a trained model.
/// </summary>
public static class MatchIndex
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    // Person properties that feed matching: a change to one of them re-derives the person's keys and forms.
    private static readonly HashSet<string> s_personFields =
    [
        nameof(Person.GivenName), nameof(Person.MiddleNames), nameof(Person.FamilyName), nameof(Person.DateOfBirth),
        nameof(Person.Sex), nameof(Person.NhsNumber), nameof(Person.Phone),
    ];

    // Rules that pair two records only when one has no date of birth (see BlockingRule.OnlyWhenDateOfBirthMissing).
    private static readonly HashSet<string> s_dateMissingRules =
        Blocking.Rules.Where(r => r.OnlyWhenDateOfBirthMissing).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The people whose matching fields the pending changes touch (before the save: it reads the states).</summary>
    public static HashSet<Id<Person>> PeopleToRefresh(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var people = new HashSet<Id<Person>>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            var changed = entry.State == EntityState.Added
                || entry.Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)
                    && (entry.Entity is not Person || s_personFields.Contains(p.Metadata.Name)));
            if (!changed)
            {
                continue;
            }
            Id<Person>? person = entry.Entity switch
            {
                Person p => p.Id,
                PersonName n => n.PersonId,
                PersonIdentifier i => i.PersonId,
                PersonAddress a => a.PersonId,
                _ => null,
            };
            if (person is { } id)
            {
                people.Add(id);
            }
        }
        return people;
    }

    /// <summary>
    /// Re-derives the forms and keys of <paramref name="people"/> from what the database holds now (inside the
    /// caller's transaction), adding new keys, superseding keys the record no longer gives and reviving any that
    /// come back. The changes are left in the context for the caller to save.
    /// </summary>
    public static async Task RefreshAsync(SafeguardDbContext db, IReadOnlyCollection<Id<Person>> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(people);
        var ids = people.ToList();
        var persons = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var names = (await db.PersonNames.AsNoTracking().Where(n => ids.Contains(n.PersonId) && n.SupersededAt == null).ToListAsync(cancellationToken)).ToLookup(n => n.PersonId);
        var identifiers = (await db.PersonIdentifiers.AsNoTracking().Where(n => ids.Contains(n.PersonId) && n.SupersededAt == null).ToListAsync(cancellationToken)).ToLookup(n => n.PersonId);
        var addresses = (await db.PersonAddresses.AsNoTracking().Where(n => ids.Contains(n.PersonId) && n.SupersededAt == null).ToListAsync(cancellationToken)).ToLookup(n => n.PersonId);
        var keys = (await db.PersonMatchKeys.Where(k => ids.Contains(k.PersonId)).ToListAsync(cancellationToken)).ToLookup(k => k.PersonId);
        var records = await db.PersonMatchRecords.Where(r => ids.Contains(r.PersonId)).ToDictionaryAsync(r => r.PersonId, cancellationToken);
        var now = db.Now;
        foreach (var person in persons)
        {
            var forms = Forms(person, names[person.Id], identifiers[person.Id], addresses[person.Id]);
            var json = Serialize(forms);
            if (records.TryGetValue(person.Id, out var record))
            {
                if (record.Forms != json)
                {
                    record.Forms = json;
                    record.UpdatedAt = now;
                }
            }
            else
            {
                db.PersonMatchRecords.Add(new PersonMatchRecord { PersonId = person.Id, Forms = json, UpdatedAt = now });
            }

            var wanted = StoredKeys(forms).ToHashSet();
            foreach (var existing in keys[person.Id])
            {
                var live = wanted.Remove(existing.Key);
                if (live && existing.SupersededAt is not null)
                {
                    existing.SupersededAt = null;
                }
                else if (!live && existing.SupersededAt is null)
                {
                    existing.SupersededAt = now;
                }
            }
            foreach (var key in wanted)
            {
                db.PersonMatchKeys.Add(new PersonMatchKey { PersonId = person.Id, Key = key, AddedAt = now });
            }
        }
    }

    /// <summary>
    /// The forms of a person's record that the matcher compares: the main details with the current address, then
    /// the same with each other name, each other address and each identifier in turn. A pair of people scores as
    /// their best pair of forms, so an alias or an old address that agrees is evidence, and one that does not is
    /// not evidence against. Identifiers carry their kind ("PolicePersonId:123") so that only like is compared with like.
    /// </summary>
    public static IReadOnlyList<PersonRecord> Forms(Person person, IEnumerable<PersonName> otherNames, IEnumerable<PersonIdentifier> identifiers, IEnumerable<PersonAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(person);
        var ordered = addresses.OrderBy(a => a.To is null ? 0 : 1).ThenByDescending(a => a.From ?? DateOnly.MinValue).ThenByDescending(a => a.RecordedAt).ToList();
        var current = ordered.FirstOrDefault();
        var main = new PersonRecord(person.Id.ToString())
        {
            GivenName = person.GivenName,
            MiddleNames = person.MiddleNames,
            FamilyName = person.FamilyName,
            DateOfBirth = person.DateOfBirth,
            Sex = person.Sex switch { Model.Sex.Female => CoreSex.Female, Model.Sex.Male => CoreSex.Male, _ => null },
            NhsNumber = person.NhsNumber,
            Address = current is null ? null : AddressLine(current),
            Postcode = current?.Postcode,
            Phone = person.Phone,
        };
        var forms = new List<PersonRecord> { main };
        foreach (var name in otherNames)
        {
            if (SplitName(name, person) is { } split)
            {
                forms.Add(main with { GivenName = split.Given, MiddleNames = split.Middle, FamilyName = split.Family });
            }
        }
        foreach (var address in ordered.Skip(1))
        {
            forms.Add(main with { Address = AddressLine(address), Postcode = address.Postcode });
        }
        foreach (var identifier in identifiers)
        {
            forms.Add(main with { Identifier = Identifier(identifier.Kind, identifier.Value) });
        }
        return [.. forms.Distinct()];
    }

    /// <summary>An identifier as matching compares it: its kind and value, so a pupil number never meets a police id.</summary>
    public static string Identifier(IdentifierKind kind, string value) => $"{kind}:{value}";

    public static string AddressLine(PersonAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return string.Join(' ', new[] { address.Line1, address.Line2, address.Town }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    /// <summary>
    /// The keys stored for a person: every blocking key of every form, hashed. A rule that pairs records only when
    /// one lacks a date of birth is stored twice for a record without one, so the query can ask for exactly the
    /// records that rule would pair (see <see cref="QueryKeys"/>).
    /// </summary>
    public static IEnumerable<long> StoredKeys(IReadOnlyList<PersonRecord> forms) => KeysOf(forms, stored: true);

    /// <summary>The keys to look up for a record being matched.</summary>
    public static long[] QueryKeys(IReadOnlyList<PersonRecord> forms) => [.. KeysOf(forms, stored: false)];

    private static IEnumerable<long> KeysOf(IReadOnlyList<PersonRecord> forms, bool stored)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var keys = new HashSet<long>();
        foreach (var form in forms)
        {
            var dateMissing = form.DateOfBirth is null;
            foreach (var key in Blocking.BlockingKeys(form))
            {
                var rule = key[..key.IndexOf(':', StringComparison.Ordinal)];
                if (!s_dateMissingRules.Contains(rule))
                {
                    keys.Add(Hash(key));
                    continue;
                }
                // Stored: every record under the plain key, records without a date of birth also under the marked
                // key. Asked: a record without a date of birth asks for everyone (plain), one with a date only for
                // those without (marked).
                if (stored || dateMissing)
                {
                    keys.Add(Hash(key));
                }
                if (stored ? dateMissing : !dateMissing)
                {
                    keys.Add(Hash("!" + key));
                }
            }
        }
        return keys;
    }

    /// <summary>A key's 64-bit hash (the first eight bytes of SHA-256): small to index, the same in every process.</summary>
    public static long Hash(string key)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), digest);
        return BinaryPrimitives.ReadInt64BigEndian(digest);
    }

    public static string Serialize(IReadOnlyList<PersonRecord> forms) => JsonSerializer.Serialize(forms, s_json);

    public static IReadOnlyList<PersonRecord> Deserialize(string json) =>
        JsonSerializer.Deserialize<PersonRecord[]>(json, s_json) ?? [];

    // One word: "Ambs" (known as) is a given name, "Smith" (a previous name) a family name. More: first, middle, last.
    private static (string? Given, string? Middle, string? Family)? SplitName(PersonName name, Person person)
    {
        var words = name.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length switch
        {
            0 => null,
            1 when name.Kind == PersonNameKind.PreviousName => (person.GivenName, person.MiddleNames, words[0]),
            1 => (words[0], null, person.FamilyName),
            2 => (words[0], null, words[1]),
            _ => (words[0], string.Join(' ', words[1..^1]), words[^1]),
        };
    }
}
