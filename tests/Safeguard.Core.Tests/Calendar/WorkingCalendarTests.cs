using Safeguard.Core.Calendar;
using static Safeguard.Core.Tests.Calendar.TestZones;

namespace Safeguard.Core.Tests.Calendar;

public class WorkingCalendarTests
{
    private readonly WorkingCalendar _calendar = new(TestZones.London);

    // Day of receipt = local date; a non-working day of receipt counts as the next working day; the deadline is
    // the end of the Nth working day after it.
    [Theory]
    [InlineData("2026-03-13T17:30:00+00:00", 1, "2026-03-16")] // Friday evening: end of Monday
    [InlineData("2026-03-13T23:59:59+00:00", 0, "2026-03-13")] // N = 0: the day of receipt
    [InlineData("2026-03-14T10:00:00+00:00", 0, "2026-03-16")] // Saturday, N = 0: rolls to Monday
    [InlineData("2026-03-14T10:00:00+00:00", 1, "2026-03-17")] // Saturday counts as Monday: end of Tuesday
    [InlineData("2026-03-15T23:00:00+00:00", 1, "2026-03-17")] // Sunday
    [InlineData("2026-03-16T09:00:00+00:00", 1, "2026-03-17")] // Monday morning
    [InlineData("2026-04-02T12:00:00+01:00", 1, "2026-04-07")] // Maundy Thursday: over Good Friday and Easter Monday
    [InlineData("2026-04-03T12:00:00+01:00", 1, "2026-04-08")] // received on Good Friday: counts from Tuesday
    [InlineData("2026-12-24T16:00:00+00:00", 1, "2026-12-29")] // Christmas Eve 2026: Fri 25, Mon 28 are off
    [InlineData("2027-12-24T16:00:00+00:00", 1, "2027-12-29")] // Christmas on Saturday 2027: off 27 and 28
    [InlineData("2022-12-23T16:00:00+00:00", 2, "2022-12-29")] // Christmas on Sunday 2022: off 26 and 27
    [InlineData("2026-03-02T10:00:00+00:00", 45, "2026-05-07")] // assessment: 45 working days over Easter and early May
    [InlineData("2022-09-16T10:00:00+01:00", 1, "2022-09-20")] // over the state funeral
    public void Adds_working_days_from_the_day_of_receipt(string receivedAt, int n, string expected) =>
        Assert.Equal(D(expected), _calendar.AddWorkingDays(T(receivedAt), n).Date);

    [Theory]
    [InlineData("2026-03-13T23:30:00-01:00", "2026-03-14")] // an offset given: 00:30 UTC on Saturday in London
    [InlineData("2026-06-30T23:30:00+00:00", "2026-07-01")] // 23:30 UTC is 00:30 BST next day
    [InlineData("2026-12-31T23:30:00+00:00", "2026-12-31")]
    public void The_day_of_receipt_is_the_local_date_in_the_partnership_time_zone(string instant, string localDate) =>
        Assert.Equal(D(localDate), _calendar.LocalDate(T(instant)));

    [Theory]
    [InlineData("2026-03-16", "2026-03-17T00:00:00+00:00")] // GMT
    [InlineData("2026-06-15", "2026-06-15T23:00:00+00:00")] // BST: local midnight is 23:00 UTC
    [InlineData("2026-03-28", "2026-03-29T00:00:00+00:00")] // the night the clocks go forward (01:00 UTC)
    [InlineData("2026-10-24", "2026-10-24T23:00:00+00:00")] // the night before the clocks go back
    [InlineData("2026-10-25", "2026-10-26T00:00:00+00:00")]
    public void A_day_ends_at_the_next_local_midnight_in_utc(string date, string endsAt)
    {
        var deadline = _calendar.EndOf(D(date));
        Assert.Equal(T(endsAt), deadline.EndsAt);
        Assert.Equal(TimeSpan.Zero, deadline.EndsAt.Offset);
        Assert.False(deadline.HasPassed(deadline.EndsAt.AddTicks(-1)));
        Assert.True(deadline.HasPassed(deadline.EndsAt));
    }

    [Fact]
    public void Negative_working_days_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(D("2026-03-16"), -1));

    [Theory]
    [InlineData("2026-01-31T10:00:00+00:00", 1, "2026-02-27")] // 28 Feb 2026 is a Saturday: back to Friday
    [InlineData("2026-01-15T10:00:00+00:00", 3, "2026-04-15")]
    [InlineData("2026-02-06T10:00:00+00:00", 2, "2026-04-02")] // 6 April is Easter Monday, 3 Good Friday, back to Thursday
    [InlineData("2026-06-30T10:00:00+01:00", 6, "2026-12-30")]
    public void Month_timescales_fall_back_to_the_last_working_day(string from, int months, string expected) =>
        Assert.Equal(D(expected), _calendar.Due(T(from), Timescale.Months(months)).Date);

    [Fact]
    public void Hour_timescales_are_exact_instants_whatever_the_day()
    {
        var due = _calendar.Due(T("2026-03-27T20:00:00+00:00"), Timescale.Hours(72)); // over the clocks going forward
        Assert.Equal(T("2026-03-30T20:00:00+00:00"), due.EndsAt);
        Assert.Equal(D("2026-03-30"), due.Date);
    }

    [Theory]
    [InlineData("2026-03-13", "2026-03-13", 0)]
    [InlineData("2026-03-13", "2026-03-16", 1)]
    [InlineData("2026-03-16", "2026-03-13", -1)]
    [InlineData("2026-12-24", "2026-12-31", 3)]
    public void Counts_working_days_between_dates(string from, string to, int expected) =>
        Assert.Equal(expected, _calendar.WorkingDaysBetween(D(from), D(to)));

    [Fact]
    public void Adding_working_days_then_counting_them_gives_the_same_number()
    {
        for (var day = D("2026-01-01"); day < D("2028-01-01"); day = day.AddDays(3))
        {
            foreach (var n in new[] { 0, 1, 5, 15, 45 })
            {
                var start = _calendar.NextWorkingDayOnOrAfter(day);
                Assert.Equal(n, _calendar.WorkingDaysBetween(start, _calendar.AddWorkingDays(day, n)));
            }
        }
    }

    [Theory]
    [InlineData("2026-03-29T00:59:00Z", 0)]
    [InlineData("2026-03-29T01:00:00Z", 1)]
    [InlineData("2026-10-25T00:59:00Z", 1)]
    [InlineData("2026-10-25T01:00:00Z", 0)]
    [InlineData("2030-03-31T01:00:00Z", 1)]
    public void Uk_time_by_rule_changes_at_01_00_utc_on_the_last_sundays_of_march_and_october(string instant, int offsetHours) =>
        Assert.Equal(TimeSpan.FromHours(offsetHours), UkTime.ByRule.GetUtcOffset(T(instant)));
}
