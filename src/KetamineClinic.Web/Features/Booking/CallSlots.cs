using NodaTime;

namespace KetamineClinic.Web.Features.Booking;

/// <summary>A time a call can start, and how many calls already start then.</summary>
public sealed record CallSlot(Instant Start, Instant End, LocalDate ClinicDay);

/// <summary>
/// Lists the call times open to a visitor: from the clinic's weekly hours in its own time zone, after the minimum
/// notice, up to the horizon, not on closed dates, not full. The arithmetic is NodaTime's, so on the days the clocks
/// change a local time that does not exist is skipped and one that happens twice is offered once (the first).
/// </summary>
public static class CallSlots
{
    public static IReadOnlyList<CallSlot> Open(
        AvailabilityRules rules,
        DateTimeZone zone,
        Instant now,
        IReadOnlyDictionary<Instant, int> bookedCalls)
    {
        var earliest = now + rules.MinimumNotice;
        var today = now.InZone(zone).Date;
        var slots = new List<CallSlot>();
        for (var day = today; day <= today.PlusDays(rules.DaysAhead); day = day.PlusDays(1))
        {
            if (rules.ClosedDates.Contains(day) || !rules.WeeklyHours.TryGetValue(day.DayOfWeek, out var hours))
            {
                continue;
            }

            foreach (var start in StartsOn(day, hours, rules.CallLength, zone))
            {
                if (start >= earliest && bookedCalls.GetValueOrDefault(start) < rules.CallsAtOnce)
                {
                    slots.Add(new CallSlot(start, start + rules.CallLength, day));
                }
            }
        }

        return slots;
    }

    /// <summary>Whether <paramref name="start"/> is one of the times the rules give, whatever is booked (the notice and horizon included).</summary>
    public static bool IsOffered(AvailabilityRules rules, DateTimeZone zone, Instant now, Instant start) =>
        Open(rules, zone, now, new Dictionary<Instant, int>()).Any(slot => slot.Start == start);

    private static IEnumerable<Instant> StartsOn(LocalDate day, OpeningHours hours, Duration length, DateTimeZone zone)
    {
        var minutes = (int)length.TotalMinutes;
        var seen = new HashSet<Instant>();
        for (var local = day.At(hours.Opens); local.PlusMinutes(minutes) <= day.At(hours.Closes); local = local.PlusMinutes(minutes))
        {
            var mapping = zone.MapLocal(local);
            if (mapping.Count == 0)
            {
                continue; // In the hour the clocks skip.
            }

            var start = mapping.First().ToInstant();
            if (seen.Add(start))
            {
                yield return start;
            }
        }
    }
}
