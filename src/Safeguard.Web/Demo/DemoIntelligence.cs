using Safeguard.Core.Intelligence;
using Safeguard.Core.Network;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Demo;

/// <summary>
/// A small suspected network in Northbridge, tied to the demo children: the silver car seen with Amber Lewis
/// outside the youth project, the flat above the takeaway on Mill Road where she was found, and a private hire
/// driver who collects Jade Thornton from her children's home. Intelligence items graded and ungraded, routed
/// and answered (and one not), one suspect with a disruption plan and one without, and a licensing notice.
/// Every name, mark and number is invented; phone numbers are in Ofcom's range reserved for drama.
/// </summary>
internal sealed class DemoIntelligence(SafeguardDbContext db, Dictionary<string, Agency> agencies, Dictionary<string, AppUser> users, DateTimeOffset now)
{
    public async Task SeedAsync()
    {
        Person Child(string given) => db.People.Local.Single(p => p.GivenName == given && p.Kind == PersonKind.Child);
        var amber = Child("Amber");
        var jade = Child("Jade");

        var darren = Adult("Darren", "Hale", 41);
        var lee = Adult("Lee", "Tanner", 36);
        lee.Identifiers.Add(new PersonIdentifier { PersonId = lee.Id, Kind = IdentifierKind.PrivateHireDriverLicence, Value = "PHD-0412", RecordedByAgencyId = agencies["TXL"].Id, RecordedAt = now.AddYears(-2) });
        darren.OtherNames.Add(new PersonName { PersonId = darren.Id, Kind = PersonNameKind.Alias, Name = "Daz Hale", RecordedByAgencyId = agencies["POL"].Id, RecordedAt = now.AddMonths(-4) });

        var silverCar = Thing(NodeKind.Vehicle, PoleKeys.RegistrationMark("NB19 KXE"), "silver Vauxhall Astra");
        var taxi = Thing(NodeKind.Vehicle, PoleKeys.RegistrationMark("NB68 TXA"), "white Toyota Prius");
        taxi.Licence = VehicleLicence.PrivateHire;
        taxi.LicenceNumber = "0412";
        var darrenPhone = Thing(NodeKind.Phone, PoleKeys.Phone("07700 900456"), null);
        var amberPhone = Thing(NodeKind.Phone, PoleKeys.Phone("07700 900789"), null);
        var takeaway = Place("Mill Road Takeaway, 41 Mill Road", "NB2 5RT", PlaceKind.Takeaway);
        var flat = Place("Flat 1, 41 Mill Road", "NB2 5RT", PlaceKind.Flat);
        var taxiOffice = Place("Northbridge Cars, 3 Station Approach", "NB1 2AA", PlaceKind.TaxiOffice);

        // 1. The youth worker's note of the silver car: graded, routed to police and back to the project, acted on.
        var sighting = Item("youth.worker", now.AddMonths(-5), "Silver car outside the project",
            "Amber got into a silver car with two adult men outside the project at 21:40. The driver was about 40, white, short grey hair. Registration partly seen: NB19 ***.",
            amber, place: "Outside Riverside Youth Project", vehicles: "NB19 ???");
        Grade(sighting, "2", "B", "P", null, null, IntelligencePriority.Medium, null);
        var sightingEvent = Event(sighting, PoleEventKind.Sighting);
        Refer(sighting, amber.Id.Value, NodeKind.Person, PersonRole.Victim);
        Refer(sighting, silverCar.Id.Value, NodeKind.Vehicle, PersonRole.None);
        Link(amber.Id.Value, NodeKind.Person, sightingEvent.Id.Value, NodeKind.Event, LinkKind.PresentAt, sighting, LinkConfidence.Confirmed);
        Link(silverCar.Id.Value, NodeKind.Vehicle, sightingEvent.Id.Value, NodeKind.Event, LinkKind.PresentAt, sighting, LinkConfidence.Tentative);
        var toPolice = Route(sighting, "POL", "police.officer", days: 2);
        Outcome(sighting, toPolice, "police.officer", OutcomeKind.ActionTaken, "Partial mark matched to NB19 KXE, keeper Darren Hale. Vehicle flagged on ANPR.", days: 5);
        var toYouth = Route(sighting, "YTH", "youth.manager", days: 2);
        Outcome(sighting, toYouth, "youth.manager", OutcomeKind.ActionTaken, "Staff briefed to note vehicles at closing time; Amber's keyworker increased sessions.", days: 4);

        // 2. Police found Amber at the flat above the takeaway: handling C, sanitised for social care, not yet answered.
        var found = Item("police.officer", now.AddMonths(-2), "Amber found at flat above Mill Road takeaway",
            "Amber Lewis found at 02:10 in Flat 1, 41 Mill Road with three adult males. One gave his name as Daz; believed to be Darren Hale. Information from a neighbour, who asks not to be identified, says girls are brought to the flat most weekends.",
            amber, place: "Flat 1, 41 Mill Road, NB2 5RT");
        Grade(found, "1", "B", "C", ActionCode.A3, SanitisationCode.S1, IntelligencePriority.High,
            "Amber was found late at night at an address where adult men were present. Police believe other girls are taken there. Please consider this in safety planning.");
        var foundEvent = Event(found, PoleEventKind.Incident);
        Refer(found, amber.Id.Value, NodeKind.Person, PersonRole.Victim);
        Refer(found, darren.Id.Value, NodeKind.Person, PersonRole.Suspect);
        Refer(found, flat.Id.Value, NodeKind.Location, PersonRole.None);
        Link(amber.Id.Value, NodeKind.Person, foundEvent.Id.Value, NodeKind.Event, LinkKind.PresentAt, found, LinkConfidence.Confirmed);
        Link(darren.Id.Value, NodeKind.Person, foundEvent.Id.Value, NodeKind.Event, LinkKind.PresentAt, found, LinkConfidence.Unconfirmed);
        Link(foundEvent.Id.Value, NodeKind.Event, flat.Id.Value, NodeKind.Location, LinkKind.LocatedAt, found, LinkConfidence.Confirmed);
        Route(found, "CSC", "csc.practitioner", days: 1);

        // Standing links the unit has recorded from police systems (undated: ownership and use).
        Link(darren.Id.Value, NodeKind.Person, silverCar.Id.Value, NodeKind.Vehicle, LinkKind.Owns, sighting, LinkConfidence.Confirmed, dated: false);
        Link(darren.Id.Value, NodeKind.Person, darrenPhone.Id.Value, NodeKind.Phone, LinkKind.Uses, found, LinkConfidence.Confirmed, dated: false);
        Link(amber.Id.Value, NodeKind.Person, amberPhone.Id.Value, NodeKind.Phone, LinkKind.Uses, found, LinkConfidence.Confirmed, dated: false);
        Link(darrenPhone.Id.Value, NodeKind.Phone, amberPhone.Id.Value, NodeKind.Phone, LinkKind.Contacted, found, LinkConfidence.Tentative);
        Link(darren.Id.Value, NodeKind.Person, flat.Id.Value, NodeKind.Location, LinkKind.SeenAt, found, LinkConfidence.Tentative);
        Link(flat.Id.Value, NodeKind.Location, takeaway.Id.Value, NodeKind.Location, LinkKind.LocatedAt, found, LinkConfidence.Confirmed, dated: false);

        // 3. Social care: Jade collected by the same private hire car three times. Graded; the driver is a suspect.
        var collected = Item("csc.practitioner2", now.AddMonths(-1), "Jade collected by taxi from the children's home",
            "Placement staff report Jade was collected by a white Toyota Prius private hire car, NB68 TXA, on three late evenings this month. The driver called her by a nickname.",
            jade, place: "Oakfield Children's Home", vehicles: "NB68 TXA");
        Grade(collected, "1", "A", "P", null, null, IntelligencePriority.High, null);
        var collectedEvent = Event(collected, PoleEventKind.Sighting);
        Refer(collected, jade.Id.Value, NodeKind.Person, PersonRole.Victim);
        Refer(collected, lee.Id.Value, NodeKind.Person, PersonRole.Suspect);
        Refer(collected, taxi.Id.Value, NodeKind.Vehicle, PersonRole.None);
        Link(jade.Id.Value, NodeKind.Person, collectedEvent.Id.Value, NodeKind.Event, LinkKind.PresentAt, collected, LinkConfidence.Confirmed);
        Link(jade.Id.Value, NodeKind.Person, taxi.Id.Value, NodeKind.Vehicle, LinkKind.TravelledIn, collected, LinkConfidence.Confirmed);
        Link(lee.Id.Value, NodeKind.Person, taxi.Id.Value, NodeKind.Vehicle, LinkKind.Uses, collected, LinkConfidence.Confirmed, dated: false);
        Link(lee.Id.Value, NodeKind.Person, taxiOffice.Id.Value, NodeKind.Location, LinkKind.WorksAt, collected, LinkConfidence.Confirmed, dated: false);
        Link(lee.Id.Value, NodeKind.Person, takeaway.Id.Value, NodeKind.Location, LinkKind.SeenAt, collected, LinkConfidence.Tentative);
        Link(lee.Id.Value, NodeKind.Person, darren.Id.Value, NodeKind.Person, LinkKind.Knows, collected, LinkConfidence.Unconfirmed, dated: false);
        var toOfficer = Route(collected, "POL", "police.officer", days: 1);
        Outcome(collected, toOfficer, "police.officer", OutcomeKind.Corroborated, "Licensing confirms NB68 TXA is licensed to Lee Tanner, private hire driver.", days: 2);

        // 4 and 5. Not graded yet: in the unit's queue.
        Item("school.dsl", now.AddDays(-6), "Aisha seen near the bus station with older men",
            "Two pupils say Aisha has been meeting men in their twenties at the bus station after school. One drives a black car.", null, place: "Northbridge bus station");
        Item("licensing.officer", now.AddDays(-1), "Complaint about a private hire driver",
            "A parent complained that a private hire driver offered her 14-year-old daughter free rides and asked for her Snapchat.", null, place: "Station Approach taxi rank");

        // Suspects: Darren Hale has a plan with a tactic done; Lee Tanner has none, and licensing has been told of him.
        Subject(darren, PersonRole.Suspect, identified: now.AddMonths(-2).AddDays(3), owner: "police.officer");
        Subject(lee, PersonRole.Suspect, identified: now.AddDays(-20), owner: "police.officer");
        Subject(amber, PersonRole.Victim, identified: null, owner: null);
        Subject(jade, PersonRole.Victim, identified: null, owner: null);
        var plan = new DisruptionPlan
        {
            PersonId = darren.Id,
            OwnerUserId = users["police.officer"].Id,
            CreatedAt = now.AddMonths(-2).AddDays(5),
            CreatedByUserId = users["police.teammanager"].Id,
            LastActivityAt = now.AddDays(-3),
        };
        plan.Tactics.Add(Tactic(plan, "child-abduction-warning-notice", TacticStatus.Done, now.AddMonths(-2).AddDays(6), "Served in person; Darren Hale told to have no contact with Amber Lewis."));
        plan.Tactics.Add(Tactic(plan, "premises-closure", TacticStatus.InProgress, now.AddDays(-3), "Evidence being gathered with the council for a closure notice on Flat 1, 41 Mill Road."));
        db.DisruptionPlans.Add(plan);
        db.LicensingNotices.Add(new LicensingNotice
        {
            PersonId = lee.Id,
            CreatedAt = now.AddDays(-20),
            Licences = $"{PeopleText.Describe(IdentifierKind.PrivateHireDriverLicence)} PHD-0412; drives {taxi.Label}: private hire vehicle, plate 0412",
        });
        await db.SaveChangesAsync();
    }

    private Person Adult(string given, string family, int age)
    {
        var person = new Person
        {
            Kind = PersonKind.Adult,
            GivenName = given,
            FamilyName = family,
            DateOfBirth = DateOnly.FromDateTime(now.AddYears(-age).AddDays(-75).UtcDateTime),
            Sex = Sex.Male,
            CreatedByAgencyId = agencies["POL"].Id,
            CreatedAt = now.AddMonths(-4),
        };
        db.People.Add(person);
        return person;
    }

    private PoleObject Thing(NodeKind kind, PoleKey key, string? description)
    {
        var thing = new PoleObject
        {
            Kind = kind,
            Key = key.Key!,
            Label = description is null ? key.Display! : $"{key.Display} ({description})",
            Description = description,
            RecordedAt = now.AddMonths(-5),
            RecordedByAgencyId = agencies["POL"].Id,
        };
        db.PoleObjects.Add(thing);
        return thing;
    }

    private PoleLocation Place(string name, string postcode, PlaceKind kind)
    {
        var place = new PoleLocation { Kind = kind, Key = PoleKeys.Place(name, postcode).Key!, Name = name, Postcode = postcode, RecordedAt = now.AddMonths(-5), RecordedByAgencyId = agencies["POL"].Id };
        db.PoleLocations.Add(place);
        return place;
    }

    private IntelligenceItem Item(string by, DateTimeOffset at, string title, string text, Person? child, string? place = null, string? vehicles = null)
    {
        var user = users[by];
        var item = new IntelligenceItem
        {
            SubmittedAt = at,
            SubmittedByUserId = user.Id,
            SubmittedByAgencyId = user.AgencyId,
            Title = title,
            Text = text,
            OccurredAt = at,
            OccurredTimeKnown = false,
            Place = place,
            VehiclesMentioned = vehicles,
            ChildId = child?.Id,
        };
        db.IntelligenceItems.Add(item);
        if (child is not null)
        {
            db.Chronology.Add(new ChronologyEntry
            {
                PersonId = child.Id,
                AgencyId = user.AgencyId,
                RecordedByUserId = user.Id,
                Kind = ChronologyKinds.Intelligence,
                OccurredAt = at,
                RecordedAt = at,
                Summary = $"{user.DisplayName} passed information to the police intelligence unit. Its content is held by the unit and shared under its handling code.",
                Source = $"intelligence/{item.Id}",
            });
        }
        return item;
    }

    private void Grade(IntelligenceItem item, string source, string assessment, string handling, ActionCode? action, SanitisationCode? sanitisation,
        IntelligencePriority priority, string? sanitised)
    {
        var (grade, errors) = Grading.Parse(source, assessment, handling, action?.ToString(), sanitisation?.ToString());
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Demo grade outside the scheme: " + errors[0].Message);
        }
        item.Source = grade!.Source;
        item.Assessment = grade.Assessment;
        item.Handling = grade.Handling;
        item.ActionCode = grade.Action;
        item.SanitisationCode = grade.Sanitisation;
        item.Priority = priority;
        item.GradedAt = item.SubmittedAt.AddHours(20);
        item.GradedByUserId = users["police.analyst"].Id;
        item.SanitisedText = sanitised;
        item.SanitisedAt = sanitised is null ? null : item.GradedAt;
    }

    private PoleEvent Event(IntelligenceItem item, PoleEventKind kind)
    {
        var recorded = new PoleEvent { Kind = kind, OccurredAt = item.OccurredAt, Summary = item.Title, ItemId = item.Id, RecordedAt = item.SubmittedAt.AddHours(20), RecordedByAgencyId = agencies["POL"].Id };
        db.PoleEvents.Add(recorded);
        item.EventId = recorded.Id;
        Refer(item, recorded.Id.Value, NodeKind.Event, PersonRole.None);
        return recorded;
    }

    private void Refer(IntelligenceItem item, Guid node, NodeKind kind, PersonRole role) =>
        db.IntelligenceReferences.Add(new IntelligenceReference { ItemId = item.Id, NodeId = node, NodeKind = kind, Role = role, RecordedAt = item.SubmittedAt.AddHours(20), RecordedByUserId = users["police.analyst"].Id });

    private void Link(Guid from, NodeKind fromKind, Guid to, NodeKind toKind, LinkKind kind, IntelligenceItem item, LinkConfidence confidence, bool dated = true) =>
        db.PoleLinks.Add(new PoleLink
        {
            FromId = from,
            FromKind = fromKind,
            ToId = to,
            ToKind = toKind,
            Kind = kind,
            Confidence = confidence,
            ItemId = item.Id,
            Date = dated ? DateOnly.FromDateTime(Features.Shared.UkTime.ToLocal(item.OccurredAt ?? item.SubmittedAt).DateTime) : null,
            RecordedAt = item.SubmittedAt.AddHours(20),
            RecordedByUserId = users["police.analyst"].Id,
        });

    private IntelligenceRouting Route(IntelligenceItem item, string agency, string owner, int days)
    {
        var routing = new IntelligenceRouting
        {
            ItemId = item.Id,
            AgencyId = agencies[agency].Id,
            OwnerUserId = users[owner].Id,
            RoutedAt = item.SubmittedAt.AddDays(days),
            RoutedByUserId = users["police.analyst"].Id,
        };
        db.IntelligenceRoutings.Add(routing);
        return routing;
    }

    private void Outcome(IntelligenceItem item, IntelligenceRouting routing, string by, OutcomeKind kind, string text, int days) =>
        db.IntelligenceOutcomes.Add(new IntelligenceOutcome
        {
            ItemId = item.Id,
            RoutingId = routing.Id,
            AgencyId = routing.AgencyId,
            Kind = kind,
            Text = text,
            RecordedAt = item.SubmittedAt.AddDays(days),
            RecordedByUserId = users[by].Id,
        });

    private void Subject(Person person, PersonRole role, DateTimeOffset? identified, string? owner) =>
        db.IntelligenceSubjects.Add(new IntelligenceSubject
        {
            PersonId = person.Id,
            Role = role,
            RoleSetAt = identified ?? now.AddMonths(-2),
            RoleSetByUserId = users["police.analyst"].Id,
            IdentifiedAt = identified,
            DisruptionOwnerUserId = owner is null ? null : users[owner].Id,
        });

    private PlannedTactic Tactic(DisruptionPlan plan, string code, TacticStatus status, DateTimeOffset at, string outcome) => new()
    {
        PlanId = plan.Id,
        PersonId = plan.PersonId,
        TacticCode = code,
        Status = status,
        Outcome = outcome,
        RecordedAt = at,
        RecordedByUserId = users["police.officer"].Id,
        UpdatedAt = at,
        DoneOn = status == TacticStatus.Done ? DateOnly.FromDateTime(Features.Shared.UkTime.ToLocal(at).DateTime) : null,
        ReviewOn = status == TacticStatus.Done ? null : DateOnly.FromDateTime(Features.Shared.UkTime.ToLocal(now.AddDays(14)).DateTime),
    };
}
