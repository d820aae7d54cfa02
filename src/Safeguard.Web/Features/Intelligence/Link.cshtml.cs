using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Intelligence;
using Safeguard.Core.Network;
using Safeguard.Core.People;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Matching;
using Safeguard.Web.Features.Shared;
using Safeguard.Web.Notifications;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>
/// The intelligence unit links an item to POLE records: the people (matched to people already in Safeguard),
/// vehicles, phones, accounts, documents and places it is about, each linked to the event the item records, and
/// typed, dated links between any two of them, each with a confidence.
/// </summary>
[Authorize(Policy = Policies.IntelligenceUnit)]
public sealed class LinkModel(SafeguardDbContext db, PersonMatching matching, Notifier notifier) : PageModel
{
    public IntelligenceItem Item { get; private set; } = null!;
    public PoleEvent? Event { get; private set; }
    public List<ItemRecord> Records { get; private set; } = [];
    public List<LinkRow> Links { get; private set; } = [];
    public List<Person> Candidates { get; private set; } = [];
    public string? ChildName { get; private set; }
    /// <summary>The form that was posted and failed, shown open.</summary>
    public string? OpenForm { get; private set; }

    [BindProperty] public PersonInput NewPerson { get; set; } = new();
    [BindProperty] public VehicleInput NewVehicle { get; set; } = new();
    [BindProperty] public PhoneInput NewPhone { get; set; } = new();
    [BindProperty] public OtherInput NewOther { get; set; } = new();
    [BindProperty] public PlaceInput NewPlace { get; set; } = new();
    [BindProperty] public LinkInput NewLink { get; set; } = new();
    [BindProperty] public string? EventKind { get; set; }

    public sealed record ItemRecord(Guid Id, NodeKind Kind, string Label, PersonRole Role);
    public sealed record LinkRow(string From, LinkKind Kind, string To, DateOnly? Date, LinkConfidence Confidence);

    public class LinkedInput
    {
        public string? LinkKind { get; set; }
        public string? Confidence { get; set; } = nameof(LinkConfidence.Tentative);
    }

    public sealed class PersonInput : LinkedInput
    {
        public PersonInput() => LinkKind = "present-at";
        public string? GivenName { get; set; }
        public string? FamilyName { get; set; }
        public DateInput DateOfBirth { get; set; } = new();
        public string? NhsNumber { get; set; }
        public string? Role { get; set; }
        public string? Licence { get; set; }
        public string? LicenceNumber { get; set; }
        /// <summary>Which existing person this is, when more than one matches; "new" for none of them.</summary>
        public string? MatchId { get; set; }
    }

    public sealed class VehicleInput : LinkedInput
    {
        public VehicleInput() => LinkKind = "present-at";
        public string? Registration { get; set; }
        public string? Description { get; set; }
        public string? Licence { get; set; }
        public string? LicenceNumber { get; set; }
    }

    public sealed class PhoneInput : LinkedInput
    {
        public PhoneInput() => LinkKind = "present-at";
        public string? Number { get; set; }
    }

    public sealed class OtherInput : LinkedInput
    {
        public OtherInput() => LinkKind = "present-at";
        public string? Kind { get; set; }
        public string? Qualifier { get; set; }
        public string? Value { get; set; }
    }

    public sealed class PlaceInput : LinkedInput
    {
        public PlaceInput() => LinkKind = "located-at";
        public string? Name { get; set; }
        public string? Postcode { get; set; }
        public string? Kind { get; set; }
    }

    public sealed class LinkInput : LinkedInput
    {
        public LinkInput() => LinkKind = "";
        public string? From { get; set; }
        public string? To { get; set; }
        public DateInput Date { get; set; } = new();
    }

    public static IReadOnlyList<SelectListItem> RoleOptions { get; } =
        [.. new[] { PersonRole.Victim, PersonRole.Suspect, PersonRole.Associate, PersonRole.Unknown }.Select(r => new SelectListItem(r.ToString(), r.ToString()))];
    public static IReadOnlyList<SelectListItem> ConfidenceOptions { get; } =
        [.. Enum.GetValues<LinkConfidence>().Reverse().Select(c => new SelectListItem(c.ToString(), c.ToString()))];
    public static IReadOnlyList<SelectListItem> LinkKindOptions { get; } =
        [new("Choose a kind of link", ""), .. Enum.GetValues<LinkKind>().Select(k => new SelectListItem(PoleText.Describe(k), Vocabulary.Name(k)))];
    public static IReadOnlyList<SelectListItem> DriverLicenceOptions { get; } =
    [
        new("None known", ""),
        new(PeopleText.Describe(IdentifierKind.HackneyCarriageDriverLicence), nameof(IdentifierKind.HackneyCarriageDriverLicence)),
        new(PeopleText.Describe(IdentifierKind.PrivateHireDriverLicence), nameof(IdentifierKind.PrivateHireDriverLicence)),
    ];
    public static IReadOnlyList<SelectListItem> VehicleLicenceOptions { get; } =
        [.. Enum.GetValues<VehicleLicence>().Select(l => new SelectListItem(TaxiLicensing.Describe(l), l.ToString()))];
    public static IReadOnlyList<SelectListItem> OtherKindOptions { get; } =
        [new("Online account", nameof(NodeKind.Account)), new("Document", nameof(NodeKind.Document))];
    public static IReadOnlyList<SelectListItem> PlaceKindOptions { get; } =
        [.. Enum.GetValues<PlaceKind>().Select(k => new SelectListItem(PoleText.Describe(k), k.ToString()))];
    public static IReadOnlyList<SelectListItem> EventKindOptions { get; } =
        [.. Enum.GetValues<PoleEventKind>().Select(k => new SelectListItem(PoleText.Describe(k), k.ToString()))];

    public List<SelectListItem> CandidateOptions =>
    [
        .. Candidates.Select(c => new SelectListItem(
            $"{c.FullName}{(c.DateOfBirth is { } born ? $", born {PoleText.Day(born)}" : "")}{(c.NhsNumber is null ? "" : $", NHS number {c.NhsNumber}")}", c.Id.ToString())),
        new("None of these: a new person", "new"),
    ];

    public List<SelectListItem> RecordOptions => [new("Choose a record", ""), .. Records.Select(r => new SelectListItem($"{r.Label} ({PoleText.Describe(r.Kind)})", r.Id.ToString()))];

    public async Task<IActionResult> OnGetAsync(Id<IntelligenceItem> id, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(id, cancellationToken))
        {
            return NotFound();
        }
        await db.SaveChangesAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddPersonAsync(Id<IntelligenceItem> id, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(id, cancellationToken))
        {
            return NotFound();
        }
        const string Form = nameof(NewPerson);
        var input = NewPerson;
        var user = UserContext.From(User);
        var given = ModelState.RequiredText(input.GivenName, $"{Form}.GivenName", "Enter the person's first name, or 'Unknown'", 200, "First name");
        var family = ModelState.RequiredText(input.FamilyName, $"{Form}.FamilyName", "Enter the person's family name, or 'Unknown'", 200, "Family name");
        var born = ModelState.OptionalPastDate(input.DateOfBirth, $"{Form}.DateOfBirth", "Date of birth", DateOnly.FromDateTime(UkTime.ToLocal(db.Now).DateTime));
        string? nhs = null;
        if (!string.IsNullOrWhiteSpace(input.NhsNumber))
        {
            nhs = NhsNumber.Normalise(input.NhsNumber);
            if (nhs is null || !NhsNumber.IsValid(nhs))
            {
                ModelState.AddModelError($"{Form}.NhsNumber", "This is not a valid NHS number: check the 10 digits");
            }
        }
        var role = ParseRole(input.Role, $"{Form}.Role");
        IdentifierKind? licence = null;
        if (!string.IsNullOrEmpty(input.Licence))
        {
            if (Enum.TryParse<IdentifierKind>(input.Licence, out var kind) && kind is IdentifierKind.HackneyCarriageDriverLicence or IdentifierKind.PrivateHireDriverLicence)
            {
                licence = kind;
            }
            else
            {
                ModelState.AddModelError($"{Form}.Licence", "Choose a kind of driver's licence, or none known");
            }
        }
        var licenceNumber = licence is null ? null : ModelState.RequiredText(input.LicenceNumber, $"{Form}.LicenceNumber", "Enter the licence number", 100, "Licence number");
        var (linkKind, confidence) = ParseLink(input, Form);
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(Form, cancellationToken);
        }

        // Match before making anyone new: the same person must not become two records.
        Person? person = null;
        Candidates = await PersonLookup.FindAsync(db, given!, family!, born, nhs, cancellationToken);
        if (Id<Person>.TryParse(input.MatchId, null, out var chosen))
        {
            // Only a person the lookup offered, or the child the submitter named.
            if (chosen != Item.ChildId && Candidates.All(p => p.Id != chosen))
            {
                ModelState.AddModelError($"{Form}.MatchId", "Choose one of the people listed, or a new person");
                return await RedisplayAsync(Form, cancellationToken);
            }
            person = await db.People.SingleAsync(p => p.Id == chosen, cancellationToken);
        }
        else if (input.MatchId != "new")
        {
            if (Candidates.Count == 1)
            {
                person = await db.People.SingleAsync(p => p.Id == Candidates[0].Id, cancellationToken);
            }
            else if (Candidates.Count > 1)
            {
                ModelState.AddModelError($"{Form}.MatchId", $"{Candidates.Count} people in Safeguard match {given} {family}: choose which one this is, or a new person");
                return await RedisplayAsync(Form, cancellationToken);
            }
        }
        var now = db.Now;
        var isNew = person is null;
        if (person is null)
        {
            var today = DateOnly.FromDateTime(UkTime.ToLocal(now).DateTime);
            person = new Person
            {
                Kind = born is { } b && b.AddYears(18) > today ? PersonKind.Child : PersonKind.Adult,
                GivenName = given!,
                FamilyName = family!,
                DateOfBirth = born,
                NhsNumber = nhs,
                CreatedByAgencyId = user.AgencyId,
                CreatedAt = now,
            };
            db.People.Add(person);
        }
        if (licence is { } l && !await db.PersonIdentifiers.AnyAsync(i => i.PersonId == person.Id && i.Kind == l && i.Value == licenceNumber && i.SupersededAt == null, cancellationToken))
        {
            db.PersonIdentifiers.Add(new PersonIdentifier { PersonId = person.Id, Kind = l, Value = licenceNumber!, RecordedByAgencyId = user.AgencyId, RecordedAt = now });
        }
        await PoleRecords.RoleAsync(db, person.Id, role!.Value, user, cancellationToken);
        await PoleRecords.ReferenceAsync(db, Item, person.Id.Value, NodeKind.Person, role.Value, user, cancellationToken);
        var problem = await LinkToEventAsync((person.Id.Value, NodeKind.Person), linkKind!.Value, confidence!.Value, user, cancellationToken);
        await PoleRecords.NotifyLicensingAsync(db, notifier, [person.Id], cancellationToken);
        var saved = await SaveAsync(Form, problem, $"{person.FullName} is linked as {role.Value.ToString().ToLowerInvariant()}.", cancellationToken);
        if (isNew && problem is null)
        {
            // The lookup above finds only exact matches; the engine, once the new record and its keys are saved,
            // links the one certain person it may be and sends possible ones to the front door (issue 4).
            TempData["Saved"] += MatchText.Outcome(await matching.MatchOnIntakeAsync(person.Id, cancellationToken));
        }
        return saved;
    }

    public async Task<IActionResult> OnPostAddVehicleAsync(Id<IntelligenceItem> id, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(id, cancellationToken))
        {
            return NotFound();
        }
        const string Form = nameof(NewVehicle);
        var input = NewVehicle;
        var key = PoleKeys.RegistrationMark(input.Registration);
        if (!key.IsValid)
        {
            ModelState.AddModelError($"{Form}.Registration", key.Error!);
        }
        var description = ModelState.OptionalText(input.Description, $"{Form}.Description", 200, "The description");
        if (!Enum.TryParse<VehicleLicence>(input.Licence, out var licence) || !Enum.IsDefined(licence))
        {
            ModelState.AddModelError($"{Form}.Licence", "Choose whether the vehicle is licensed as a taxi or private hire vehicle");
        }
        var plate = licence == VehicleLicence.None ? null : ModelState.RequiredText(input.LicenceNumber, $"{Form}.LicenceNumber", "Enter the licence plate number", 50, "The licence plate number");
        var (linkKind, confidence) = ParseLink(input, Form);
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(Form, cancellationToken);
        }
        var user = UserContext.From(User);
        var vehicle = await PoleRecords.FindOrAddObjectAsync(db, NodeKind.Vehicle, key, description, user, cancellationToken);
        if (licence != VehicleLicence.None)
        {
            vehicle.Licence = licence;
            vehicle.LicenceNumber = plate;
        }
        await PoleRecords.ReferenceAsync(db, Item, vehicle.Id.Value, NodeKind.Vehicle, PersonRole.None, user, cancellationToken);
        var problem = await LinkToEventAsync((vehicle.Id.Value, NodeKind.Vehicle), linkKind!.Value, confidence!.Value, user, cancellationToken);
        // A licence recorded now may make its existing drivers notifiable.
        var drivers = await db.PoleLinks.Where(l => l.SupersededAt == null && (l.FromId == vehicle.Id.Value && l.ToKind == NodeKind.Person || l.ToId == vehicle.Id.Value && l.FromKind == NodeKind.Person))
            .Select(l => l.FromId == vehicle.Id.Value ? l.ToId : l.FromId).ToListAsync(cancellationToken);
        await PoleRecords.NotifyLicensingAsync(db, notifier, drivers.Select(d => new Id<Person>(d)), cancellationToken);
        return await SaveAsync(Form, problem, $"Vehicle {key.Display} is linked.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddPhoneAsync(Id<IntelligenceItem> id, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(id, cancellationToken))
        {
            return NotFound();
        }
        const string Form = nameof(NewPhone);
        var key = PoleKeys.Phone(NewPhone.Number);
        if (!key.IsValid)
        {
            ModelState.AddModelError($"{Form}.Number", key.Error!);
        }
        var (linkKind, confidence) = ParseLink(NewPhone, Form);
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(Form, cancellationToken);
        }
        var user = UserContext.From(User);
        var phone = await PoleRecords.FindOrAddObjectAsync(db, NodeKind.Phone, key, null, user, cancellationToken);
        await PoleRecords.ReferenceAsync(db, Item, phone.Id.Value, NodeKind.Phone, PersonRole.None, user, cancellationToken);
        var problem = await LinkToEventAsync((phone.Id.Value, NodeKind.Phone), linkKind!.Value, confidence!.Value, user, cancellationToken);
        return await SaveAsync(Form, problem, $"Phone {key.Display} is linked.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddOtherAsync(Id<IntelligenceItem> id, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(id, cancellationToken))
        {
            return NotFound();
        }
        const string Form = nameof(NewOther);
        var input = NewOther;
        var kind = input.Kind switch
        {
            nameof(NodeKind.Account) => NodeKind.Account,
            nameof(NodeKind.Document) => NodeKind.Document,
            _ => (NodeKind?)null,
        };
        PoleKey key = default;
        if (kind is null)
        {
            ModelState.AddModelError($"{Form}.Kind", "Choose an online account or a document");
        }
        else
        {
            key = kind == NodeKind.Account ? PoleKeys.Account(input.Qualifier, input.Value) : PoleKeys.Document(input.Qualifier, input.Value);
            if (!key.IsValid)
            {
                var field = key.Error!.Contains("platform", StringComparison.Ordinal) || key.Error.Contains("type of document", StringComparison.Ordinal) ? "Qualifier" : "Value";
                ModelState.AddModelError($"{Form}.{field}", key.Error);
            }
        }
        var (linkKind, confidence) = ParseLink(input, Form);
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(Form, cancellationToken);
        }
        var user = UserContext.From(User);
        var thing = await PoleRecords.FindOrAddObjectAsync(db, kind!.Value, key, null, user, cancellationToken);
        await PoleRecords.ReferenceAsync(db, Item, thing.Id.Value, kind.Value, PersonRole.None, user, cancellationToken);
        var problem = await LinkToEventAsync((thing.Id.Value, kind.Value), linkKind!.Value, confidence!.Value, user, cancellationToken);
        return await SaveAsync(Form, problem, $"{key.Display} is linked.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddPlaceAsync(Id<IntelligenceItem> id, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(id, cancellationToken))
        {
            return NotFound();
        }
        const string Form = nameof(NewPlace);
        var input = NewPlace;
        var key = PoleKeys.Place(input.Name, input.Postcode);
        if (!key.IsValid)
        {
            ModelState.AddModelError(key.Error!.Contains("postcode", StringComparison.Ordinal) ? $"{Form}.Postcode" : $"{Form}.Name", key.Error);
        }
        else if (input.Name!.Trim().Length > 300)
        {
            ModelState.AddModelError($"{Form}.Name", "The name or address must be 300 characters or fewer");
        }
        if (!Enum.TryParse<PlaceKind>(input.Kind, out var placeKind) || !Enum.IsDefined(placeKind))
        {
            ModelState.AddModelError($"{Form}.Kind", "Choose what kind of place this is");
        }
        var (linkKind, confidence) = ParseLink(input, Form);
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(Form, cancellationToken);
        }
        var user = UserContext.From(User);
        var place = await PoleRecords.FindOrAddPlaceAsync(db, key, string.Join(' ', input.Name!.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            PoleKeys.Postcode(input.Postcode), placeKind, user, cancellationToken);
        await PoleRecords.ReferenceAsync(db, Item, place.Id.Value, NodeKind.Location, PersonRole.None, user, cancellationToken);
        var problem = await LinkToEventAsync((place.Id.Value, NodeKind.Location), linkKind!.Value, confidence!.Value, user, cancellationToken);
        return await SaveAsync(Form, problem, $"{key.Display} is linked.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddLinkAsync(Id<IntelligenceItem> id, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(id, cancellationToken))
        {
            return NotFound();
        }
        const string Form = nameof(NewLink);
        var input = NewLink;
        await LoadAsync(cancellationToken);
        var from = Records.FirstOrDefault(r => r.Id.ToString() == input.From);
        var to = Records.FirstOrDefault(r => r.Id.ToString() == input.To);
        if (from is null)
        {
            ModelState.AddModelError($"{Form}.From", "Choose the first record");
        }
        if (to is null)
        {
            ModelState.AddModelError($"{Form}.To", "Choose the second record");
        }
        var date = ModelState.OptionalPastDate(input.Date, $"{Form}.Date", "The date", DateOnly.FromDateTime(UkTime.ToLocal(db.Now).DateTime));
        var (linkKind, confidence) = ParseLink(input, Form);
        if (!ModelState.IsValid)
        {
            OpenForm = Form;
            await db.SaveChangesAsync(cancellationToken);
            return Page();
        }
        var user = UserContext.From(User);
        var problem = await PoleRecords.LinkAsync(db, (from!.Id, from.Kind), (to!.Id, to.Kind), linkKind!.Value, date, confidence!.Value, Item.Id, user, cancellationToken);
        var people = new[] { from, to }.Where(r => r.Kind == NodeKind.Person).Select(r => new Id<Person>(r.Id)).ToList();
        await PoleRecords.NotifyLicensingAsync(db, notifier, people, cancellationToken);
        return await SaveAsync(Form, problem, $"{from.Label} {PoleText.Describe(linkKind.Value)} {to.Label}: linked.", cancellationToken, field: $"{Form}.To");
    }

    public async Task<IActionResult> OnPostEventKindAsync(Id<IntelligenceItem> id, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!Enum.TryParse<PoleEventKind>(EventKind, out var kind) || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError(nameof(EventKind), "Choose what kind of event this was");
            return await RedisplayAsync(nameof(EventKind), cancellationToken);
        }
        var user = UserContext.From(User);
        var recorded = await PoleRecords.EnsureEventAsync(db, Item, user, cancellationToken);
        recorded.Kind = kind;
        return await SaveAsync(nameof(EventKind), null, $"The event is recorded as a {PoleText.Describe(kind).ToLowerInvariant()}.", cancellationToken);
    }

    private async Task<bool> OpenAsync(Id<IntelligenceItem> id, CancellationToken cancellationToken)
    {
        if (await IntelligenceAccess.OpenAsync(db, UserContext.From(User), id, tracked: true, cancellationToken) is not { IsUnit: true } opened)
        {
            return false;
        }
        Item = opened.Item;
        return true;
    }

    private PersonRole? ParseRole(string? text, string key)
    {
        if (Vocabulary.TryParse(text ?? "", out PersonRole role))
        {
            return role;
        }
        ModelState.AddModelError(key, "Choose the person's role in this intelligence: victim, suspect, associate or unknown");
        return null;
    }

    private (LinkKind? Kind, LinkConfidence? Confidence) ParseLink(LinkedInput input, string form)
    {
        LinkKind? kind = Vocabulary.TryParse(input.LinkKind ?? "", out LinkKind k) ? k : null;
        if (kind is null)
        {
            ModelState.AddModelError($"{form}.LinkKind", "Choose what kind of link this is");
        }
        LinkConfidence? confidence = Enum.TryParse<LinkConfidence>(input.Confidence, out var c) && Enum.IsDefined(c) ? c : null;
        if (confidence is null)
        {
            ModelState.AddModelError($"{form}.Confidence", "Choose how sure the link is: confirmed, tentative or unconfirmed");
        }
        return (kind, confidence);
    }

    /// <summary>Links a record to the item's event, dated the day it happened.</summary>
    private async Task<string?> LinkToEventAsync((Guid Id, NodeKind Kind) record, LinkKind kind, LinkConfidence confidence, UserContext user, CancellationToken cancellationToken)
    {
        var recorded = await PoleRecords.EnsureEventAsync(db, Item, user, cancellationToken);
        var day = DateOnly.FromDateTime(UkTime.ToLocal(recorded.OccurredAt ?? Item.SubmittedAt).DateTime);
        return await PoleRecords.LinkAsync(db, record, (recorded.Id.Value, NodeKind.Event), kind, day, confidence, Item.Id, user, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(string form, string? problem, string done, CancellationToken cancellationToken, string? field = null)
    {
        if (problem is not null)
        {
            // Nothing of this change is kept: the link would repeat one, or join a record to itself.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
            {
                if (entry.State == EntityState.Modified)
                {
                    entry.CurrentValues.SetValues(entry.OriginalValues);
                }
                entry.State = entry.State == EntityState.Added ? EntityState.Detached : EntityState.Unchanged;
            }
            ModelState.AddModelError(field ?? $"{form}.LinkKind", problem);
            return await RedisplayAsync(form, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = done;
        return Redirect($"/intelligence/{Item.Id}/link");
    }

    private async Task<IActionResult> RedisplayAsync(string form, CancellationToken cancellationToken)
    {
        OpenForm = form;
        await db.SaveChangesAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Event = Item.EventId is { } e ? await db.PoleEvents.AsNoTracking().SingleAsync(x => x.Id == e, cancellationToken) : null;
        EventKind ??= Event?.Kind.ToString() ?? nameof(PoleEventKind.Sighting);
        if (Item.ChildId is { } child)
        {
            ChildName = await db.People.Where(p => p.Id == child).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(cancellationToken);
        }
        var references = await db.IntelligenceReferences.AsNoTracking().Where(r => r.ItemId == Item.Id && r.SupersededAt == null).ToListAsync(cancellationToken);
        var nodes = await PoleGraph.NodesAsync(db, references.ToDictionary(r => r.NodeId, r => r.NodeKind), cancellationToken);
        Records = [.. references.Where(r => nodes.ContainsKey(r.NodeId)).Select(r => new ItemRecord(r.NodeId, r.NodeKind, nodes[r.NodeId].Label, r.Role))];
        var links = await db.PoleLinks.AsNoTracking().Where(l => l.ItemId == Item.Id && l.SupersededAt == null).OrderBy(l => l.RecordedAt).ToListAsync(cancellationToken);
        var ends = await PoleGraph.NodesAsync(db, links.SelectMany(l => new[] { (l.FromId, l.FromKind), (l.ToId, l.ToKind) }).DistinctBy(x => x.Item1)
            .ToDictionary(x => x.Item1, x => x.Item2), cancellationToken);
        Links = [.. links.Select(l => new LinkRow(ends.GetValueOrDefault(l.FromId)?.Label ?? "?", l.Kind, ends.GetValueOrDefault(l.ToId)?.Label ?? "?", l.Date, l.Confidence))];
    }
}
