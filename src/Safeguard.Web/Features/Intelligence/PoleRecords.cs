using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Intelligence;
using Safeguard.Core.Network;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Notifications;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>
/// Adding to the POLE picture: finding a record again by its key or making it, linking it, recording a person's
/// role, and telling licensing when a suspect drives under a taxi or private hire licence. Changes are added to
/// the context; the caller saves once, so each page's change is one ledgered transaction.
/// </summary>
public static class PoleRecords
{
    public static async Task<PoleObject> FindOrAddObjectAsync(SafeguardDbContext db, NodeKind kind, PoleKey key, string? description, UserContext user,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var existing = await db.PoleObjects.SingleOrDefaultAsync(o => o.Kind == kind && o.Key == key.Key, cancellationToken)
            ?? db.PoleObjects.Local.FirstOrDefault(o => o.Kind == kind && o.Key == key.Key);
        if (existing is not null)
        {
            if (description is not null && existing.Description is null)
            {
                existing.Description = description;
                existing.Label = $"{key.Display} ({description})";
            }
            return existing;
        }
        var added = new PoleObject
        {
            Kind = kind,
            Key = key.Key!,
            Label = description is null ? key.Display! : $"{key.Display} ({description})",
            Description = description,
            RecordedAt = db.Now,
            RecordedByAgencyId = user.AgencyId,
        };
        db.PoleObjects.Add(added);
        return added;
    }

    public static async Task<PoleLocation> FindOrAddPlaceAsync(SafeguardDbContext db, PoleKey key, string name, string? postcode, PlaceKind kind, UserContext user,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var existing = await db.PoleLocations.SingleOrDefaultAsync(l => l.Key == key.Key, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }
        var added = new PoleLocation { Kind = kind, Key = key.Key!, Name = name, Postcode = postcode, RecordedAt = db.Now, RecordedByAgencyId = user.AgencyId };
        db.PoleLocations.Add(added);
        return added;
    }

    /// <summary>The event an item records (made the first time the item is linked), so everything in it is linked through one node.</summary>
    public static async Task<PoleEvent> EnsureEventAsync(SafeguardDbContext db, IntelligenceItem item, UserContext user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(user);
        if (item.EventId is { } id)
        {
            return await db.PoleEvents.SingleAsync(e => e.Id == id, cancellationToken);
        }
        var added = new PoleEvent
        {
            Kind = PoleEventKind.Sighting,
            OccurredAt = item.OccurredAt ?? item.SubmittedAt,
            Summary = item.Title.Length <= 300 ? item.Title : item.Title[..300],
            ItemId = item.Id,
            RecordedAt = db.Now,
            RecordedByAgencyId = user.AgencyId,
        };
        db.PoleEvents.Add(added);
        item.EventId = added.Id;
        db.IntelligenceReferences.Add(new IntelligenceReference
        {
            ItemId = item.Id,
            NodeId = added.Id.Value,
            NodeKind = NodeKind.Event,
            Role = PersonRole.None,
            RecordedAt = db.Now,
            RecordedByUserId = user.UserId,
        });
        return added;
    }

    /// <summary>Records that an item is about a record (once; a person's role in the item is updated if it changes).</summary>
    public static async Task ReferenceAsync(SafeguardDbContext db, IntelligenceItem item, Guid node, NodeKind kind, PersonRole role, UserContext user,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(user);
        var existing = await db.IntelligenceReferences.SingleOrDefaultAsync(r => r.ItemId == item.Id && r.NodeId == node && r.SupersededAt == null, cancellationToken);
        if (existing is not null)
        {
            existing.Role = role;
            return;
        }
        db.IntelligenceReferences.Add(new IntelligenceReference
        {
            ItemId = item.Id,
            NodeId = node,
            NodeKind = kind,
            Role = role,
            RecordedAt = db.Now,
            RecordedByUserId = user.UserId,
        });
    }

    /// <summary>Adds a link unless it would link a record to itself or repeat a current link; returns the problem, or null.</summary>
    public static async Task<string?> LinkAsync(SafeguardDbContext db, (Guid Id, NodeKind Kind) from, (Guid Id, NodeKind Kind) to, LinkKind kind, DateOnly? date,
        LinkConfidence confidence, Id<IntelligenceItem>? item, UserContext user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (from.Id == to.Id)
        {
            return "A record cannot be linked to itself: choose two different records";
        }
        var repeated = await db.PoleLinks.AnyAsync(l => l.SupersededAt == null && l.Kind == kind && l.Date == date
            && ((l.FromId == from.Id && l.ToId == to.Id) || (l.FromId == to.Id && l.ToId == from.Id)), cancellationToken);
        if (repeated)
        {
            return $"These two are already linked as '{PoleText.Describe(kind)}'{(date is { } d ? $" on {PoleText.Day(d)}" : " with no date")}";
        }
        db.PoleLinks.Add(new PoleLink
        {
            FromId = from.Id,
            FromKind = from.Kind,
            ToId = to.Id,
            ToKind = to.Kind,
            Kind = kind,
            Date = date,
            Confidence = confidence,
            ItemId = item,
            RecordedAt = db.Now,
            RecordedByUserId = user.UserId,
        });
        return null;
    }

    /// <summary>
    /// Records a person's role in the intelligence picture. A new person takes the role given; an unknown or an
    /// associate is raised to suspect or victim when an item says so; a suspect or victim is never lowered here
    /// (that is the analyst's explicit decision on the person's network page). Identifying a suspect starts the
    /// disruption clock and makes the analyst responsible until a plan has an owner.
    /// </summary>
    public static async Task<IntelligenceSubject> RoleAsync(SafeguardDbContext db, Id<Person> person, PersonRole role, UserContext user,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var now = db.Now;
        var subject = await db.IntelligenceSubjects.SingleOrDefaultAsync(s => s.PersonId == person, cancellationToken);
        if (subject is null)
        {
            subject = new IntelligenceSubject { PersonId = person, Role = role, RoleSetAt = now, RoleSetByUserId = user.UserId };
            db.IntelligenceSubjects.Add(subject);
        }
        else if (subject.Role is PersonRole.Unknown or PersonRole.Associate && role is PersonRole.Suspect or PersonRole.Victim)
        {
            subject.Role = role;
            subject.RoleSetAt = now;
            subject.RoleSetByUserId = user.UserId;
        }
        if (subject.Role == PersonRole.Suspect && subject.IdentifiedAt is null)
        {
            subject.IdentifiedAt = now;
            subject.DisruptionOwnerUserId ??= user.UserId;
        }
        return subject;
    }

    /// <summary>
    /// Raises a notice to the taxi licensing authority for each of these people who is a suspect and holds a
    /// driver's licence or owns or uses a licensed vehicle, unless a notice saying the same is already there.
    /// Reads saved and pending changes alike, so it can be called just before the save that made the difference.
    /// Every active user of a taxi licensing agency is told in the app and by email, in that same save; the email
    /// names nobody and says only that a notice is waiting.
    /// </summary>
    public static async Task NotifyLicensingAsync(SafeguardDbContext db, Notifier notifier, IEnumerable<Id<Person>> people, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notifier);
        foreach (var person in people.Distinct())
        {
            var role = db.IntelligenceSubjects.Local.FirstOrDefault(s => s.PersonId == person)?.Role
                ?? await db.IntelligenceSubjects.Where(s => s.PersonId == person).Select(s => (PersonRole?)s.Role).SingleOrDefaultAsync(cancellationToken)
                ?? PersonRole.Unknown;
            if (role != PersonRole.Suspect)
            {
                continue;
            }
            var licences = (await db.PersonIdentifiers.Where(i => i.PersonId == person && i.SupersededAt == null
                    && (i.Kind == IdentifierKind.HackneyCarriageDriverLicence || i.Kind == IdentifierKind.PrivateHireDriverLicence)).ToListAsync(cancellationToken))
                .Concat(db.PersonIdentifiers.Local.Where(i => i.PersonId == person && i.SupersededAt == null
                    && i.Kind is IdentifierKind.HackneyCarriageDriverLicence or IdentifierKind.PrivateHireDriverLicence))
                .DistinctBy(i => i.Id)
                .Select(i => $"{PeopleText.Describe(i.Kind)} {i.Value}").ToList();
            var links = (await db.PoleLinks.Where(l => l.SupersededAt == null && (l.FromId == person.Value || l.ToId == person.Value)).ToListAsync(cancellationToken))
                .Concat(db.PoleLinks.Local.Where(l => l.SupersededAt == null && (l.FromId == person.Value || l.ToId == person.Value)))
                .DistinctBy(l => l.Id)
                .Select(l => (Other: l.FromId == person.Value ? l.ToId : l.FromId, l.Kind)).ToList();
            var ends = links.Select(l => new Id<PoleObject>(l.Other)).ToList();
            var licensed = (await db.PoleObjects.Where(o => ends.Contains(o.Id) && o.Licence != VehicleLicence.None).ToListAsync(cancellationToken))
                .Concat(db.PoleObjects.Local.Where(o => ends.Contains(o.Id) && o.Licence != VehicleLicence.None))
                .DistinctBy(o => o.Id).ToDictionary(o => o.Id.Value);
            var toLicensed = links.Where(l => licensed.ContainsKey(l.Other)).ToList();
            if (!TaxiLicensing.NoticeNeeded(role, licences.Count > 0, toLicensed.Select(l => l.Kind)))
            {
                continue;
            }
            var held = licences.Concat(toLicensed.Where(l => TaxiLicensing.IsDriving(l.Kind)).Select(l => licensed[l.Other]).Distinct()
                    .Select(o => $"drives {o.Label}: {TaxiLicensing.Describe(o.Licence).ToLowerInvariant()}{(o.LicenceNumber is null ? "" : $", plate {o.LicenceNumber}")}"))
                .Order(StringComparer.Ordinal).ToList();
            var text = string.Join("; ", held);
            if (text.Length > 1000)
            {
                text = text[..1000];
            }
            if (await db.LicensingNotices.AnyAsync(n => n.PersonId == person && n.Licences == text, cancellationToken)
                || db.LicensingNotices.Local.Any(n => n.PersonId == person && n.Licences == text))
            {
                continue;
            }
            var notice = db.LicensingNotices.Add(new LicensingNotice { PersonId = person, Licences = text, CreatedAt = db.Now }).Entity;
            var licensingUsers = await db.Users.Where(u => u.IsActive)
                .Join(db.Agencies.Where(a => a.Kind == AgencyKind.TaxiLicensing), u => u.AgencyId, a => a.Id, (u, a) => u.Id).ToListAsync(cancellationToken);
            await notifier.NotifyAsync(licensingUsers, $"licensing-notice/{notice.Id}",
                "A new licensing notice is waiting: a suspect holds or drives under a taxi or private hire licence.", "/licensing/notices",
                "a licensing notice is waiting for your authority", cancellationToken);
        }
    }
}
