namespace Safeguard.Core.Network;

public sealed record GeneratorOptions
{
    public required int Persons { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>Planted groups; by default one per 2,500 persons, at least two.</summary>
    public int? Groups { get; init; }

    /// <summary>Busy public places (takeaways, school gates, bus stations); by default one per 2,000 persons, at least three.</summary>
    public int? BusyPlaces { get; init; }
}

/// <summary>A generated town and the planted groups in it: (group number, person index) for every suspect and child planted.</summary>
public sealed record GeneratedNetwork(NetworkBuilder Network, IReadOnlyList<(int Group, int Node)> Truth);

/// <summary>
/// A synthetic town for tests and benchmarks. Everyone lives somewhere, has phones, accounts, sometimes a car,
/// knows people, calls people, uses local shops, and most pass through a few very busy places. Into it are
/// planted organised groups (suspects sharing cars, phones, a flat and accounts, and the children they take
/// about in those cars, contact on those phones and take to that flat), and decoys that must not count as
/// groups: lone offenders with their victims, pairs of linked suspects with no child, children with no suspect.
/// Group members also lead ordinary lives and use the same busy places as everyone else, several groups the
/// same takeaway. About 3 nodes and 15 links per person (so 333,334 persons make a million nodes and five million links); the same options always give the same town.
/// </summary>
public static class NetworkGenerator
{
    private const int NeighbourhoodSize = 2_000;
    private static readonly DateOnly s_firstDay = new(2024, 1, 1);
    private static readonly string[] s_busyNames = ["Takeaway", "School gate", "Bus station", "Shopping centre", "Railway station"];

    public static GeneratedNetwork Generate(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Persons, 200);
        return new Town(options).Build();
    }

    private sealed class Town(GeneratorOptions options)
    {
        private readonly Random _random = new(options.Seed);
        private readonly NetworkBuilder _network = new();
        private readonly int _persons = options.Persons;
        private readonly int _neighbourhoods = Math.Max(1, options.Persons / NeighbourhoodSize);
        private readonly PersonRole[] _roles = new PersonRole[options.Persons];
        private readonly List<int>[] _phonesOf = new List<int>[options.Persons];
        private readonly List<(int Group, int Node)> _truth = [];
        private int _nextId;

        public GeneratedNetwork Build()
        {
            Array.Fill(_roles, PersonRole.Unknown);
            var groups = PlanGroups(options.Groups ?? Math.Max(2, _persons / 2_500));
            var loneSuspects = Pick(_persons / 300, PersonRole.Suspect);
            var victimsOfLoneSuspects = Pick(_persons / 300, PersonRole.Victim);
            var suspectPairs = Pick(2 * Math.Max(1, _persons / 5_000), PersonRole.Suspect);
            Pick(_persons / 300, PersonRole.Victim);
            Pick(_persons / 50, PersonRole.Associate);
            for (var p = 0; p < _persons; p++)
            {
                _network.AddNode($"P{p + 1}", NodeKind.Person, $"Person {p + 1}", _roles[p]);
            }

            OrdinaryLives();
            var busy = BusyPlaces(options.BusyPlaces ?? Math.Max(3, _persons / 2_000));
            for (var g = 0; g < groups.Count; g++)
            {
                PlantGroup(g + 1, groups[g].Suspects, groups[g].Victims, busy);
            }
            // Decoys: each lone offender exploited one child; each pair of suspects shares a car but has no child.
            for (var i = 0; i < loneSuspects.Count; i++)
            {
                Link(loneSuspects[i], victimsOfLoneSuspects[i], LinkKind.Exploited, RandomDay());
            }
            for (var i = 0; i + 1 < suspectPairs.Count; i += 2)
            {
                var car = AddNode(NodeKind.Vehicle, "Car");
                Link(suspectPairs[i], car, LinkKind.Owns);
                Link(suspectPairs[i + 1], car, LinkKind.Uses);
                Link(suspectPairs[i], suspectPairs[i + 1], LinkKind.Knows);
            }
            return new GeneratedNetwork(_network, _truth);
        }

        private List<(int[] Suspects, int[] Victims)> PlanGroups(int count)
        {
            var groups = new List<(int[] Suspects, int[] Victims)>(count);
            for (var g = 0; g < count; g++)
            {
                // Suspects mostly from one neighbourhood; children from there or anywhere in town.
                var home = _random.Next(_neighbourhoods);
                var suspects = new int[_random.Next(2, 7)];
                var victims = new int[_random.Next(2, 9)];
                for (var i = 0; i < suspects.Length; i++)
                {
                    suspects[i] = Unassigned(_random.Next(4) == 0 ? _random.Next(_neighbourhoods) : home, PersonRole.Suspect);
                }
                for (var i = 0; i < victims.Length; i++)
                {
                    victims[i] = Unassigned(_random.Next(2) == 0 ? _random.Next(_neighbourhoods) : home, PersonRole.Victim);
                }
                groups.Add((suspects, victims));
            }
            return groups;
        }

        private List<int> Pick(int count, PersonRole role)
        {
            var picked = new List<int>(count);
            for (var i = 0; i < count; i++)
            {
                picked.Add(Unassigned(_random.Next(_neighbourhoods), role));
            }
            return picked;
        }

        private int Unassigned(int neighbourhood, PersonRole role)
        {
            var (first, end) = Range(neighbourhood);
            while (true)
            {
                var p = first + _random.Next(end - first);
                if (_roles[p] == PersonRole.Unknown)
                {
                    _roles[p] = role;
                    return p;
                }
            }
        }

        private void OrdinaryLives()
        {
            // Households of one to five in index order, so neighbours in index are neighbours in town.
            for (var p = 0; p < _persons;)
            {
                var size = Math.Min(_random.Next(1, 6), _persons - p);
                var address = AddNode(NodeKind.Location, "Address");
                int? car = _random.NextDouble() < 0.4 ? AddNode(NodeKind.Vehicle, "Car") : null;
                for (var m = p; m < p + size; m++)
                {
                    Link(m, address, LinkKind.LivesAt);
                    if (m > p)
                    {
                        Link(m, p, LinkKind.Family);
                    }
                    if (car is { } c && (m == p || _random.NextDouble() < 0.3))
                    {
                        Link(m, c, m == p ? LinkKind.Owns : LinkKind.Uses);
                    }
                }
                p += size;
            }
            for (var p = 0; p < _persons; p++)
            {
                _phonesOf[p] = [];
                var phones = _random.NextDouble() < 0.1 ? 2 : _random.NextDouble() < 0.95 ? 1 : 0;
                for (var i = 0; i < phones; i++)
                {
                    var phone = AddNode(NodeKind.Phone, "Phone");
                    _phonesOf[p].Add(phone);
                    Link(p, phone, LinkKind.Uses);
                }
                if (_random.NextDouble() < 0.3)
                {
                    Link(p, AddNode(NodeKind.Account, "Account"), LinkKind.Uses);
                }
            }
            // Local shops, pubs and clubs: about two dozen regulars each, the odd one busy enough to be cut.
            var shopsPerNeighbourhood = Math.Max(1, _persons / _neighbourhoods / 8);
            var shops = new int[_neighbourhoods * shopsPerNeighbourhood];
            for (var i = 0; i < shops.Length; i++)
            {
                shops[i] = AddNode(NodeKind.Location, "Shop");
            }
            for (var p = 0; p < _persons; p++)
            {
                for (var i = 0; i < 3; i++)
                {
                    Link(p, shops[(Home(p) * shopsPerNeighbourhood) + _random.Next(shopsPerNeighbourhood)], LinkKind.SeenAt, RandomDay());
                }
                for (var i = 0; i < 4; i++)
                {
                    Link(p, Nearby(p), LinkKind.Knows);
                }
            }
            // Calls: to people nearby or anywhere, all the phone traffic of a town.
            for (var p = 0; p < _persons; p++)
            {
                foreach (var phone in _phonesOf[p])
                {
                    for (var i = 0; i < 4; i++)
                    {
                        var other = _phonesOf[Nearby(p)];
                        if (other.Count > 0)
                        {
                            Link(phone, other[_random.Next(other.Count)], LinkKind.Contacted, RandomDay());
                        }
                    }
                }
            }
            // Incidents: two or three people from one neighbourhood, at a shop or an address.
            for (var i = 0; i < _persons / 20; i++)
            {
                var incident = AddNode(NodeKind.Event, "Incident");
                var someone = _random.Next(_persons);
                var day = RandomDay();
                for (var k = _random.Next(2, 4); k > 0; k--)
                {
                    Link(Nearby(someone), incident, LinkKind.PresentAt, day);
                }
                Link(incident, shops[(Home(someone) * shopsPerNeighbourhood) + _random.Next(shopsPerNeighbourhood)], LinkKind.LocatedAt, day);
            }
        }

        private int[] BusyPlaces(int count)
        {
            var busy = new int[count];
            for (var i = 0; i < count; i++)
            {
                busy[i] = AddNode(NodeKind.Location, s_busyNames[i % s_busyNames.Length]);
            }
            // Most people pass through their area's busy place, some through another anywhere in town.
            for (var p = 0; p < _persons; p++)
            {
                if (_random.NextDouble() < 0.6)
                {
                    var place = _random.NextDouble() < 0.7 ? Home(p) % count : _random.Next(count);
                    Link(p, busy[place], LinkKind.SeenAt, RandomDay());
                }
            }
            return busy;
        }

        private void PlantGroup(int group, int[] suspects, int[] victims, int[] busy)
        {
            foreach (var member in suspects.Concat(victims))
            {
                _truth.Add((group, member));
                // Every group meets the same few busy places as every other group: they must not glue them.
                Link(member, busy[_random.Next(Math.Min(3, busy.Length))], LinkKind.SeenAt, RandomDay());
            }
            var cars = new int[_random.Next(1, 3)];
            for (var i = 0; i < cars.Length; i++)
            {
                cars[i] = AddNode(NodeKind.Vehicle, "Car");
                Link(suspects[0], cars[i], LinkKind.Owns);
            }
            var flat = AddNode(NodeKind.Location, "Flat");
            Link(suspects[0], flat, LinkKind.LivesAt);
            int? groupPhone = _random.NextDouble() < 0.7 ? AddNode(NodeKind.Phone, "Phone") : null;
            int? account = _random.NextDouble() < 0.4 ? AddNode(NodeKind.Account, "Account") : null;
            for (var i = 0; i < suspects.Length; i++)
            {
                var s = suspects[i];
                if (i > 0)
                {
                    // Each further suspect shares at least one of the group's things.
                    var shared = false;
                    if (_random.NextDouble() < 0.5)
                    {
                        Link(s, cars[_random.Next(cars.Length)], LinkKind.Uses);
                        shared = true;
                    }
                    if (_random.NextDouble() < 0.5)
                    {
                        Link(s, flat, LinkKind.SeenAt, RandomDay());
                        shared = true;
                    }
                    if (!shared)
                    {
                        Link(s, flat, LinkKind.WorksAt);
                    }
                }
                if (groupPhone is { } phone && (i < 2 || _random.NextDouble() < 0.3))
                {
                    Link(s, phone, LinkKind.Uses);
                }
                if (account is { } a && _random.NextDouble() < 0.6)
                {
                    Link(s, a, LinkKind.Uses);
                }
                for (var j = i + 1; j < suspects.Length; j++)
                {
                    if (_random.NextDouble() < 0.3)
                    {
                        Link(s, suspects[j], LinkKind.Knows);
                    }
                    if (_random.NextDouble() < 0.5 && _phonesOf[s].Count > 0 && _phonesOf[suspects[j]].Count > 0)
                    {
                        Link(_phonesOf[s][0], _phonesOf[suspects[j]][0], LinkKind.Contacted, RandomDay());
                    }
                }
            }
            foreach (var v in victims)
            {
                var linked = false;
                if (_random.NextDouble() < 0.5)
                {
                    Link(suspects[_random.Next(suspects.Length)], v, LinkKind.Exploited, RandomDay());
                    linked = true;
                }
                if (_random.NextDouble() < 0.6)
                {
                    Link(v, cars[_random.Next(cars.Length)], LinkKind.TravelledIn, RandomDay());
                    linked = true;
                }
                if (_random.NextDouble() < 0.5)
                {
                    Link(v, flat, LinkKind.SeenAt, RandomDay());
                    linked = true;
                }
                var suspectPhones = _phonesOf[suspects[_random.Next(suspects.Length)]];
                if (_random.NextDouble() < 0.6 && suspectPhones.Count > 0 && _phonesOf[v].Count > 0)
                {
                    Link(suspectPhones[0], _phonesOf[v][0], LinkKind.Contacted, RandomDay());
                }
                if (_random.NextDouble() < 0.3)
                {
                    var missing = AddNode(NodeKind.Event, "Missing episode");
                    var day = RandomDay();
                    Link(v, missing, LinkKind.PresentAt, day);
                    Link(missing, flat, LinkKind.LocatedAt, day);
                }
                if (!linked)
                {
                    Link(v, cars[0], LinkKind.TravelledIn, RandomDay());
                }
            }
        }

        private int Nearby(int p)
        {
            if (_random.NextDouble() < 0.3)
            {
                return _random.Next(_persons);
            }
            var (first, end) = Range(Home(p));
            return first + _random.Next(end - first);
        }

        private int Home(int p) => Math.Min(p / NeighbourhoodSize, _neighbourhoods - 1);

        /// <summary>The persons of a neighbourhood: the last one takes the remainder.</summary>
        private (int First, int End) Range(int neighbourhood)
        {
            var first = neighbourhood * NeighbourhoodSize;
            return (first, neighbourhood == _neighbourhoods - 1 ? _persons : first + NeighbourhoodSize);
        }

        private int AddNode(NodeKind kind, string label)
        {
            var number = ++_nextId;
            var prefix = kind switch
            {
                NodeKind.Vehicle => "V",
                NodeKind.Phone => "T",
                NodeKind.Account => "A",
                NodeKind.Location => "L",
                _ => "E",
            };
            _network.AddNode($"{prefix}{number}", kind, $"{label} {number}");
            return _network.NodeCount - 1;
        }

        // Repeats drawn at random (the same two people twice) and self-links are simply not added.
        private void Link(int from, int to, LinkKind kind, DateOnly? date = null) => _network.AddLink(from, to, kind, date);

        private DateOnly RandomDay() => s_firstDay.AddDays(_random.Next(731));
    }
}
