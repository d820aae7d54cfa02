using Microsoft.AspNetCore.Identity;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Core.Screening;
using Safeguard.Core.Screening.Language;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Matching;
using Safeguard.Web.Features.Screening;

namespace Safeguard.Web.Demo;

/// <summary>
/// The fictional Northbridge partnership seeded in demo mode (and in the tests): six agencies, a user for every role
/// across several of them, and a handful of children with some history. Every name, number and place is invented;
/// NHS numbers are in the 999 range reserved for testing.
/// </summary>
public static class DemoPartnership
{
    /// <summary>Every demo account's password. Demo mode only: README.md lists it.</summary>
    public const string Password = "Northbridge-demo-2026";
    public const string EmailDomain = "demo.safeguard.example";

    public sealed record DemoUser(string Email, string Name, string AgencyCode, string Team, string JobTitle, string[] Roles, string? ManagerEmail);

    public static readonly IReadOnlyList<(string Code, string Name, AgencyKind Kind)> Agencies =
    [
        ("NSP", "Northbridge Safeguarding Partnership", AgencyKind.Partnership),
        ("CSC", "Northbridge Children's Social Care", AgencyKind.ChildrensSocialCare),
        ("POL", "Northbridge Police", AgencyKind.Police),
        ("HLT", "Northbridge Health NHS Trust", AgencyKind.Health),
        ("EDU", "Northbridge Schools", AgencyKind.Education),
        ("YTH", "Riverside Youth Project", AgencyKind.VoluntaryYouthProject),
        ("TXL", "Northbridge Taxi Licensing", AgencyKind.TaxiLicensing),
    ];

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("csc.seniormanager", "Helen Marsh", "CSC", "Children's services leadership", "Head of service", [Roles.SeniorManager], null),
        new("csc.teammanager", "Priya Raman", "CSC", "Child Exploitation Team", "Team manager", [Roles.TeamManager], "csc.seniormanager"),
        new("csc.practitioner", "Sam Whitfield", "CSC", "Child Exploitation Team", "Social worker", [Roles.Practitioner], "csc.teammanager"),
        new("csc.practitioner2", "Grace Adeyemi", "CSC", "Child Exploitation Team", "Social worker", [Roles.Practitioner], "csc.teammanager"),
        new("csc.cselead", "Rachel Okonjo", "CSC", "Child Exploitation Team", "CSE lead", [Roles.CseLead], "csc.seniormanager"),
        new("mash.triage", "Tom Hargreaves", "CSC", "Front Door (MASH)", "Front door social worker", [Roles.FrontDoor], "csc.teammanager"),
        new("police.seniormanager", "Detective Superintendent Ruth Cole", "POL", "Public protection", "Head of public protection", [Roles.SeniorManager], null),
        new("police.teammanager", "Detective Sergeant Imran Malik", "POL", "Child Exploitation Unit", "Detective sergeant", [Roles.TeamManager], "police.seniormanager"),
        new("police.officer", "Detective Constable Laura Briggs", "POL", "Child Exploitation Unit", "Detective constable", [Roles.Practitioner], "police.teammanager"),
        new("police.analyst", "Owen Price", "POL", "Intelligence Unit", "Intelligence analyst", [Roles.IntelligenceAnalyst], "police.teammanager"),
        new("health.teammanager", "Dr Nia Evans", "HLT", "Safeguarding Children Team", "Named nurse", [Roles.TeamManager], null),
        new("health.nurse", "Claire Dunn", "HLT", "Safeguarding Children Team", "School nurse", [Roles.Practitioner], "health.teammanager"),
        new("school.dsl", "Mark Fenton", "EDU", "Northbridge Academy", "Designated safeguarding lead", [Roles.Practitioner], "school.head"),
        new("school.head", "Angela Price", "EDU", "Northbridge Academy", "Headteacher", [Roles.TeamManager], null),
        new("youth.manager", "Femi Okafor", "YTH", "Riverside outreach", "Project manager", [Roles.TeamManager], null),
        new("youth.worker", "Jess Moran", "YTH", "Riverside outreach", "Youth worker", [Roles.Practitioner], "youth.manager"),
        new("licensing.officer", "Gareth Lloyd", "TXL", "Licensing enforcement", "Licensing enforcement officer", [Roles.Practitioner], "licensing.manager"),
        new("licensing.manager", "Sue Barker", "TXL", "Licensing enforcement", "Licensing manager", [Roles.TeamManager], null),
        new("partnership.admin", "Ben Ashworth", "NSP", "Partnership business unit", "Partnership administrator", [Roles.PartnershipAdministrator], null),
        new("scrutineer", "Professor Alison Reid", "NSP", "Independent scrutiny", "Independent scrutineer", [Roles.Scrutineer], null),
    ];

    public static string EmailOf(string user) => $"{user}@{EmailDomain}";

    /// <param name="services">A scope of its own: the seed names itself ("system/demo-seed") as the actor of that scope.</param>
    public static async Task SeedAsync(IServiceProvider services)
    {
        services.GetRequiredService<CurrentActor>().ActAsSystem("demo-seed");
        var db = services.GetRequiredService<SafeguardDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        var now = db.Now;

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role)));
            }
        }

        var agencies = Agencies.ToDictionary(a => a.Code, a => new Agency { Code = a.Code, Name = a.Name, Kind = a.Kind });
        db.Agencies.AddRange(agencies.Values);
        var teams = Users.Select(u => (u.AgencyCode, u.Team)).Distinct()
            .ToDictionary(t => t, t => new Team { AgencyId = agencies[t.AgencyCode].Id, Name = t.Team });
        db.Teams.AddRange(teams.Values);
        await db.SaveChangesAsync();

        var accounts = new Dictionary<string, AppUser>();
        foreach (var demo in Users)
        {
            var user = new AppUser
            {
                UserName = EmailOf(demo.Email),
                Email = EmailOf(demo.Email),
                EmailConfirmed = true,
                DisplayName = demo.Name,
                JobTitle = demo.JobTitle,
                AgencyId = agencies[demo.AgencyCode].Id,
                TeamId = teams[(demo.AgencyCode, demo.Team)].Id,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRolesAsync(user, demo.Roles));
            Check(await users.ResetAuthenticatorKeyAsync(user));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
            accounts[demo.Email] = user;
        }
        foreach (var demo in Users.Where(u => u.ManagerEmail is not null))
        {
            var user = accounts[demo.Email];
            user.ManagerId = accounts[demo.ManagerEmail!].Id;
            Check(await users.UpdateAsync(user));
        }

        var seeder = new ChildSeeder(db, agencies, accounts, now);
        seeder.Children();
        await db.SaveChangesAsync();
        var instrument = await new ScreeningInstruments(db).CurrentAsync();
        seeder.BelieveTheChild(instrument);
        await db.SaveChangesAsync();
        await DemoCasework.SeedAsync(db, services.GetRequiredService<Core.Casework.CaseworkSchedule>());
        await new DemoIntelligence(db, agencies, accounts, now).SeedAsync();

        // Matching history, made by the same code as at intake: the police's record of "Jayde" Thornton is certainly
        // Jade's and is linked into it; their "Ayesha Khan", a digit off in the date of birth, may be Aisha and waits
        // for the front door.
        var matching = services.GetRequiredService<PersonMatching>();
        foreach (var record in seeder.PoliceRecords())
        {
            await db.SaveChangesAsync();
            await matching.MatchOnIntakeAsync(record.Id, CancellationToken.None);
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seed failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>A valid NHS number in the 999 test range, made from a serial number.</summary>
    public static string TestNhsNumber(int serial)
    {
        for (var candidate = serial; ; candidate++)
        {
            var digits = $"999{candidate % 1_000_000:D6}";
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += (digits[i] - '0') * (10 - i);
            }
            var check = 11 - (sum % 11);
            if (check == 11)
            {
                check = 0;
            }
            if (check != 10)
            {
                var number = digits + check;
                return NhsNumber.IsValid(number) ? number : throw new InvalidOperationException("check digit arithmetic");
            }
        }
    }

    private sealed class ChildSeeder(SafeguardDbContext db, Dictionary<string, Agency> agencies, Dictionary<string, AppUser> users, DateTimeOffset now)
    {
        private readonly Dictionary<string, Person> _children = [];
        private int _caseNumber;

        /// <summary>
        /// Issue 6's history: Jade screened (mild) just over three months ago, so her re-screening is due; Amber's own
        /// words, heard alone; an arrest of Ewa held for the CSE lead's review; and phrases kept and changed by teams.
        /// Amber, Ewa and Daniel are left for the hidden-exploitation rules to surface.
        /// </summary>
        public void BelieveTheChild(ScreeningInstrument instrument)
        {
            var jade = _children["Jade"];
            var screenedAt = now.AddMonths(-3).AddDays(-5);
            var screenedOn = DateOnly.FromDateTime(screenedAt.UtcDateTime);
            ScreeningAnswer[] answers =
            [
                new("in-care", true),
                new("child-mental-health", true),
                new("sexual-health", true, screenedOn.AddDays(-20)),
                new("staying-out-late", true, screenedOn.AddDays(-7), EvidenceBasis.ProfessionalConcern),
            ];
            var result = ScreeningScorer.Score(instrument, answers, ScreeningScorer.AgeOn(jade.DateOfBirth!.Value, screenedOn), screenedOn);
            ScreeningRows.AddScreening(db, jade.Id, instrument, result, answers, "Jade says the adult at the clinic is 'just a mate of my cousin'. Late returns by taxi worry the placement.",
                Actor("csc.practitioner2"), screenedAt);

            var amber = _children["Amber"];
            db.ChildVoices.Add(new ChildVoice
            {
                PersonId = amber.Id,
                SaidOn = DateOnly.FromDateTime(now.AddMonths(-3).UtcDateTime),
                Words = "He's my friend. He buys me stuff and he listens to me, not like at home. I don't want the police involved.",
                Wishes = "To stay with Mum, and for the shouting at home to stop. To go back to school properly.",
                HowHeard = "Seen alone",
                AgencyId = agencies["CSC"].Id,
                RecordedByUserId = users["csc.practitioner"].Id,
                RecordedAt = now.AddMonths(-3),
            });

            var ewa = _children["Ewa"];
            db.OffenderReviews.Add(new OffenderRecordReview
            {
                PersonId = ewa.Id,
                AgencyId = agencies["POL"].Id,
                RequestedByUserId = users["police.officer"].Id,
                RequestedAt = now.AddDays(-2),
                Kind = ChronologyKinds.Arrest,
                OccurredAt = now.AddDays(-3),
                Summary = "Arrested for being drunk and disorderly outside the Mill Road takeaway at 01:30.",
                VictimReasons = "Surfaced to the CSE lead: agencies' records show signs of exploitation.",
                Status = OffenderReviewStatus.Pending,
            });

            (string User, string Rule, LanguageOutcome Outcome)[] outcomes =
            [
                ("csc.practitioner", "putting-themselves-at-risk", LanguageOutcome.Changed),
                ("csc.practitioner2", "putting-themselves-at-risk", LanguageOutcome.Changed),
                ("police.officer", "out-of-control", LanguageOutcome.Kept),
                ("police.officer", "putting-themselves-at-risk", LanguageOutcome.Changed),
                ("school.dsl", "lifestyle-choice", LanguageOutcome.Changed),
                ("youth.worker", "boyfriend", LanguageOutcome.Kept),
            ];
            foreach (var (user, rule, outcome) in outcomes)
            {
                db.LanguageOutcomes.Add(new LanguageFlagOutcome
                {
                    RuleId = rule,
                    Field = "Chronology: what happened",
                    Outcome = outcome,
                    AgencyId = users[user].AgencyId,
                    TeamId = users[user].TeamId,
                    At = now.AddDays(-outcomes.Length),
                });
            }
        }

        private UserContext Actor(string user) =>
            new(users[user].Id, users[user].AgencyId, agencies.Values.Single(a => a.Id == users[user].AgencyId).Code, users[user].TeamId, users[user].DisplayName, new HashSet<string>());

        public void Children()
        {
            var amber = Child("Amber", "Lewis", now.AddYears(-14).AddDays(-120), Sex.Female, Ethnicity.WhiteEnglishWelshScottishNorthernIrishBritish, 1, "English");
            amber.OtherNames.Add(Name(amber, PersonNameKind.KnownAs, "Ambs", "YTH"));
            amber.Addresses.Add(Address(amber, "14 Canal Street", "Northbridge", "NB3 4QT", now.AddYears(-3), "CSC"));
            amber.Contacts.Add(new PersonContact { PersonId = amber.Id, Name = "Karen Lewis", Relationship = "Mother", Phone = "07700 900123", HasParentalResponsibility = true, RecordedByAgencyId = agencies["CSC"].Id, RecordedAt = now.AddMonths(-5) });
            amber.Vulnerabilities.Add(Vulnerability(amber, VulnerabilityKind.DomesticAbuseAtHome, "Police call-outs to the home address in the last year.", "CSC"));
            amber.Identifiers.Add(new PersonIdentifier { PersonId = amber.Id, Kind = IdentifierKind.SchoolUniquePupilNumber, Value = "H801200001002", RecordedByAgencyId = agencies["EDU"].Id, RecordedAt = now.AddMonths(-20) });
            var amberCsc = Case(amber, "CSC", "Child protection", now.AddMonths(-4), "csc.practitioner", lead: true);
            Case(amber, "YTH", "Outreach keyworking", now.AddMonths(-6), "youth.worker", lead: true);
            Case(amber, "EDU", "Safeguarding file", now.AddMonths(-8), "school.dsl", lead: true);
            Chronology(amber, "EDU", "school.dsl", ChronologyKinds.SchoolAbsence, now.AddMonths(-7), "Attendance down to 62% this half term; Amber says she has been 'staying at a friend's'.");
            Chronology(amber, "YTH", "youth.worker", ChronologyKinds.Contact, now.AddMonths(-5), "Amber seen getting into a silver car with two adult men outside the project at 21:40. Registration partly noted: NB19 ***.");
            Chronology(amber, "CSC", "csc.practitioner", ChronologyKinds.HomeVisit, now.AddMonths(-4).AddDays(3), "Home visit. Mother worried about new phone and clothes Amber cannot explain.");
            Chronology(amber, "CSC", "csc.practitioner", ChronologyKinds.SeenAlone, now.AddMonths(-3), "Seen alone at school. Amber said an older man she calls her 'friend' buys her things and drives her around.");
            Chronology(amber, "POL", "police.officer", ChronologyKinds.PoliceIncident, now.AddMonths(-2), "Found at 02:10 at a flat above a takeaway on Mill Road with adult males; returned home.");
            Chronology(amber, "CSC", "csc.practitioner", ChronologyKinds.CaseNote, now.AddDays(-10), "Strategy discussion requested with police and health.");
            _ = amberCsc;

            var jade = Child("Jade", "Thornton", now.AddYears(-15).AddDays(-40), Sex.Female, Ethnicity.WhiteEnglishWelshScottishNorthernIrishBritish, 2, "English");
            jade.Addresses.Add(Address(jade, "Oakfield Children's Home, 2 Elm Grove", "Northbridge", "NB1 7HD", now.AddMonths(-9), "CSC"));
            jade.Vulnerabilities.Add(Vulnerability(jade, VulnerabilityKind.InCare, "Looked after since last year; placed out of her home area.", "CSC"));
            jade.Vulnerabilities.Add(Vulnerability(jade, VulnerabilityKind.OwnMentalOrEmotionalHealth, "Self-harm disclosed to school nurse.", "HLT"));
            Case(jade, "CSC", "Looked after child", now.AddMonths(-9), "csc.practitioner2", lead: true);
            Case(jade, "HLT", "School nursing", now.AddMonths(-3), "health.nurse", lead: true);
            Chronology(jade, "HLT", "health.nurse", ChronologyKinds.SexualHealthAttendance, now.AddMonths(-2), "Attended sexual health clinic with an adult she described as her cousin's friend.");
            Chronology(jade, "CSC", "csc.practitioner2", ChronologyKinds.CaseNote, now.AddMonths(-1), "Placement reports three late returns this month; Jade collected by taxi each time.");

            var aisha = Child("Aisha", "Khan", now.AddYears(-13).AddDays(-200), Sex.Female, Ethnicity.AsianPakistani, 3, "English");
            aisha.OtherNames.Add(Name(aisha, PersonNameKind.AlternativeSpelling, "Ayesha Khan", "HLT"));
            Case(aisha, "EDU", "Behaviour", now.AddMonths(-5), "school.dsl", lead: true);
            Chronology(aisha, "EDU", "school.dsl", ChronologyKinds.Exclusion, now.AddMonths(-3), "Fixed-term exclusion after leaving site at lunchtime; seen near the bus station.");

            var kayleigh = Child("Kayleigh", "Shaw", now.AddYears(-16).AddDays(-10), Sex.Female, Ethnicity.MixedWhiteAndBlackCaribbean, 4, "English");
            Case(kayleigh, "YTH", "Outreach keyworking", now.AddMonths(-2), "youth.worker", lead: true);
            Chronology(kayleigh, "YTH", "youth.worker", ChronologyKinds.Contact, now.AddMonths(-1), "Kayleigh has a new phone and says she does not need the project any more.");

            var ewa = Child("Ewa", "Nowak", now.AddYears(-14).AddDays(-300), Sex.Female, Ethnicity.WhiteOther, 5, "Polish");
            ewa.Nationality = "Polish";
            ewa.InterpreterNeeded = true;
            Case(ewa, "HLT", "Emergency department follow-up", now.AddMonths(-1), "health.nurse", lead: true);
            Chronology(ewa, "HLT", "health.nurse", ChronologyKinds.EmergencyDepartment, now.AddMonths(-1), "Attended ED at 03:00 intoxicated; accompanied by an adult male who left before staff could speak to him.");

            var daniel = Child("Daniel", "Okoro", now.AddYears(-15).AddDays(-90), Sex.Male, Ethnicity.BlackAfrican, 6, "English");
            Case(daniel, "CSC", "Child in need", now.AddMonths(-2), "csc.practitioner2", lead: true);
            Chronology(daniel, "CSC", "csc.practitioner2", ChronologyKinds.CaseNote, now.AddMonths(-1), "Daniel has been given money and a phone by an adult he met online.");

            var parent = new Person { Kind = PersonKind.Adult, GivenName = "Karen", FamilyName = "Lewis", DateOfBirth = DateOnly.FromDateTime(now.AddYears(-38).UtcDateTime), Sex = Sex.Female, CreatedByAgencyId = agencies["CSC"].Id, CreatedAt = now.AddMonths(-5) };
            db.People.Add(parent);
        }

        /// <summary>Two children as the police recorded them, each added to the context when enumerated.</summary>
        public IEnumerable<Person> PoliceRecords()
        {
            var jade = db.People.Local.Single(p => p.GivenName == "Jade");
            var jayde = new Person
            {
                Kind = PersonKind.Child,
                GivenName = "Jayde",
                FamilyName = "Thornton",
                DateOfBirth = jade.DateOfBirth,
                Sex = Sex.Female,
                NhsNumber = jade.NhsNumber,
                CreatedByAgencyId = agencies["POL"].Id,
                CreatedAt = now.AddDays(-20),
            };
            db.People.Add(jayde);
            jayde.Addresses.Add(Address(jayde, "Oakfield Children's Home, 2 Elm Grove", "Northbridge", "NB1 7HD", now.AddDays(-20), "POL"));
            Case(jayde, "POL", "Missing from care", now.AddDays(-20), "police.officer", lead: true);
            yield return jayde;

            var aisha = db.People.Local.Single(p => p.GivenName == "Aisha");
            var born = aisha.DateOfBirth!.Value;
            var ayesha = new Person
            {
                Kind = PersonKind.Child,
                GivenName = "Ayesha",
                FamilyName = "Khan",
                // One digit off in the year, as typed from a phone call.
                DateOfBirth = born.AddYears(born.Year % 10 == 9 ? -1 : 1),
                Sex = Sex.Female,
                CreatedByAgencyId = agencies["POL"].Id,
                CreatedAt = now.AddDays(-3),
            };
            db.People.Add(ayesha);
            ayesha.Addresses.Add(Address(ayesha, "Flat 3, 18 Mill Road", "Northbridge", "NB2 5TT", now.AddDays(-3), "POL"));
            Case(ayesha, "POL", "Police protection", now.AddDays(-3), "police.officer", lead: true);
            yield return ayesha;
        }

        private Person Child(string given, string family, DateTimeOffset born, Sex sex, Ethnicity ethnicity, int serial, string language)
        {
            var person = new Person
            {
                Kind = PersonKind.Child,
                GivenName = given,
                FamilyName = family,
                DateOfBirth = DateOnly.FromDateTime(born.UtcDateTime),
                Sex = sex,
                Ethnicity = ethnicity,
                NhsNumber = TestNhsNumber(serial * 1013),
                FirstLanguage = language,
                Nationality = "British",
                CreatedByAgencyId = agencies["CSC"].Id,
                CreatedAt = now.AddMonths(-12),
            };
            db.People.Add(person);
            _children[given] = person;
            return person;
        }

        private PersonName Name(Person person, PersonNameKind kind, string name, string agency) =>
            new() { PersonId = person.Id, Kind = kind, Name = name, RecordedByAgencyId = agencies[agency].Id, RecordedAt = now.AddMonths(-6) };

        private PersonAddress Address(Person person, string line1, string town, string postcode, DateTimeOffset from, string agency) =>
            new() { PersonId = person.Id, Line1 = line1, Town = town, Postcode = postcode, From = DateOnly.FromDateTime(from.UtcDateTime), RecordedByAgencyId = agencies[agency].Id, RecordedAt = from };

        private PersonVulnerability Vulnerability(Person person, VulnerabilityKind kind, string notes, string agency) =>
            new() { PersonId = person.Id, Kind = kind, Notes = notes, RecordedByAgencyId = agencies[agency].Id, RecordedAt = now.AddMonths(-4) };

        private ChildCase Case(Person person, string agency, string category, DateTimeOffset opened, string allocatedTo, bool lead)
        {
            var user = users[allocatedTo];
            var childCase = new ChildCase
            {
                PersonId = person.Id,
                AgencyId = agencies[agency].Id,
                Reference = $"{agency}-{opened.Year}-{++_caseNumber:D6}",
                Category = category,
                OpenedAt = opened,
            };
            childCase.Allocations.Add(new CaseAllocation { CaseId = childCase.Id, PersonId = person.Id, UserId = user.Id, TeamId = user.TeamId, IsLead = lead, AllocatedAt = opened });
            db.Cases.Add(childCase);
            Chronology(person, agency, allocatedTo, ChronologyKinds.CaseOpened, opened, $"{category} case opened.");
            return childCase;
        }

        private void Chronology(Person person, string agency, string user, string kind, DateTimeOffset at, string summary) =>
            db.Chronology.Add(new ChronologyEntry
            {
                PersonId = person.Id,
                AgencyId = agencies[agency].Id,
                RecordedByUserId = users[user].Id,
                Kind = kind,
                OccurredAt = at,
                RecordedAt = at,
                Summary = summary,
            });
    }
}
