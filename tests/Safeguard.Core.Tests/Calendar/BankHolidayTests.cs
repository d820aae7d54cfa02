using Safeguard.Core.Calendar;
using static Safeguard.Core.Tests.Calendar.TestZones;

namespace Safeguard.Core.Tests.Calendar;

public class BankHolidayTests
{
    // Easter Sundays from published tables, including the earliest (22 March) and latest (25 April) possible.
    [Theory]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2020, "2020-04-12")]
    [InlineData(2021, "2021-04-04")]
    [InlineData(2022, "2022-04-17")]
    [InlineData(2023, "2023-04-09")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_Sunday_matches_published_dates(int year, string expected) =>
        Assert.Equal(D(expected), EnglandAndWalesBankHolidays.EasterSunday(year));

    // The complete published England and Wales lists for each year (gov.uk), covering Christmas on every weekday
    // that needs a substitute: Friday (2015, 2020, 2026), Saturday (2010, 2021, 2027), Sunday (2011, 2016, 2022),
    // New Year on a Saturday (2011, 2022) and a Sunday (2012, 2023), and the one-off changes of 2011, 2012, 2020,
    // 2022 and 2023.
    [Theory]
    [InlineData(2010, "2010-01-01 2010-04-02 2010-04-05 2010-05-03 2010-05-31 2010-08-30 2010-12-27 2010-12-28")]
    [InlineData(2011, "2011-01-03 2011-04-22 2011-04-25 2011-04-29 2011-05-02 2011-05-30 2011-08-29 2011-12-26 2011-12-27")]
    [InlineData(2012, "2012-01-02 2012-04-06 2012-04-09 2012-05-07 2012-06-04 2012-06-05 2012-08-27 2012-12-25 2012-12-26")]
    [InlineData(2015, "2015-01-01 2015-04-03 2015-04-06 2015-05-04 2015-05-25 2015-08-31 2015-12-25 2015-12-28")]
    [InlineData(2016, "2016-01-01 2016-03-25 2016-03-28 2016-05-02 2016-05-30 2016-08-29 2016-12-26 2016-12-27")]
    [InlineData(2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28")]
    [InlineData(2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28")]
    [InlineData(2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27")]
    [InlineData(2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26")]
    [InlineData(2024, "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26")]
    [InlineData(2025, "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26")]
    [InlineData(2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28")]
    [InlineData(2027, "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28")]
    public void Bank_holidays_match_the_published_list(int year, string expected)
    {
        var calendar = new WorkingCalendar(TestZones.London);
        Assert.Equal(expected.Split(' ').Select(D), calendar.DaysOff(year).Select(h => h.Date));
    }

    [Fact]
    public void Substitute_days_are_named_for_the_holiday_they_replace()
    {
        var days = new WorkingCalendar(TestZones.London).DaysOff(2021);
        Assert.Equal("Christmas Day (substitute day)", days.Single(d => d.Date == D("2021-12-27")).Name);
        Assert.Equal("Boxing Day (substitute day)", days.Single(d => d.Date == D("2021-12-28")).Name);
    }

    [Fact]
    public void Without_the_one_off_changes_the_rules_alone_apply()
    {
        var calendar = new WorkingCalendar(TestZones.London, oneOffChanges: []);
        var days = calendar.DaysOff(2022).Select(h => h.Date).ToList();
        Assert.Contains(D("2022-05-30"), days);
        Assert.DoesNotContain(D("2022-06-02"), days);
        Assert.DoesNotContain(D("2022-09-19"), days);
    }

    [Fact]
    public void Local_closures_are_days_off()
    {
        var calendar = new WorkingCalendar(TestZones.London, closures: [new BankHoliday(D("2026-12-24"), "Office closed")]);
        Assert.False(calendar.IsWorkingDay(D("2026-12-24")));
        Assert.True(new WorkingCalendar(TestZones.London).IsWorkingDay(D("2026-12-24")));
        Assert.Contains(calendar.DaysOff(2026), h => h is { Name: "Office closed" });
    }
}
