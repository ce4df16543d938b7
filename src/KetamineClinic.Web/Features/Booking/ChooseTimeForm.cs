using KetamineClinic.Web.Forms;
using NodaTime;
using NodaTime.Text;

namespace KetamineClinic.Web.Features.Booking;

/// <summary>The "Choose a time" list (_ChooseTime.cshtml): each day its own disclosure, only the first open; later days behind "Later times".</summary>
public sealed record ChooseTimeForm(
    string Action,
    IReadOnlyList<CallDay> Soon,
    IReadOnlyList<CallDay> Later,
    ErrorSummary Problems,
    string? NoneHref,
    string SubmitLabel)
{
    public const string FieldName = "Start";
    public const string FirstLegend = "Choose a time for your call";
    public const string NoneLabel = "None of these times suit me";
    public const string MissingMessage = "Choose a time for your call";
    public const string NotOfferedMessage = "That time is not one we can offer. Choose one of the times shown.";
    public const string TakenMessage = "That time was just taken. Choose another time.";
    private const int DaysShownFirst = 3;

    private static readonly InstantPattern _value = InstantPattern.General;

    /// <summary>The fieldset's legend: it starts with "Choose a time" wherever the list is shown.</summary>
    public string Legend { get; init; } = FirstLegend;

    /// <summary>The clinic's zone, named once in the hint because each time on screen shows only the clock.</summary>
    public string ClinicZone { get; init; } = "";

    /// <summary>How long a call lasts, in minutes, as the times offered are set (`/staff/availability`).</summary>
    public int CallMinutes { get; init; }

    public bool Any => Soon.Count > 0;

    public bool LaterHoldsSelection => Later.Any(d => d.HoldsSelection);

    /// <summary>Only one day's times are open at first, so a phone shows a short list; the chosen day stays open after an error.</summary>
    public bool IsOpen(CallDay day) => day.HoldsSelection || (ReferenceEquals(day, Soon[0]) && !Soon.Concat(Later).Any(d => d.HoldsSelection));

    public static ChooseTimeForm Build(
        IReadOnlyList<CallSlot> slots,
        DateTimeZone clinic,
        DateTimeZone? visitor,
        string action,
        string? noneHref,
        string submitLabel,
        string? error = null,
        string? selected = null)
    {
        var index = 0;
        var days = slots
            .GroupBy(s => s.ClinicDay)
            .Select(day => new CallDay(
                CallTimeLabels.Day(day.Key),
                [.. day.Select(slot =>
                {
                    var value = _value.Format(slot.Start);
                    return new CallTimeChoice(
                        value,
                        $"{FieldName}-{index++}",
                        $"{CallTimeLabels.Day(day.Key)}, ",
                        CallTimeLabels.Time(slot.Start, clinic),
                        $" {CallTimeLabels.ZoneName(clinic)}",
                        visitor is null ? null : $"{CallTimeLabels.Time(slot.Start, visitor)} {CallTimeLabels.ZoneName(visitor)} where you are",
                        value == selected);
                })]))
            .ToList();
        var problems = error is null ? ErrorSummary.None : new ErrorSummary([new FieldError($"{FieldName}-0", error)]);
        return new ChooseTimeForm(action, [.. days.Take(DaysShownFirst)], [.. days.Skip(DaysShownFirst)], problems, noneHref, submitLabel)
        {
            ClinicZone = CallTimeLabels.ZoneName(clinic),
            CallMinutes = slots.Count == 0 ? 0 : (int)(slots[0].End - slots[0].Start).TotalMinutes,
        };
    }

    /// <summary>Why a posted time cannot be tried as it stands (none chosen, or not a time of ours); null when it can.</summary>
    public static string? ProblemWith(string? value, out Instant start)
    {
        start = default;
        return string.IsNullOrEmpty(value) ? MissingMessage : TryParseStart(value, out start) ? null : NotOfferedMessage;
    }

    /// <summary>What the page says when a time that was tried could not be booked.</summary>
    public static string MessageFor(BookingOutcome outcome) => outcome == BookingOutcome.Taken ? TakenMessage : NotOfferedMessage;

    public static bool TryParseStart(string? value, out Instant start)
    {
        start = default;
        if (string.IsNullOrEmpty(value) || value.Length > 40 || _value.Parse(value) is not { Success: true } parsed)
        {
            return false;
        }

        start = parsed.Value;
        return true;
    }
}

public sealed record CallDay(string Label, IReadOnlyList<CallTimeChoice> Times)
{
    public bool HoldsSelection => Times.Any(t => t.Selected);
}

/// <summary>
/// One time. On screen only <see cref="Time"/> shows (the day is the disclosure's summary); the day and zone stay in
/// the label for screen readers, so the whole label reads as <see cref="CallTimeLabels.DayAndTime"/>.
/// </summary>
public sealed record CallTimeChoice(string Value, string Id, string DayPrefix, string Time, string ZoneSuffix, string? VisitorTime, bool Selected)
{
    public string Label => DayPrefix + Time + ZoneSuffix;
}
