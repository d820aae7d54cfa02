namespace Safeguard.Core.Matching.Synthetic;

/// <summary>
/// Names found in UK towns, by community, most common first (the generator draws them with Zipf-like weights,
/// so the first names in a list are much more common than the last, as in life).
/// </summary>
internal static class NameLists
{
    public sealed record Community(string Name, double Share, string[] Boys, string[] Girls, string[] Surnames);

    public static Community[] Communities { get; } =
    [
        new("british", 0.55,
            Split("oliver jack harry george noah charlie jacob alfie freddie oscar leo archie thomas william joshua james henry daniel samuel joseph lewis ethan mason logan riley tyler kyle liam connor callum jordan bradley ryan michael matthew christopher benjamin alexander edward nathan luke dylan jake reece kieran jamie lee dean shane"),
            Split("olivia amelia isla ava emily sophie grace lily mia ella jessica chloe charlotte evie ruby poppy millie katie katherine elizabeth rebecca hannah lauren megan bethany courtney jade chelsea paige shannon amy abigail molly holly lucy ellie georgia sarah laura emma natalie victoria samantha stacey kayleigh leanne nicole"),
            Split("smith jones williams taylor brown davies evans wilson thomas johnson roberts robinson thompson wright walker white edwards hughes green hall lewis harris clarke patel jackson wood turner martin cooper hill ward morris moore clark lee king baker harrison morgan allen james scott phillips watson davis parker price bennett young griffiths mitchell kelly cook carter richardson bailey collins bell shaw murphy miller cox richards khan marshall anderson simpson ellis adams singh begum wilkinson foster chapman powell webb rogers gray mason ali hunt hussain campbell matthews owen palmer holmes mills barnes knight lloyd butler russell barker fisher stevens jenkins murray dixon harvey graham pearson ahmed fletcher walsh kaur gibson howard andrews stewart elliott reynolds saunders payne fox ford pearce day brooks west lawrence cole atkinson bradley spencer gill dawson ball burton o'brien watts rose booth perry ryan grant wells armstrong francis rees hayes hart hudson newman barrett webster hunter gregory carr lowe page marsh riley dunn woods parsons berry stone reid holland hawkins harding porter robertson newton oliver reed kennedy williamson bird gardner shah dean lane cooke bates henderson parry burgess bishop walton burns nicholson shepherd ross cross long freeman warren nicholls hamilton byrne sutton mcdonald yates hodgson robson curtis hopkins o'connor harper coleman watkins moss mccarthy chambers o'neill griffin sharp hardy wheeler potter osborne johnston gordon doyle wallace george jordan hutchinson rowe burke may pritchard gilbert willis higgins read miles stevenson stephenson hammond arnold buckley walters hewitt barber nelson slater austin sullivan whitehead mann frost lambert stephens blake akhtar lynch goodwin barton woodward thomson cunningham quinn barnett baxter bibi clayton nash greenwood jennings holt kemp poole gallagher bond stokes tucker davidson fowler heath norman middleton lawson banks french stanley jarvis gibbs ferguson hayward carroll douglas dickinson todd barlow peters lucas knowles hartley miah simmons morton alexander field morrison norris townsend preston hancock thornton baldwin burrows briggs storey pollard howe jordan-smith smith-jones")),
        new("south_asian", 0.20,
            Split("mohammed muhammad ali ahmed hamza yusuf ibrahim omar abdullah zain ayaan rayyan ismail haroon bilal usman imran adam hassan hussain zakaria idris suleman arjun aarav rohan harpreet gurpreet jaspreet sandeep rajesh amir faisal tariq kamran shahid asif naveed waqas danyal ayub rizwan irfan junaid sohail"),
            Split("aisha ayesha fatima maryam zainab khadija hafsa inaya amira safa zara noor hira sana mehreen nasreen parveen shazia yasmin rubina samina farah anisa alisha priya simran harleen jasleen manpreet navneet sunita anjali kiran aleena eman laiba iqra mahnoor"),
            Split("khan ahmed ali hussain begum akhtar shah iqbal hussain rahman mahmood choudhury chaudhry patel singh kaur miah islam uddin qureshi siddiqui malik butt sheikh mirza rashid aslam bibi javed hassan anwar raza latif nawaz saleem yousaf zaman ahmad kauser bashir sadiq mehmood sharif rafiq")),
        new("eastern_european", 0.10,
            Split("jakub aleksander szymon filip kacper antoni mateusz wojciech piotr tomasz krzysztof michal pawel dawid lukasz marcin adrian andrei ionut mihai stefan vasile bogdan darius oleksandr dmytro andriy jonas lukas tomas"),
            Split("zuzanna julia zofia hanna maja lena alicja oliwia amelia wiktoria natalia katarzyna agnieszka magdalena aleksandra karolina monika ioana andreea elena maria bianca daria olena iryna anastasia viktoria ieva laura"),
            Split("nowak kowalski wisniewski wojcik kowalczyk kaminski lewandowski zielinski szymanski wozniak dabrowski kozlowski jankowski mazur kwiatkowski krawczyk piotrowski grabowski pawlowski michalski popescu popa ionescu dumitru stan stoica kazlauskas jankauskas petrauskas bondarenko kovalenko shevchenko")),
        new("african", 0.08,
            Split("david emmanuel daniel samuel joshua michael oluwaseun oluwatobi oluwafemi chukwuemeka chinedu tobi femi kwame kofi yaw tendai tatenda mohamed abdirahman abdikadir ahmed hassan yusuf ibrahim musa isaac"),
            Split("grace blessing favour esther deborah precious mercy oluwadamilola abimbola olufunmilayo ngozi chioma adaeze amara ama akosua abena chipo ruth hodan fadumo amina hawa sahra naima mariam"),
            Split("okafor okeke adeyemi adebayo oladipo olawale mensah asante owusu boateng osei moyo ncube dube sibanda mohamed ali hassan abdi farah omar warsame jama yusuf nwosu eze obi")),
        new("other", 0.07,
            Split("sean patrick conor cian darragh aidan wei jun hao ming marcus andre tyrone jerome dwayne carlos diego luca marco giovanni jose mehmet emre can"),
            Split("siobhan niamh aoife ciara roisin mei li xin ying keisha shanice tiana maria sofia giulia francesca ana lucia elif zeynep ayse"),
            Split("murphy kelly o'sullivan walsh byrne ryan o'connor doyle mccarthy gallagher chen wang li zhang liu campbell brown thompson williams rossi russo ferrari silva santos rodrigues yilmaz kaya demir")),
    ];

    public static string[] Streets { get; } = Split(
        "high church station victoria park mill albert queen king manor school green new north south west east london york "
        + "chapel springfield richmond grange windsor main cross bridge market castle hill meadow orchard elm oak ash beech "
        + "willow cedar maple poplar hawthorn holly laburnum lime sycamore chestnut birch rowan hazel alder heather moorland "
        + "sheffield bradford leeds manchester rochdale rotherham oldham bolton burnley blackburn wakefield halifax kirklees");

    public static string[] StreetKinds { get; } = Split("street road lane avenue close drive way crescent grove terrace place gardens court walk view");

    /// <summary>Towns with their postcode area and the range of district numbers used here.</summary>
    public static (string Town, string Area, int Districts)[] Towns { get; } =
    [
        ("rotherham", "S", 66), ("sheffield", "S", 36), ("rochdale", "OL", 16), ("oldham", "OL", 9), ("bradford", "BD", 24),
        ("leeds", "LS", 29), ("manchester", "M", 46), ("bolton", "BL", 9), ("blackburn", "BB", 12), ("burnley", "BB", 12),
        ("huddersfield", "HD", 9), ("halifax", "HX", 7), ("wakefield", "WF", 17), ("birmingham", "B", 99), ("coventry", "CV", 47),
        ("derby", "DE", 75), ("nottingham", "NG", 34), ("leicester", "LE", 19), ("telford", "TF", 13), ("peterborough", "PE", 38),
        ("luton", "LU", 7), ("oxford", "OX", 49), ("bristol", "BS", 49), ("newcastle", "NE", 99), ("london", "E", 20),
        ("london", "N", 22), ("london", "SE", 28), ("london", "NW", 11), ("liverpool", "L", 39), ("keighley", "BD", 22),
    ];

    private static string[] Split(string names) => names.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
