using KetamineClinic.Web.Features.Staff.Requests;

namespace KetamineClinic.Tests.Staff;

public sealed class RequestDashboardTests
{
    private static readonly TimeZoneInfo _chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value_and_of_an_even_count_the_mean_of_the_two_middle_values()
    {
        Assert.Null(RequestDashboard.Median([]));
        Assert.Equal(TimeSpan.FromHours(2), RequestDashboard.Median([TimeSpan.FromHours(5), TimeSpan.FromHours(1), TimeSpan.FromHours(2)]));
        Assert.Equal(TimeSpan.FromHours(3), RequestDashboard.Median([TimeSpan.FromHours(4), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(10)]));
    }

    [Fact]
    public void Requests_are_counted_in_clinic_local_weeks_starting_on_monday()
    {
        // Monday 23 November 2026, 12:00 in Chicago (UTC-6).
        var now = new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);
        DateTime[] received =
        [
            new(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc),   // Monday 01:00 local: this week
            new(2026, 11, 23, 5, 0, 0, DateTimeKind.Utc),   // Sunday 23:00 local: last week
            new(2026, 11, 17, 12, 0, 0, DateTimeKind.Utc),  // last week
            new(2026, 9, 8, 12, 0, 0, DateTimeKind.Utc),    // week of 7 September: the oldest counted week
            new(2026, 9, 6, 12, 0, 0, DateTimeKind.Utc),    // Sunday before: outside the 12 weeks
        ];

        var weeks = RequestDashboard.CountPerWeek(received, now, _chicago);

        Assert.Equal(12, weeks.Count);
        Assert.Equal(new DateOnly(2026, 11, 23), weeks[^1].WeekStart);
        Assert.Equal(new DateOnly(2026, 9, 7), weeks[0].WeekStart);
        Assert.Equal(1, weeks[^1].Count);
        Assert.Equal(2, weeks[^2].Count);
        Assert.Equal(1, weeks[0].Count);
        Assert.Equal(4, weeks.Sum(w => w.Count));
    }

    [Theory]
    [InlineData(45, "45 min")]
    [InlineData(200, "3 h 20 min")]
    [InlineData(3120, "2 d 4 h")]
    public void Durations_are_described_briefly(int minutes, string expected) =>
        Assert.Equal(expected, RequestDashboard.Describe(TimeSpan.FromMinutes(minutes)));
}
