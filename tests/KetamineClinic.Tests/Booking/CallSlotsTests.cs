using KetamineClinic.Web.Features.Booking;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace KetamineClinic.Tests.Booking;

public sealed class CallSlotsTests
{
    private static readonly DateTimeZone _chicago = DateTimeZoneProviders.Tzdb["America/Chicago"];
    private static readonly Dictionary<Instant, int> _nothingBooked = [];

    private static Instant Now(FakeTimeProvider time) => Instant.FromDateTimeOffset(time.GetUtcNow());

    private static FakeTimeProvider ClockAt(int year, int month, int day, int hour, int minute = 0) =>
        new(new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(_chicago).ToDateTimeOffset());

    private static AvailabilityRules SundayNightRules(int days = 7) => AvailabilityRules.Default with
    {
        WeeklyHours = new Dictionary<IsoDayOfWeek, OpeningHours> { [IsoDayOfWeek.Sunday] = new(new LocalTime(0, 0), new LocalTime(4, 0)) },
        CallLength = Duration.FromMinutes(30),
        DaysAhead = days,
        MinimumNotice = Duration.Zero,
    };

    private static List<string> LocalTimes(IEnumerable<CallSlot> slots) =>
        [.. slots.Select(s => s.Start.InZone(_chicago).ToString("yyyy-MM-dd HH:mm o<-HH>", null))];

    [Fact]
    public void The_defaults_offer_twenty_minute_calls_from_nine_to_five_on_weekdays_after_two_hours_notice()
    {
        var time = ClockAt(2026, 12, 7, 10, 5); // Monday, 10:05 in Chicago
        var slots = CallSlots.Open(AvailabilityRules.Default, _chicago, Now(time), _nothingBooked);

        var monday = slots.Where(s => s.ClinicDay == new LocalDate(2026, 12, 7)).ToList();
        Assert.Equal("2026-12-07 12:20 -06", LocalTimes(monday)[0]); // 12:05 is the earliest; 12:20 the next start on the grid
        Assert.Equal("2026-12-07 16:40 -06", LocalTimes(monday)[^1]); // ends at 17:00
        Assert.Equal(24, slots.Count(s => s.ClinicDay == new LocalDate(2026, 12, 8)));
        Assert.DoesNotContain(slots, s => s.ClinicDay.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
        Assert.All(slots, s => Assert.Equal(Duration.FromMinutes(20), s.End - s.Start));
        Assert.Equal(new LocalDate(2026, 12, 21), slots[^1].ClinicDay); // 14 days ahead, a Monday
    }

    [Fact]
    public void On_the_spring_forward_day_no_slot_falls_in_the_hour_that_does_not_exist()
    {
        var time = ClockAt(2027, 3, 13, 12); // Saturday before the change (14 March 2027)
        var slots = CallSlots.Open(SundayNightRules(days: 1), _chicago, Now(time), _nothingBooked);

        Assert.Equal(
            ["2027-03-14 00:00 -06", "2027-03-14 00:30 -06", "2027-03-14 01:00 -06", "2027-03-14 01:30 -06", "2027-03-14 03:00 -05", "2027-03-14 03:30 -05"],
            LocalTimes(slots));
        Assert.Equal(Duration.FromMinutes(30), slots[4].Start - slots[3].Start); // 01:30 CST to 03:00 CDT is half an hour
    }

    [Fact]
    public void On_the_fall_back_day_the_hour_that_happens_twice_is_offered_once()
    {
        var time = ClockAt(2026, 10, 31, 12); // Saturday before the change (1 November 2026)
        var slots = CallSlots.Open(SundayNightRules(days: 1), _chicago, Now(time), _nothingBooked);

        Assert.Equal(
            ["2026-11-01 00:00 -05", "2026-11-01 00:30 -05", "2026-11-01 01:00 -05", "2026-11-01 01:30 -05", "2026-11-01 02:00 -06", "2026-11-01 02:30 -06", "2026-11-01 03:00 -06", "2026-11-01 03:30 -06"],
            LocalTimes(slots));
        Assert.Equal(slots.Count, slots.Select(s => s.Start).Distinct().Count());
        Assert.All(slots, s => Assert.Equal(Duration.FromMinutes(30), s.End - s.Start));
    }

    [Fact]
    public void Closed_dates_are_skipped()
    {
        var time = ClockAt(2026, 12, 21, 8);
        var christmas = new LocalDate(2026, 12, 25);
        var open = CallSlots.Open(AvailabilityRules.Default, _chicago, Now(time), _nothingBooked);
        var closed = CallSlots.Open(AvailabilityRules.Default with { ClosedDates = new HashSet<LocalDate> { christmas } }, _chicago, Now(time), _nothingBooked);

        Assert.Contains(open, s => s.ClinicDay == christmas);
        Assert.DoesNotContain(closed, s => s.ClinicDay == christmas);
        Assert.Equal(open.Count - 24, closed.Count);
    }

    [Fact]
    public void The_minimum_notice_and_the_horizon_bound_the_list()
    {
        var time = ClockAt(2026, 12, 7, 9, 0);
        var rules = AvailabilityRules.Default with { MinimumNotice = Duration.FromHours(4), DaysAhead = 2 };
        var slots = CallSlots.Open(rules, _chicago, Now(time), _nothingBooked);

        Assert.Equal("2026-12-07 13:00 -06", LocalTimes(slots)[0]);
        Assert.Equal(new LocalDate(2026, 12, 9), slots[^1].ClinicDay);
        Assert.All(slots, s => Assert.True(s.Start >= Now(time) + Duration.FromHours(4)));

        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal("2026-12-07 14:00 -06", LocalTimes(CallSlots.Open(rules, _chicago, Now(time), _nothingBooked))[0]);
    }

    [Fact]
    public void A_time_is_open_until_as_many_calls_as_the_clinic_takes_at_once_are_booked_for_it()
    {
        var time = ClockAt(2026, 12, 7, 8, 0);
        var nine = new LocalDateTime(2026, 12, 8, 9, 0).InZoneStrictly(_chicago).ToInstant();
        var rules = AvailabilityRules.Default with { CallsAtOnce = 2 };

        Assert.Contains(CallSlots.Open(rules, _chicago, Now(time), new Dictionary<Instant, int> { [nine] = 1 }), s => s.Start == nine);
        Assert.DoesNotContain(CallSlots.Open(rules, _chicago, Now(time), new Dictionary<Instant, int> { [nine] = 2 }), s => s.Start == nine);
        Assert.True(CallSlots.IsOffered(rules, _chicago, Now(time), nine));
        Assert.False(CallSlots.IsOffered(rules, _chicago, Now(time), nine + Duration.FromMinutes(5))); // off the grid
        Assert.False(CallSlots.IsOffered(rules, _chicago, Now(time), Now(time) - Duration.FromHours(1))); // in the past
    }

    [Fact]
    public void Labels_name_the_day_the_time_and_the_zone_and_a_visitor_elsewhere_gets_their_own_zone()
    {
        var start = new LocalDateTime(2026, 12, 8, 10, 30).InZoneStrictly(_chicago).ToInstant();
        Assert.Equal("Tuesday, December 8, 10:30 AM Central Time", CallTimeLabels.DayAndTime(start, _chicago));

        var california = StateTimeZones.OtherThanClinic("CA", _chicago)!;
        Assert.Equal("8:30 AM", CallTimeLabels.Time(start, california));
        Assert.Equal("Pacific Time", CallTimeLabels.ZoneName(california));
        Assert.Null(StateTimeZones.OtherThanClinic("IL", _chicago));
        Assert.Null(StateTimeZones.OtherThanClinic("TX", _chicago));
        Assert.Null(StateTimeZones.OtherThanClinic("XX", _chicago));
        Assert.All(KetamineClinic.Web.Features.Consultation.UsStates.All, s => Assert.NotNull(StateTimeZones.Of(s.Code)));
    }
}
