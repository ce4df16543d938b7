using KetamineClinic.Web.Forms;
using NodaTime;
using NodaTime.Text;

namespace KetamineClinic.Web.Features.Booking;

/// <summary>The "Choose a time" list (_ChooseTime.cshtml): the first days open, later ones behind "Later times".</summary>
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

    public bool Any => Soon.Count > 0;

    public bool LaterHoldsSelection => Later.Any(d => d.Times.Any(t => t.Selected));

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
                        CallTimeLabels.DayAndTime(slot.Start, clinic),
                        visitor is null ? null : $"{CallTimeLabels.Time(slot.Start, visitor)} {CallTimeLabels.ZoneName(visitor)} where you are",
                        value == selected);
                })]))
            .ToList();
        var problems = error is null ? ErrorSummary.None : new ErrorSummary([new FieldError($"{FieldName}-0", error)]);
        return new ChooseTimeForm(action, [.. days.Take(DaysShownFirst)], [.. days.Skip(DaysShownFirst)], problems, noneHref, submitLabel);
    }

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

public sealed record CallDay(string Label, IReadOnlyList<CallTimeChoice> Times);

public sealed record CallTimeChoice(string Value, string Id, string Label, string? VisitorTime, bool Selected);
